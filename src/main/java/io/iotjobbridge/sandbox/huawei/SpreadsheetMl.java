package io.iotjobbridge.sandbox.huawei;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import io.iotjobbridge.sandbox.XmlWriter;

/**
 * Writes one worksheet as Microsoft's "XML Spreadsheet 2003" (SpreadsheetML): plain XML that Excel and LibreOffice
 * open as an .xls workbook, so the export needs no spreadsheet library. Rows are written as they come, so memory stays
 * constant however many rows there are. Every cell is a string: the export's columns are ids, statuses and texts.
 */
final class SpreadsheetMl {

    private final Writer out;

    private SpreadsheetMl(Writer out) {
        this.out = out;
    }

    /** Starts the workbook and its one sheet, with the header row. */
    static SpreadsheetMl start(Writer out, String sheetName, List<String> headers) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<?mso-application progid=\"Excel.Sheet\"?>\n");
        out.write("<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\""
                + " xmlns:o=\"urn:schemas-microsoft-com:office:office\""
                + " xmlns:x=\"urn:schemas-microsoft-com:office:excel\""
                + " xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n");
        out.write(" <Worksheet ss:Name=\"" + escaped(sheetName) + "\">\n  <Table>\n");
        SpreadsheetMl sheet = new SpreadsheetMl(out);
        sheet.row(headers);
        return sheet;
    }

    /** One row; a null cell is written empty. */
    void row(List<String> cells) throws IOException {
        StringBuilder row = new StringBuilder("   <Row>");
        for (String cell : cells) {
            row.append("<Cell><Data ss:Type=\"String\">");
            XmlWriter.escape(row, cell == null ? "" : cell);
            row.append("</Data></Cell>");
        }
        out.write(row.append("</Row>\n").toString());
    }

    /** Closes the elements, and flushes; the underlying stream stays open for whoever owns it. */
    void finish() throws IOException {
        out.write("  </Table>\n </Worksheet>\n</Workbook>\n");
        out.flush();
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        XmlWriter.escape(escaped, text);
        return escaped.toString();
    }
}
