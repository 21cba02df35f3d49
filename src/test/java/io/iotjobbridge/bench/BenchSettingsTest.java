package io.iotjobbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The benchmark's settings: defaults, where overrides come from, and errors that name the key and its rule. */
class BenchSettingsTest {

    private static BenchSettings parse(Properties system, String... args) {
        return BenchSettings.parse(args, system);
    }

    @Test
    void defaults_run_every_scenario_at_the_documented_sizes() {
        BenchSettings settings = parse(new Properties());
        assertThat(settings.scenarios()).containsExactly("huawei-export", "aliyun-device-jobs", "aliyun-download");
        assertThat(settings.exports()).isEqualTo(100);
        assertThat(settings.downloadInterval()).isEqualTo(Duration.ofMillis(2000));
        assertThat(settings.downloads()).isEqualTo(3);
    }

    @Test
    void an_argument_beats_a_system_property_and_scenarios_keep_the_table_order() {
        Properties system = new Properties();
        system.setProperty("bench.exports", "40");
        system.setProperty("bench.device-jobs", "7");
        BenchSettings settings = parse(system, "exports=12", "scenarios=aliyun-download,huawei-export", "");
        assertThat(settings.exports()).isEqualTo(12);
        assertThat(settings.deviceJobs()).isEqualTo(7);
        assertThat(settings.scenarios()).isEqualTo(List.of("huawei-export", "aliyun-download"));
    }

    @Test
    void bad_values_are_refused_naming_the_key_and_the_rule() {
        assertThatThrownBy(() -> parse(new Properties(), "downloads=4"))
                .hasMessage("downloads must be 1 to 3; was 4");
        assertThatThrownBy(() -> parse(new Properties(), "exports=many"))
                .hasMessage("exports must be a whole number; was 'many'");
        assertThatThrownBy(() -> parse(new Properties(), "scenarios=huawei"))
                .hasMessageContaining("scenarios must name some of").hasMessageContaining("'huawei' is none of them");
        assertThatThrownBy(() -> parse(new Properties(), "export=5"))
                .hasMessageStartingWith("argument 'export=5' must be key=value with a key of");
    }
}
