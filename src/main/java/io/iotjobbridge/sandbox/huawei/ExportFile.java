package io.iotjobbridge.sandbox.huawei;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The file an export task produces: a ZIP holding one spreadsheet, {@code <task_id>_<status>.xls}, with a row per
 * device of the batch task as it stood when the export ended (target, status, output, error code and message).
 * Streamed row by row into the ZIP as it is sent.
 */
final class ExportFile {

    static final List<String> COLUMNS = List.of("Target", "Status", "Output", "Error Code", "Error Message");

    private ExportFile() {
    }

    static String fileName(ExportTask export) {
        return "export_" + export.id() + ".zip";
    }

    static String entryName(ExportTask export, BatchTimeline timeline) {
        BatchTask task = export.batchTask();
        return task.id() + "_" + timeline.progressAt(task, export.endsAt()).status().wireName() + ".xls";
    }

    /** Writes the ZIP; {@code out} is finished but left open. */
    static void write(OutputStream out, ExportTask export, BatchTimeline timeline) throws IOException {
        Instant snapshot = export.endsAt();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(entryName(export, timeline)));
        Writer text = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
        SpreadsheetMl sheet = SpreadsheetMl.start(text, "Task Details", COLUMNS);
        for (DeviceDetail detail : DeviceDetail.of(export.batchTask(), timeline, snapshot)) {
            sheet.row(Arrays.asList(detail.target(), detail.status(), detail.output(), detail.errorCode(),
                    detail.errorMessage()));
        }
        sheet.finish();
        zip.closeEntry();
        // finish, not close: the HTTP exchange owns the stream
        zip.finish();
    }
}
