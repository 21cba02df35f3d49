package io.iotjobbridge.request.spec;

import static io.iotjobbridge.request.spec.Specs.bool;
import static io.iotjobbridge.request.spec.Specs.int64;
import static io.iotjobbridge.request.spec.Specs.list;
import static io.iotjobbridge.request.spec.Specs.object;
import static io.iotjobbridge.request.spec.Specs.optional;
import static io.iotjobbridge.request.spec.Specs.required;
import static io.iotjobbridge.request.spec.Specs.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The parts of the vocabulary the Alibaba table does not exercise yet, with their exact rule texts. */
class SpecVocabularyTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    private static List<String> check(ValueSpec spec, String json) throws Exception {
        List<String> out = new ArrayList<>();
        JsonNode node = JSON.readTree(json);
        spec.check(node, "p", new Validation(Clock.fixed(NOW, ZoneOffset.UTC), (f, r) -> out.add(f + ": " + r)));
        return out;
    }

    @Test
    void shouldCheckListSizeAndEveryElement() throws Exception {
        ListSpec targets = list(string().nonBlank()).size(1, 3);
        assertThat(check(targets, "[\"a\"]")).isEmpty();
        assertThat(check(targets, "[]")).containsExactly("p: must have 1 to 3 items; was 0");
        assertThat(check(targets, "[\"a\", \" \", 5, null, \"e\"]")).containsExactly(
                "p: must have 1 to 3 items; was 5",
                "p[1]: must not be blank",
                "p[2]: must be a string; was an integer",
                "p[3]: must not be null");
        assertThat(check(targets, "{}")).containsExactly("p: must be a list; was an object");
        assertThat(check(list(int64()).maxSize(1), "[1, 2]")).containsExactly("p: must have at most 1 item; was 2");
        assertThat(check(list(int64()).minSize(2), "[1]")).containsExactly("p: must have at least 2 items; was 1");
        assertThat(check(list(int64()).size(2, 2), "[1]")).containsExactly("p: must have exactly 2 items; was 1");
    }

    @Test
    void shouldAcceptOnlyRealBooleans() throws Exception {
        assertThat(check(bool(), "true")).isEmpty();
        assertThat(check(bool(), "\"true\"")).containsExactly("p: must be true or false; was a string");
        assertThat(check(bool(), "1")).containsExactly("p: must be true or false; was an integer");
    }

    @Test
    void shouldListEveryAllowedValueOfALargerEnum() throws Exception {
        StringSpec type = string().oneOf("INVOKE_SERVICE", "SET_PROPERTY", "PUB", "CUSTOM_JOB");
        assertThat(check(type, "\"PUB\"")).isEmpty();
        assertThat(check(type, "\"pub\"")).containsExactly(
                "p: must be one of INVOKE_SERVICE, SET_PROPERTY, PUB, CUSTOM_JOB; was 'pub'");
    }

    @Test
    void shouldStateEachLengthBoundInWords() throws Exception {
        assertThat(check(string().minLength(4), "\"abc\"")).containsExactly("p: must be at least 4 characters long; was 3");
        assertThat(check(string().length(4, 30), "\"abc\"")).containsExactly("p: must be 4 to 30 characters long; was 3");
        assertThat(check(string().length(24, 24), "\"abc\"")).containsExactly("p: must be exactly 24 characters long; was 3");
        assertThat(check(string().maxLength(2), "\"abc\"")).containsExactly("p: must be at most 2 characters long; was 3");
    }

    @Test
    void shouldReportEveryBrokenContentRuleButOnlyWithinBounds() throws Exception {
        StringSpec hex = string().maxLength(4).matches("[a-f0-9]*", "must be lower-case hex")
                .satisfies(s -> !s.startsWith("0"), "must not start with 0");
        assertThat(check(hex, "\"0X\"")).containsExactly("p: must be lower-case hex", "p: must not start with 0");
        assertThat(check(hex, "\"0XXXXX\"")).containsExactly("p: must be at most 4 characters long; was 6");
    }

    @Test
    void shouldCheckInt64BoundsAndRange() throws Exception {
        Int64Spec percent = int64().min(1).max(100);
        assertThat(check(percent, "100")).isEmpty();
        assertThat(check(percent, "101")).containsExactly("p: must be at most 100; was 101");
        assertThat(check(percent, "0")).containsExactly("p: must be at least 1; was 0");
        assertThat(check(int64(), "9223372036854775807")).isEmpty();
        assertThat(check(int64(), "9223372036854775808"))
                .containsExactly("p: must fit in a signed 64-bit integer; was 9223372036854775808");
        assertThat(check(int64(), "-9223372036854775809"))
                .containsExactly("p: must fit in a signed 64-bit integer; was -9223372036854775809");
    }

    @Test
    void shouldCheckATimeRelativeToTheInjectedClock() throws Exception {
        Int64Spec scheduled = int64().epochMillisFromNow(Duration.ofMinutes(10), Duration.ofDays(7));
        long now = NOW.toEpochMilli();
        assertThat(check(scheduled, String.valueOf(now + 600_000))).isEmpty();
        assertThat(check(scheduled, String.valueOf(now + 180_000))).containsExactly(
                "p: must be between 10 min from now and 7 days from now (now is 2024-01-01T00:00:00Z); was 3 min from now");
        assertThat(check(scheduled, String.valueOf(now - 7_200_000))).containsExactly(
                "p: must be between 10 min from now and 7 days from now (now is 2024-01-01T00:00:00Z); was 2 h ago");
    }

    @Test
    void shouldRequireAtLeastOneOfSeveralFields() throws Exception {
        ObjectSpec listTask = object(optional("JobId", string()), optional("Device", Specs.anyObject()))
                .withCheck(CrossFieldCheck.atLeastOneOf("JobId", "Device"));
        assertThat(check(listTask, "{\"JobId\": \"j\"}")).isEmpty();
        assertThat(check(listTask, "{}")).containsExactly("p: needs at least one of JobId, Device");
    }

    @Test
    void shouldSkipCrossFieldChecksOverBrokenFields() throws Exception {
        ObjectSpec window = object(required("From", int64()), required("To", int64()))
                .withCheck(CrossFieldCheck.after("To", "From"));
        assertThat(check(window, "{\"From\": \"x\", \"To\": 1}")).containsExactly("p.From: must be an integer; was a string");
        assertThat(check(window, "{\"From\": 5, \"To\": 1}"))
                .containsExactly("p.To: must be later than p.From; was 4 ms earlier");
    }

    @Test
    void shouldSuggestOnlyCloseFieldNames() throws Exception {
        ObjectSpec spec = object(optional("TableName", string()), optional("id", string()));
        assertThat(check(spec, "{\"TabelName\": 1, \"TableNameXYZ\": 1, \"ID\": 1, \"xy\": 1}")).containsExactly(
                "p.TabelName: unknown field (did you mean 'TableName'?); allowed here: TableName, id",
                "p.TableNameXYZ: unknown field; allowed here: TableName, id",
                "p.ID: unknown field (did you mean 'id'?); allowed here: TableName, id",
                "p.xy: unknown field; allowed here: TableName, id");
    }

    @Test
    void shouldShowOddFieldNamesSafely() throws Exception {
        assertThat(check(object(), "{\"a\\u0000b\": 1, \"" + "k".repeat(100) + "\": 2, \"\": 3}")).containsExactly(
                "p.a\\u0000b: unknown field; allowed here: none",
                "p." + "k".repeat(64) + "…: unknown field; allowed here: none",
                "p.'': unknown field; allowed here: none");
    }

    @Test
    void shouldRejectInconsistentDeclarations() {
        assertThatThrownBy(() -> object(optional("a", string()), required("a", int64())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> object(optional("a", int64())).withCheck(CrossFieldCheck.after("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> string().length(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list(int64()).size(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDescribeDurationsInWords() {
        assertThat(Describe.span(259_200_000L)).isEqualTo("3 days");
        assertThat(Describe.span(86_400_000L)).isEqualTo("1 day");
        assertThat(Describe.spanWithMillis(259_200_001L)).isEqualTo("3 days 1 ms (259200001 ms)");
        assertThat(Describe.spanWithMillis(90_061_001L)).isEqualTo("1 day 1 h 1 min 1 s 1 ms (90061001 ms)");
        assertThat(Describe.spanWithMillis(0)).isEqualTo("0 ms");
    }

    @Test
    void shouldQuoteValuesShortAndVisible() {
        assertThat(Describe.quote("abc")).isEqualTo("'abc'");
        assertThat(Describe.quote("x".repeat(65))).isEqualTo("'" + "x".repeat(64) + "…'");
        assertThat(Describe.quote("a\u0000\u001b\u202e\ud800b")).isEqualTo("'a\\u0000\\u001B\\u202E\\uD800b'");
        assertThat(Describe.quote("产品😀")).isEqualTo("'产品😀'");
    }
}
