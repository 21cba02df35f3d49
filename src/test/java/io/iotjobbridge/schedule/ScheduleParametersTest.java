package io.iotjobbridge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A schedule's route parameters: each bad one is refused with the schedule's name, the parameter and the rule. */
class ScheduleParametersTest {

    @TempDir
    Path workDir;

    private final Map<String, Object> parameters = new HashMap<>();

    @BeforeEach
    void validParameters() throws Exception {
        Files.writeString(workDir.resolve("request.yaml"), "params: {StartTime: '${window.start}'}\n");
        parameters.putAll(Map.of("name", "daily", "cron", "0 30 0 * * ?", "zone", "Asia/Shanghai",
                "request", "request.yaml", "window", "yesterday", "missed", "latest", "runAtStart", "false"));
    }

    @Test
    void shouldBuildAScheduleFromValidParameters() {
        Schedule schedule = Schedule.fromParameters(parameters, workDir);

        assertThat(schedule.name()).isEqualTo("daily");
        assertThat(schedule.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(schedule.requestFile()).isEqualTo(workDir.resolve("request.yaml"));
        assertThat(schedule.window()).hasToString("yesterday");
        assertThat(schedule.missed()).isEqualTo(MissedFirePolicy.LATEST);
        assertThat(schedule.runAtStart()).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cron       | 0 0 25 * * ?       | is not a Quartz cron expression
            zone       | Asia/Shanghia      | is not a time zone id
            window     | the day before     | is not a window
            request    | missing.yaml       | cannot be read
            missed     | some               | must be all, latest or none; was 'some'
            runAtStart | yes                | must be true or false; was 'yes'
            cron       | ''                 | is required
            """)
    void shouldRefuseABadParameterNamingTheScheduleAndTheParameter(String parameter, String value, String rule) {
        parameters.put(parameter, value);

        assertThatThrownBy(() -> Schedule.fromParameters(parameters, workDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("schedule 'daily': parameter '" + parameter + "' ")
                .hasMessageContaining(rule);
    }

    @Test
    void shouldRequireAWindowWhenTheTemplateUsesOne() {
        parameters.remove("window");

        assertThatThrownBy(() -> Schedule.fromParameters(parameters, workDir))
                .hasMessageStartingWith("schedule 'daily': parameter 'window' is required")
                .hasMessageContaining("uses ${window.*} placeholders");
    }

    @Test
    void shouldRefuseANameThatCannotBePartOfARequestId() {
        parameters.put("name", "daily download");

        assertThatThrownBy(() -> Schedule.fromParameters(parameters, workDir))
                .hasMessageStartingWith("schedule 'daily download': parameter 'name' must be 1-64 characters");
    }
}
