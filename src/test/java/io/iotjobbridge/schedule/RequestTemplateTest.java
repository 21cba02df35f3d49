package io.iotjobbridge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request templates: placeholders rendered as typed JSON values, ids per fire, and what a template may not hold. */
class RequestTemplateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant FIRE = Instant.parse("2026-03-29T16:30:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldRenderWindowInstantsAsNumbersAndTheRestAsText() throws Exception {
        RequestTemplate template = RequestTemplate.load(write("t.yaml", """
                vendor: aliyun
                params:
                  StartTime: ${window.start}
                  EndTime: ${window.end}
                  Last: ${window.endInclusive}
                  From: ${window.startIso}
                  To: "${window.endIso}"
                  Note: "${schedule} fired at ${fireTime} for ${window.start}"
                  List: ["${window.start}", 7]
                """));

        JsonNode request = render(template, "default-id");

        JsonNode params = request.path("params");
        assertThat(params.path("StartTime").isIntegralNumber()).isTrue();
        assertThat(params.path("StartTime").asLong()).isEqualTo(Instant.parse("2026-03-29T16:00:00Z").toEpochMilli());
        assertThat(params.path("EndTime").asLong()).isEqualTo(Instant.parse("2026-03-30T16:00:00Z").toEpochMilli());
        assertThat(params.path("Last").asLong()).isEqualTo(Instant.parse("2026-03-30T16:00:00Z").toEpochMilli() - 1);
        assertThat(params.path("From").asText()).isEqualTo("2026-03-30T00:00:00+08:00");
        assertThat(params.path("To").asText()).isEqualTo("2026-03-31T00:00:00+08:00");
        assertThat(params.path("Note").asText()).isEqualTo("daily fired at 2026-03-30T00:30:00+08:00 for "
                + Instant.parse("2026-03-29T16:00:00Z").toEpochMilli());
        assertThat(params.path("List").get(0).isIntegralNumber()).isTrue();
        assertThat(request.path("id").asText()).isEqualTo("default-id");
    }

    @Test
    void shouldAppendTheFireTimeToAnIdTheTemplateSets() throws Exception {
        RequestTemplate template = RequestTemplate.load(write("t.json", """
                {"id": "nightly", "vendor": "aliyun"}
                """));

        assertThat(render(template, "default-id").path("id").asText()).isEqualTo("nightly-20260329T163000Z");
    }

    @Test
    void shouldRejectAnUnknownPlaceholderNamingItAndWhereItIs() throws Exception {
        Path file = write("t.yaml", "params:\n  StartTime: ${window.begin}\n");

        assertThatThrownBy(() -> RequestTemplate.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholder ${window.begin} in params.StartTime")
                .hasMessageContaining("${window.start}");
    }

    @Test
    void shouldRejectATemplateThatIsNotOneMapping() throws Exception {
        Path list = write("t.yaml", "- vendor: aliyun\n");

        assertThatThrownBy(() -> RequestTemplate.load(list)).hasMessageContaining("must hold one request");
        assertThatThrownBy(() -> RequestTemplate.load(dir.resolve("missing.yaml"))).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> RequestTemplate.load(write("d.yaml", "a: 1\na: 2\n"))).hasMessageContaining("not valid");
    }

    @Test
    void shouldKnowWhetherItNeedsAWindow() throws Exception {
        assertThat(RequestTemplate.load(write("a.yaml", "note: ${schedule}\n")).usesWindow()).isFalse();
        assertThat(RequestTemplate.load(write("b.yaml", "note: ${window.endIso}\n")).usesWindow()).isTrue();
    }

    private JsonNode render(RequestTemplate template, String defaultId) throws Exception {
        TimeWindow window = WindowExpression.parse("today").resolve(FIRE, SHANGHAI);
        return new ObjectMapper().readTree(template.render(new ScheduleFire("daily", FIRE, SHANGHAI, window), defaultId));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
