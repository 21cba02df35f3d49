package io.iotjobbridge.destination;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.iotjobbridge.ledger.JobRecord;

/**
 * Where a result file goes under its destination, e.g. {@code {vendor}/{operation}/{yyyy}/{MM}/{dd}/{requestId}-{fileName}}.
 * Every placeholder value is made a safe single segment first, so no value can add folders or climb out.
 */
public final class FileNameTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> KNOWN = Set.of("vendor", "operation", "account", "requestId", "jobId",
            "fileName", "yyyy", "MM", "dd");

    private final String template;

    public FileNameTemplate(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                throw new IllegalArgumentException("file name template '" + template + "': unknown placeholder {"
                        + m.group(1) + "}; known: " + KNOWN);
            }
        }
        if (template.startsWith("/") || template.contains("..") || template.contains("\\")) {
            throw new IllegalArgumentException("file name template '" + template
                    + "' must be a relative path without '..' or '\\'");
        }
        if (!template.contains("{fileName}")) {
            // without it every file of a job gets the same name, and the second is refused as already there
            throw new IllegalArgumentException("file name template '" + template + "' must contain {fileName}");
        }
        this.template = template;
    }

    public String render(JobRecord job, String fileName) {
        ZonedDateTime created = job.createdAt().atZone(ZoneOffset.UTC);
        Map<String, String> values = Map.of(
                "vendor", job.vendor().wireName(),
                "operation", job.operation(),
                "account", job.account(),
                "requestId", job.requestId(),
                "jobId", job.id(),
                "fileName", fileName,
                "yyyy", String.format("%04d", created.getYear()),
                "MM", String.format("%02d", created.getMonthValue()),
                "dd", String.format("%02d", created.getDayOfMonth()));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(SafeNames.fileName(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
