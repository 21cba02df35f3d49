package io.iotjobbridge.request;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

/** Runs code expected to reject a request and returns the violations as "field: rule" lines. */
final class Rejections {

    private Rejections() {
    }

    static List<String> violationsOf(Runnable action) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(RequestRejectedException.class);
        return ((RequestRejectedException) caught[0]).violations().stream().map(Violation::toString).toList();
    }
}
