package io.iotjobbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The device-job scenario's minimum calls and makespan bound, worked out by hand. */
class DeviceJobScenarioTest {

    @Test
    void the_fewest_calls_are_create_one_check_the_report_and_a_listtask_page_per_50_tasks() {
        assertThat(DeviceJobScenario.minimumCallsPerJob(200)).isEqualTo(1 + 1 + 2 + 4);
        assertThat(DeviceJobScenario.minimumCallsPerJob(201)).isEqualTo(1 + 1 + 2 + 5);
        assertThat(DeviceJobScenario.minimumCallsPerJob(0)).isEqualTo(1 + 1 + 2 + 1);
    }

    @Test
    void listing_many_tasks_at_5_per_second_bounds_the_makespan() {
        // 30 jobs x 4 pages = 120 ListTask calls span 24 clock seconds: 23 s from first to last, after 3 s of running
        assertThat(DeviceJobScenario.bound(30, 200, Duration.ofSeconds(3), 5, 5)).isEqualTo(Duration.ofSeconds(26));
    }

    @Test
    void creating_many_small_jobs_at_5_per_second_bounds_the_makespan() {
        // 30 creates span 6 clock seconds (5 s apart at least); the last job then runs 3 s; 30 pages take 5 s too
        assertThat(DeviceJobScenario.bound(30, 10, Duration.ofSeconds(3), 5, 10)).isEqualTo(Duration.ofSeconds(8));
    }
}
