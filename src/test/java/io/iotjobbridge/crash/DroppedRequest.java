package io.iotjobbridge.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request document a test drops into a bridge's inbox, and the result files its job must deliver.
 *
 * @param kind      which vendor operation it starts
 * @param id        its request id, unique for the whole test class (the sandbox outlives each data folder)
 * @param document  the JSON document
 * @param batchTask the Huawei batch task it exports; null for the other kinds
 */
record DroppedRequest(Kind kind, String id, String document, String batchTask) {

    enum Kind {
        DATA_DOWNLOAD("CreateDownloadDataJob"),
        DEVICE_JOB("CreateJob"),
        EXPORT("CreateExportTask");

        /** The vendor API that creates the vendor job, as the sandbox counts it. */
        final String createApi;

        Kind(String createApi) {
            this.createApi = createApi;
        }
    }

    /**
     * Writes the document beside the inbox and moves it in with one rename, as a user should: the bridge never sees
     * a half-written request.
     */
    void dropInto(Path dataDir) throws IOException {
        Path staged = Files.writeString(dataDir.resolve(id + ".json.staged"), document);
        Files.move(staged, dataDir.resolve("inbox").resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The names (last path segment, as the default {@code {requestId}-{fileName}} template makes them) of the files
     * its job delivers, one pattern per file.
     */
    List<Pattern> expectedFiles(String vendorJobId) {
        String prefix = Pattern.quote(id + "-");
        return switch (kind) {
            case DATA_DOWNLOAD -> List.of(Pattern.compile(prefix + Pattern.quote(RequestFactory.CSV_NAME)));
            case DEVICE_JOB -> List.of(Pattern.compile(prefix + "tasks\\.jsonl"),
                    Pattern.compile(prefix + "tasks\\.csv"), Pattern.compile(prefix + "summary\\.json"));
            // the zip, and the one spreadsheet in it (extractEntries), named after the batch task and its outcome
            case EXPORT -> List.of(Pattern.compile(prefix + Pattern.quote("export_" + vendorJobId + ".zip")),
                    Pattern.compile(prefix + Pattern.quote(batchTask + "_") + "[A-Za-z]+\\.xls"));
        };
    }
}
