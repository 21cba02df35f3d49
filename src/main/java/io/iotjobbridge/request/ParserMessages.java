package io.iotjobbridge.request;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.iotjobbridge.request.spec.Describe;

/**
 * Makes a parser's own error text fit for a rejection message. Parsers like to quote the offending token, which
 * may be a pasted credential or a chunk of binary; short quotes (a bracket, {@code 'null'}) help and stay, longer
 * ones are elided, and the whole is cut to one short line.
 */
final class ParserMessages {

    private static final int MAX_DETAIL = 160;
    /** Jackson's "Unrecognized token 'x': was expecting ..."; greedy, because the token itself may hold quotes. */
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("token '.*': was expecting");
    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"");
    private static final int MAX_KEPT_QUOTE = 5;
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source:[^\\]]*\\]\\)?");

    private ParserMessages() {
    }

    static RequestRejectedException syntax(String format, int line, int column, String detail) {
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        String why = detail == null || detail.isBlank() ? "" : ": " + clean(detail);
        return new RequestRejectedException("request", format + " syntax error" + where + why);
    }

    static RequestRejectedException tooDeep(int maxDepth) {
        return new RequestRejectedException("request", "the document nests deeper than " + maxDepth + " levels");
    }

    static RequestRejectedException duplicate(String path) {
        return new RequestRejectedException(path, "is given more than once");
    }

    static String clean(String detail) {
        String firstLine = detail.strip().lines().findFirst().orElse("");
        String text = SOURCE_REFERENCE.matcher(firstLine).replaceAll("");
        text = UNRECOGNIZED_TOKEN.matcher(text).replaceAll("token '…': was expecting");
        // Quotes are paired left to right; short ones ('}', 'null') explain, longer ones may be user data.
        text = QUOTED.matcher(text).replaceAll(m -> m.group().length() - 2 > MAX_KEPT_QUOTE
                ? Matcher.quoteReplacement(m.group().charAt(0) + "…" + m.group().charAt(0))
                : Matcher.quoteReplacement(m.group()));
        return Describe.text(text, MAX_DETAIL);
    }
}
