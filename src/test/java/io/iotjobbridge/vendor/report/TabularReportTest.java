package io.iotjobbridge.vendor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.vendor.LocalFile;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Spool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularReportTest {

    private static final String JOB = "4b0c7d2e-0000-4000-8000-000000000001";

    @TempDir
    Path root;

    @Test
    void writesEveryRowToJsonLinesAndCsvWithExactValues() throws Exception {
        Spool spool = new Spool(root);
        List<ResultFile> files;
        try (TabularReport report = TabularReport.start(spool, JOB, "tasks", List.of("device", "status", "progress"))) {
            report.row(row("dev, \"one\"", "SUCCEEDED", 100));
            report.row(row("dev-2", null, -1));
            files = report.finish();
            assertThat(report.rows()).isEqualTo(2);
        }

        assertThat(files).extracting(ResultFile::fileName).containsExactly("tasks.jsonl", "tasks.csv");
        List<String> lines = Files.readAllLines(((LocalFile) files.get(0)).path());
        assertThat(new ObjectMapper().readTree(lines.get(0)).path("device").asText()).isEqualTo("dev, \"one\"");
        assertThat(new ObjectMapper().readTree(lines.get(1)).path("status").isNull()).isTrue();
        assertThat(read(files.get(1))).isEqualTo(
                "device,status,progress\r\n\"dev, \"\"one\"\"\",SUCCEEDED,100\r\ndev-2,,-1\r\n");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreDefused() throws Exception {
        List<ResultFile> files;
        try (TabularReport report = TabularReport.start(new Spool(root), JOB, "r", List.of("name"))) {
            report.row(Map.of("name", "=HYPERLINK(\"http://evil\")"));
            report.row(Map.of("name", "@SUM(A1)"));
            files = report.finish();
        }

        assertThat(read(files.get(1))).contains("'=HYPERLINK", "'@SUM");
        assertThat(Files.readString(((LocalFile) files.get(0)).path())).contains("\"=HYPERLINK");
    }

    @Test
    void spoolIsRemovedWhenTheJobEnds() throws Exception {
        Spool spool = new Spool(root);
        try (TabularReport report = TabularReport.start(spool, JOB, "r", List.of("a"))) {
            report.finish();
        }
        assertThat(root.resolve(JOB)).isDirectory();

        spool.discard(JOB);

        assertThat(root.resolve(JOB)).doesNotExist();
    }

    private static Map<String, Object> row(String device, String status, int progress) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("device", device);
        row.put("status", status);
        row.put("progress", progress);
        return row;
    }

    private static String read(ResultFile file) throws IOException, io.iotjobbridge.vendor.VendorException {
        try (var content = file.open()) {
            return new String(content.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
