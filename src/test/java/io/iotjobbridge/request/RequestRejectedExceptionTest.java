package io.iotjobbridge.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RequestRejectedExceptionTest {

    @Test
    void shouldPrintAViolationAsFieldColonRule() {
        assertThat(new Violation("params.StartTime", "is required")).hasToString("params.StartTime: is required");
    }

    @Test
    void shouldJoinViolationsWithSemicolons() {
        RequestRejectedException e = new RequestRejectedException(List.of(
                new Violation("vendor", "is required"), new Violation("params.EndTime", "must be an integer; was a string")));
        assertThat(e.getMessage()).isEqualTo("vendor: is required; params.EndTime: must be an integer; was a string");
        assertThat(e.violations()).extracting(Violation::field).containsExactly("vendor", "params.EndTime");
    }

    @Test
    void shouldKeepEveryViolationButShowOnlyTheFirst50InTheMessage() {
        List<Violation> many = IntStream.range(0, 60).mapToObj(i -> new Violation("f" + i, "is odd")).toList();
        RequestRejectedException e = new RequestRejectedException(many);
        assertThat(e.violations()).hasSize(60);
        assertThat(e.getMessage()).startsWith("f0: is odd; f1: is odd").endsWith("f49: is odd; and 10 more")
                .doesNotContain("f50:");
    }

    @Test
    void shouldNotShareTheCallersList() {
        List<Violation> list = new ArrayList<>(List.of(new Violation("a", "b")));
        RequestRejectedException e = new RequestRejectedException(list);
        list.add(new Violation("c", "d"));
        assertThat(e.violations()).hasSize(1);
        assertThatThrownBy(() -> e.violations().add(new Violation("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRefuseARejectionWithoutReasons() {
        assertThatThrownBy(() -> new RequestRejectedException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
