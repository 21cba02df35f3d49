package io.iotjobbridge.vendor.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.vendor.JobStatus;
import io.iotjobbridge.vendor.aliyun.DeviceJobStatus.TaskCounts;
import org.junit.jupiter.api.Test;

/** What a device job's Status and task counts mean, with no vendor in the loop. */
class DeviceJobStatusTest {

    private static TaskCounts counts(String json) throws Exception {
        return TaskCounts.of(new ObjectMapper().readTree(json));
    }

    @Test
    void shouldEndOnCompletedAndOnCancelledWhateverTheCounts() throws Exception {
        TaskCounts running = counts("{\"Total\": 10, \"InProgress\": 10}");

        assertThat(DeviceJobStatus.interpret("COMPLETED", running)).isEqualTo(new JobStatus.Succeeded("COMPLETED"));
        assertThat(DeviceJobStatus.interpret("CANCELLED", running)).isEqualTo(new JobStatus.Succeeded("CANCELLED"));
    }

    @Test
    void shouldCountEveryFinalTaskStateTowardsProgress() throws Exception {
        TaskCounts counts = counts("{\"Total\": 200, \"Queued\": 40, \"Sent\": 30, \"InProgress\": 30,"
                + " \"Succeeded\": 50, \"Failed\": 20, \"Rejected\": 10, \"TimeOut\": 15, \"Cancelled\": 5}");

        assertThat(DeviceJobStatus.interpret("IN_PROGRESS", counts)).isEqualTo(
                new JobStatus.Running("IN_PROGRESS: 100 of 200 tasks final, 45 failed", 50));
    }

    @Test
    void shouldReadCountsWithoutRegardToCaseAsThePageSpellsThemBothWays() throws Exception {
        TaskCounts counts = counts("{\"total\": 4, \"inProgress\": 1, \"SUCCEEDED\": 3}");

        assertThat(counts.total()).isEqualTo(4);
        assertThat(counts.inProgress()).isEqualTo(1);
        assertThat(counts.progress()).isEqualTo(75);
    }

    @Test
    void shouldEndAJobWhoseTasksAreAllFinalEvenUnderAnUnknownStatus() throws Exception {
        TaskCounts done = counts("{\"Total\": 3, \"Succeeded\": 2, \"TimeOut\": 1}");

        assertThat(DeviceJobStatus.interpret("FINISHED_SOMEHOW", done))
                .isEqualTo(new JobStatus.Succeeded("FINISHED_SOMEHOW (every task final)"));
        assertThat(DeviceJobStatus.interpret("CANCELLING", done))
                .isEqualTo(new JobStatus.Succeeded("CANCELLING (every task final)"));
    }

    @Test
    void shouldKeepAnUnknownStatusRunningWhileTasksAreOpen() throws Exception {
        assertThat(DeviceJobStatus.interpret("PAUSED", counts("{\"Total\": 3, \"Succeeded\": 1, \"Queued\": 2}")))
                .isEqualTo(new JobStatus.Running("PAUSED: 1 of 3 tasks final", 33));
    }

    @Test
    void shouldNotCallAJobWithoutTasksFinishedNorGuessItsProgress() throws Exception {
        assertThat(DeviceJobStatus.interpret("WAITING", counts("{\"Total\": 0}")))
                .isEqualTo(new JobStatus.Running("WAITING", null));
        assertThat(DeviceJobStatus.interpret("IN_PROGRESS", counts("{}")))
                .isEqualTo(new JobStatus.Running("IN_PROGRESS", null));
    }
}
