package io.iotjobbridge.vendor.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.vendor.Failures;
import io.iotjobbridge.vendor.LocalFile;
import io.iotjobbridge.vendor.ResultFile;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.VendorException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report of one row per item (device task, batch task), written as it is read from the vendor's pages, to two
 * spooled files at once: JSON Lines (exact values, for programs) and CSV (for spreadsheets). Rows go straight to
 * disk, so a job over a fleet of any size is reported in constant memory.
 *
 * <p>CSV cells that a spreadsheet would run as a formula ({@code = + - @} first) are prefixed with {@code '}:
 * device names and vendor messages are not ours, and a report must not become a way to run code in a user's
 * spreadsheet.
 */
public final class TabularReport implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> columns;
    private final LocalFile jsonLines;
    private final LocalFile csv;
    private final BufferedWriter jsonWriter;
    private final CSVPrinter csvPrinter;
    private long rows;
    private boolean closed;

    private TabularReport(List<String> columns, LocalFile jsonLines, LocalFile csv) throws IOException {
        this.columns = List.copyOf(columns);
        this.jsonLines = jsonLines;
        this.csv = csv;
        this.jsonWriter = Files.newBufferedWriter(jsonLines.path(), StandardCharsets.UTF_8);
        this.csvPrinter = new CSVPrinter(Files.newBufferedWriter(csv.path(), StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
    }

    /** Starts {@code <baseName>.jsonl} and {@code <baseName>.csv} in the job's spool folder. */
    public static TabularReport start(Spool spool, String jobId, String baseName, List<String> columns)
            throws VendorException {
        LocalFile jsonLines = new LocalFile(baseName + ".jsonl", spool.file(jobId, baseName + ".jsonl"));
        LocalFile csv = new LocalFile(baseName + ".csv", spool.file(jobId, baseName + ".csv"));
        try {
            return new TabularReport(columns, jsonLines, csv);
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    /** One row; values are looked up by column name, and a missing one is written as empty (JSON null). */
    public void row(Map<String, ?> values) throws VendorException {
        ObjectNode line = JSON.createObjectNode();
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = values.get(column);
            line.set(column, JSON.valueToTree(value));
            cells.add(value == null ? "" : value instanceof Number || value instanceof Boolean
                    ? String.valueOf(value) : defuseFormula(String.valueOf(value)));
        }
        try {
            jsonWriter.write(JSON.writeValueAsString(line));
            jsonWriter.write('\n');
            csvPrinter.printRecord(cells);
        } catch (IOException e) {
            throw unwritable(e);
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Closes both files and returns them, JSON Lines first. */
    public List<ResultFile> finish() throws VendorException {
        try {
            close();
        } catch (IOException e) {
            throw unwritable(e);
        }
        return List.of(jsonLines, csv);
    }

    /** Idempotent, so {@link #finish} inside a try-with-resources block is safe. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (jsonWriter; csvPrinter) {
            csvPrinter.flush();
        }
    }

    /** Writes a small JSON document (a summary) to the spool as a result file of its own. */
    public static ResultFile json(Spool spool, String jobId, String fileName, ObjectNode document)
            throws VendorException {
        Path path = spool.file(jobId, fileName);
        try {
            Files.write(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        } catch (IOException e) {
            throw unwritable(e);
        }
        return new LocalFile(fileName, path);
    }

    static String defuseFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static VendorException unwritable(IOException e) {
        return VendorException.retryable("SpoolUnwritable", Failures.describe(e) + " writing a report");
    }
}
