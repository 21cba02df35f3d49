package io.iotjobbridge.request;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns request bytes into text before any parser sees them: strict UTF-8 (no replacement characters that would
 * quietly change a value), no control characters but tab and line breaks, and a size bound.
 */
final class DocumentText {

    /** Some editors on Windows start UTF-8 files with a byte order mark; it is not content. */
    private static final char BOM = '\uFEFF';

    private DocumentText() {
    }

    static String decode(byte[] document, int maxCodePoints) {
        if (document == null || document.length == 0) {
            throw empty();
        }
        // UTF-8 needs at most 4 bytes per code point, so anything larger cannot be within the limit.
        if (document.length > 4L * maxCodePoints) {
            throw tooLarge(maxCodePoints);
        }
        String text;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw notText();
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.chars().anyMatch(DocumentText::isForbiddenControl)) {
            throw notText();
        }
        if (text.isBlank()) {
            throw empty();
        }
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            throw tooLarge(maxCodePoints);
        }
        return text;
    }

    /** The format rule of the bridge: a document is JSON exactly when it opens with '{' or (a batch) '['. */
    static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    static RequestRejectedException empty() {
        return new RequestRejectedException("request", "the document is empty");
    }

    private static boolean isForbiddenControl(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }

    private static RequestRejectedException notText() {
        return new RequestRejectedException("request", "not a text document");
    }

    private static RequestRejectedException tooLarge(int maxCodePoints) {
        return new RequestRejectedException("request", "the document is larger than " + maxCodePoints + " characters");
    }
}
