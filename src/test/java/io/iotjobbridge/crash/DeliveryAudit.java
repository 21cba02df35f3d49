package io.iotjobbridge.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.destination.Destinations;
import io.iotjobbridge.destination.FileNameTemplate;
import io.iotjobbridge.destination.Manifest;
import io.iotjobbridge.ledger.DeliveredFile;
import io.iotjobbridge.ledger.JobState;
import io.iotjobbridge.ledger.JobTransition;
import io.iotjobbridge.sandbox.CsvDigests;
import io.iotjobbridge.sandbox.SyntheticCsv;

/**
 * The promises a restart must keep, checked once every job of a scenario is over and no bridge runs: each request
 * became one vendor job and was delivered once, each file is at the destination once, whole and as recorded, and
 * nothing partial is left there.
 */
final class DeliveryAudit {

    private static final String STATUS_FOLDER = ".status";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the bridge puts a job's manifest: the default destination's template, as the crash runs use it. */
    private static final FileNameTemplate MANIFEST_NAMES = new FileNameTemplate(Destinations.DEFAULT_TEMPLATE);

    private final List<DroppedRequest> requests;
    private final LedgerContents ledger;
    private final Path outbox;

    DeliveryAudit(List<DroppedRequest> requests, LedgerContents ledger, Path outbox) {
        this.requests = requests;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** Each job DELIVERED once, following the one vendor job it recorded, with exactly its expected files. */
    void assertEachJobDeliveredOnce() {
        for (DroppedRequest request : requests) {
            LedgerContents.Job job = ledger.job(request.id())
                    .orElseThrow(() -> new AssertionError("no job for request " + request.id() + "; " + ledger));
            String about = request.id() + " (" + ledger + ")";
            assertThat(job.state()).as("state of %s", about).isEqualTo(JobState.DELIVERED);
            assertThat(job.transitionsTo(JobState.DELIVERED)).as("DELIVERED transitions of %s", about).isEqualTo(1);
            // a restart adopts the vendor job of an interrupted submit (or creates the only one): never a second
            List<JobTransition> submitted = job.history().stream()
                    .filter(t -> t.state() == JobState.SUBMITTED).toList();
            assertThat(submitted).as("SUBMITTED transitions of %s", about).hasSize(1);
            assertThat(submitted.get(0).detail()).as("the vendor job %s recorded", about)
                    .contains(job.record().vendorJobId());
            List<String> names = job.files().stream().map(file -> lastSegment(file.name())).toList();
            assertThat(names).as("files recorded for %s", about).doesNotHaveDuplicates();
            assertMatchOneToOne(names, request.expectedFiles(job.record().vendorJobId()), about);
        }
    }

    /**
     * The destination holds exactly the recorded files, each with the recorded size and SHA-256, and each job's
     * manifest, byte for byte what the ledger says however often the job was interrupted; no temporary
     * ({@code .part-}) or other stray file is left; and the content is the vendor's.
     */
    void assertOutboxHoldsExactlyTheRecordedFiles() throws IOException {
        Map<String, DeliveredFile> recorded = new TreeMap<>();
        ledger.jobs().forEach(job -> job.files().forEach(file -> recorded.put(file.name(), file)));
        Map<String, byte[]> manifests = new TreeMap<>();
        ledger.jobs().forEach(job -> manifests.put(MANIFEST_NAMES.render(job.record(), Manifest.FILE_NAME),
                Manifest.of(job.record(), job.files()).toJson()));
        Set<String> present = filesUnder(outbox);
        assertThat(present).as("files under the outbox").noneMatch(name -> lastSegment(name).startsWith("."));
        Set<String> expected = new TreeSet<>(recorded.keySet());
        expected.addAll(manifests.keySet());
        assertThat(present).as("files under the outbox").containsExactlyInAnyOrderElementsOf(expected);
        for (Map.Entry<String, byte[]> manifest : manifests.entrySet()) {
            assertThat(outbox.resolve(manifest.getKey())).as("manifest %s against the ledger's", manifest.getKey())
                    .hasBinaryContent(manifest.getValue());
        }
        for (DeliveredFile file : recorded.values()) {
            Path path = outbox.resolve(file.name());
            assertThat(Files.size(path)).as("size of %s", file.name()).isEqualTo(file.sizeBytes());
            assertThat(sha256(path)).as("SHA-256 of %s against the ledger's", file.name()).isEqualTo(file.sha256());
        }
        for (DroppedRequest request : requests) {
            assertVendorContent(request, ledger.job(request.id()).orElseThrow());
        }
    }

    /**
     * Waits until each request's status file (its job's last published status event) says DELIVERED, while a bridge
     * is running to publish it: no event was lost to a crash.
     */
    static void awaitStatusFilesDelivered(Path outbox, Set<String> requestIds) {
        await("a DELIVERED status file for each of " + requestIds).atMost(BridgeRun.MAX_WAIT).until(() -> {
            Set<String> delivered = new TreeSet<>();
            try (Stream<Path> files = Files.list(outbox.resolve(STATUS_FOLDER))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    JsonNode event = JSON.readTree(file.toFile());
                    if ("DELIVERED".equals(event.path("state").asText())) {
                        delivered.add(event.path("requestId").asText());
                    }
                }
            }
            return delivered.containsAll(requestIds);
        });
    }

