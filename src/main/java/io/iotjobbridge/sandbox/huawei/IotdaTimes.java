package io.iotjobbridge.sandbox.huawei;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two time formats of the IoTDA API, both UTC. */
final class IotdaTimes {

    /** Batch tasks: {@code yyyyMMdd'T'HHmmss'Z'}, e.g. 20151212T121212Z. */
    static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Export tasks: {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}, e.g. 2020-08-12T12:12:12.333Z. */
    static final DateTimeFormatter WITH_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private IotdaTimes() {
    }

    static String compact(Instant instant) {
        return COMPACT.format(instant);
    }

    static String withMillis(Instant instant) {
        return WITH_MILLIS.format(instant);
    }
}
