package io.iotjobbridge.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.TextNode;
import io.iotjobbridge.request.spec.Validation;
import org.junit.jupiter.api.Test;

/** Derived request ids: the parent's id and a suffix, always a valid request id, the same for the same inputs. */
class RequestIdsTest {

    private static List<String> violations(String id) {
        List<String> found = new ArrayList<>();
        Envelope.ID_SPEC.check(TextNode.valueOf(id), "id", new Validation(Clock.systemUTC(), (f, r) -> found.add(r)));
        return found;
    }

    @Test
    void shouldAppendTheSuffixToAParentThatLeavesRoom() {
        assertThat(RequestIds.derived("week", ".part-1-of-3")).isEqualTo("week.part-1-of-3");
        String fits = "p".repeat(RequestIds.MAX_LENGTH - 12);
        assertThat(RequestIds.derived(fits, ".part-1-of-3")).isEqualTo(fits + ".part-1-of-3");
    }

    @Test
    void shouldCutATooLongParentAndMarkItWithAHashOfTheWhole() {
        String longest = "a" + "b".repeat(RequestIds.MAX_LENGTH - 1);
        String sibling = "a" + "b".repeat(RequestIds.MAX_LENGTH - 2) + "c";

        String derived = RequestIds.derived(longest, ".part-11-of-11");

        assertThat(derived).hasSize(RequestIds.MAX_LENGTH).startsWith("abbb").endsWith(".part-11-of-11")
                .matches(".*-[0-9a-f]{12}\\.part-11-of-11");
        assertThat(violations(derived)).isEmpty();
        assertThat(RequestIds.derived(longest, ".part-11-of-11")).isEqualTo(derived);
        assertThat(RequestIds.derived(sibling, ".part-11-of-11")).isNotEqualTo(derived);
        assertThat(RequestIds.derived(longest, ".part-10-of-11")).isNotEqualTo(derived);
    }

    @Test
    void shouldRefuseASuffixThatLeavesNoRoomForTheParent() {
        assertThatIllegalArgumentException().isThrownBy(() -> RequestIds.derived("p", ".".repeat(120)));
    }
}
