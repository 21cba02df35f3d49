package io.iotjobbridge.push;

import java.util.Map;

/**
 * Reads one vendor's pushed message into a {@link PushedStatus}. Each vendor's reading is one small class, so an
 * assumption about a message shape the vendor does not publish can be replaced in one place.
 */
interface PushMapping {

    /**
     * @param headers the message's allow-listed application properties ({@code topic}, {@code messageId},
     *                {@code generateTime}), looked up without regard to letter case
     * @param body    the message body, text as UTF-8
     * @throws UnreadablePush when the message is not a job status this bridge understands
     */
    PushedStatus read(String account, Map<String, Object> headers, byte[] body) throws UnreadablePush;
}
