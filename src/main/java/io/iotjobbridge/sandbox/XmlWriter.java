package io.iotjobbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a response tree the way the RPC API's XML format lays it out: one element per field, a list as repeated
 * elements named after its field. The trees here are small maps of strings, numbers and booleans.
 */
public final class XmlWriter {

    private XmlWriter() {
    }

    static byte[] document(String rootName, Map<String, Object> body) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        element(xml, rootName, body);
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> items) {
            items.forEach(item -> element(xml, name, item));
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> fields) {
            fields.forEach((k, v) -> element(xml, String.valueOf(k), v));
        } else {
            escape(xml, String.valueOf(value));
        }
        xml.append("</").append(name).append('>');
    }

    public static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> xml.append(c);
            }
        }
    }
}