    /**
     * One vendor create per request, per create API, between two stats readings of the sandbox.
     *
     * @param extraDownloadsAllowed data downloads a crash caught between sending CreateDownloadDataJob and recording
     *                              its answer: the vendor offers no way to find that job again, so it may have been
     *                              created twice (a documented cost)
     */
    void assertOneVendorJobPerRequest(Map<String, Long> callsBefore, Map<String, Long> callsAfter,
                                      int extraDownloadsAllowed) {
        Map<String, Long> perApi = requests.stream()
                .collect(Collectors.groupingBy(r -> r.kind().createApi, TreeMap::new, Collectors.counting()));
        Map<String, Long> made = new TreeMap<>();
        perApi.keySet().forEach(api ->
                made.put(api, callsAfter.getOrDefault(api, 0L) - callsBefore.getOrDefault(api, 0L)));
        String download = DroppedRequest.Kind.DATA_DOWNLOAD.createApi;
        for (Map.Entry<String, Long> expected : perApi.entrySet()) {
            String api = expected.getKey();
            String about = api + " calls (all calls during the scenario: " + difference(callsBefore, callsAfter) + ")";
            if (api.equals(download)) {
                assertThat(made.get(api)).as(about).isBetween(expected.getValue(),
                        expected.getValue() + extraDownloadsAllowed);
            } else {
                assertThat(made.get(api)).as(about).isEqualTo(expected.getValue());
            }
        }
    }

    private void assertVendorContent(DroppedRequest request, LedgerContents.Job job) throws IOException {
        switch (request.kind()) {
            // the sandbox serves the CSV of a download job from a seed: its long job id
            case DATA_DOWNLOAD -> {
                Path csv = outbox.resolve(job.files().get(0).name());
                assertThat(sha256(csv)).as("the CSV of %s is the vendor's", request.id())
                        .isEqualTo(CsvDigests.sha256(SyntheticCsv.open(job.record().vendorJobId(), Files.size(csv))));
            }
            case EXPORT -> {
                Map<String, String> entries = new HashMap<>();
                Path zip = null;
                for (DeliveredFile file : job.files()) {
                    if (file.name().endsWith(".zip")) {
                        zip = outbox.resolve(file.name());
                    }
                }
                assertThat(zip).as("the export zip of %s", request.id()).isNotNull();
                try (ZipFile archive = new ZipFile(zip.toFile())) {
                    for (ZipEntry entry : archive.stream().toList()) {
                        entries.put(CsvDigests.sha256(archive.getInputStream(entry)), entry.getName());
                    }
                }
                for (DeliveredFile file : job.files()) {
                    if (!file.name().endsWith(".zip")) {
                        assertThat(entries).as("entries of the export zip of %s, by SHA-256", request.id())
                                .containsKey(sha256(outbox.resolve(file.name())));
                    }
                }
            }
            case DEVICE_JOB -> {
                // a report the bridge writes itself: its size and digest against the ledger are what can be checked
            }
        }
    }

    private static void assertMatchOneToOne(List<String> names, List<Pattern> expected, String about) {
        List<String> unmatched = new ArrayList<>(names);
        for (Pattern pattern : expected) {
            List<String> matching = unmatched.stream().filter(n -> pattern.matcher(n).matches()).toList();
            assertThat(matching).as("files of %s named like %s", about, pattern).hasSize(1);
            unmatched.removeAll(matching);
        }
        assertThat(unmatched).as("unexpected files of %s", about).isEmpty();
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> diff = new TreeMap<>();
        after.forEach((api, count) -> {
            long made = count - before.getOrDefault(api, 0L);
            if (made != 0) {
                diff.put(api, made);
            }
        });
        return diff;
    }

    /** Every regular file under {@code root}, hidden ones included, as paths relative to it with '/'. */
    static Set<String> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return new TreeSet<>();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            // status events are not deliveries; assertEachJobsStatusFileIsFinal looks at them
            return walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve(STATUS_FOLDER)))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** A job's manifest rather than one of its result files (a manifest is not recorded as a file of the job). */
    static boolean isManifest(String name) {
        return name.endsWith("-" + Manifest.FILE_NAME);
    }

    static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CsvDigests.sha256(in);
        }
    }
}
