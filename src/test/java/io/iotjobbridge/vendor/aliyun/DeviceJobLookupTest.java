package io.iotjobbridge.vendor.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.sandbox.ApiRateLimits;
import io.iotjobbridge.sandbox.MutableClock;
import io.iotjobbridge.sandbox.SandboxSettings;
import io.iotjobbridge.sandbox.VendorSandbox;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.SubmitWindow;
import io.iotjobbridge.vendor.VendorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeviceJobFlow#findSubmitted} against the sandbox: after a CreateJob whose answer was lost, ListJob tells
 * whether the job exists, recognised by what the request set and by when it was created.
 */
class DeviceJobLookupTest {

    private static final String JOB = """
            {"JobName": "lights_off", "JobDocument": {"serviceIdentifier": "off", "params": {}},
             "Type": "INVOKE_SERVICE", "TargetConfig": {"targetType": "PRODUCT_KEY", "targetProduct": "a1LightProd"}}""";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T04:00:00Z"));
    private final FlowFixture fixture = new FlowFixture();
    private VendorSandbox sandbox;
    private DeviceJobFlow flow;

    @TempDir
    Path spoolDir;

    @BeforeEach
    void start() {
        SandboxSettings defaults = SandboxSettings.defaults();
        ApiRateLimits unthrottled = ApiRateLimits.documented().with("CreateJob", 100_000).with("ListJob", 100_000);
        sandbox = VendorSandbox.start(defaults.withCredential(FlowFixture.AK, FlowFixture.SECRET)
                .withDeviceJobs(defaults.deviceJobs().withFleetSize(5).withRateLimits(unthrottled)), clock);
        flow = new DeviceJobFlow(fixture.client(sandbox.baseUrl(), clock), JobFlows::params, new Spool(spoolDir));
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
        fixture.close();
    }

    private static JobRecord job(String params) {
        return FlowFixture.job("CreateJob", params, null);
    }

    private String create(String params) throws VendorException {
        return flow.submit(job(params));
    }

    private long listJobCalls() {
        return sandbox.stats().callsOf("ListJob");
    }

    @Test
    void shouldFindTheJobTheLostCreateJobMade() throws Exception {
        Instant sentAfter = clock.instant();
        clock.advance(Duration.ofMillis(300));
        String jobId = create(JOB);

        assertThat(flow.findSubmitted(job(JOB), sentAfter)).contains(jobId);
        assertThat(listJobCalls()).isEqualTo(1);
    }

    @Test
    void shouldFindNothingWhenTheCreateJobNeverArrived() throws Exception {
        create(JOB.replace("lights_off", "lights_on"));
        create(JOB.replace("INVOKE_SERVICE", "SET_PROPERTY"));

        assertThat(flow.findSubmitted(job(JOB), clock.instant())).isEmpty();
        assertThat(flow.findSubmitted(job(JOB.replace("\"Type\"", "\"Description\": \"dim\", \"Type\"")),
                clock.instant())).as("a job of the same name with another Description is not ours").isEmpty();
    }

    @Test
    void shouldAdoptOnlyAJobCreatedAfterTheSendLessTheClockSkewAllowance() throws Exception {
        String tooOld = create(JOB);
        clock.advance(SubmitWindow.CLOCK_SKEW.plusMillis(1));
        Instant sentAfter = clock.instant();

        assertThat(flow.findSubmitted(job(JOB), sentAfter)).as("created 1 ms before the window").isEmpty();
        assertThat(flow.findSubmitted(job(JOB), sentAfter.minusMillis(1))).contains(tooOld);
    }

    @Test
    void shouldAcceptAJobStampedUpToTheSkewBeforeTheSendByAVendorClockThatIsBehind() throws Exception {
        String jobId = create(JOB);
        clock.advance(SubmitWindow.CLOCK_SKEW);

        assertThat(flow.findSubmitted(job(JOB), clock.instant())).contains(jobId);
    }

    @Test
    void shouldStopPagingOnceTheJobsAreOlderThanTheWindow() throws Exception {
        for (int i = 0; i < 2 * DeviceJobFlow.JOB_PAGE_SIZE; i++) {
            create(JOB);
        }
        clock.advance(Duration.ofHours(1));
        create(JOB.replace("lights_off", "other_job"));

        assertThat(flow.findSubmitted(job(JOB), clock.instant())).isEmpty();
        assertThat(listJobCalls()).as("the first page already reaches past the window").isEqualTo(1);
    }

    @Test
    void shouldPageOnWhileTheJobsAreStillInTheWindow() throws Exception {
        Instant sentAfter = clock.instant();
        String jobId = create(JOB);
        for (int i = 0; i < DeviceJobFlow.JOB_PAGE_SIZE + 5; i++) {
            create(JOB.replace("lights_off", "other_" + i));
        }

        assertThat(flow.findSubmitted(job(JOB), sentAfter)).contains(jobId);
        assertThat(listJobCalls()).isEqualTo(2);
    }

    @Test
    void shouldLookInTheRequestsInstance() throws Exception {
        String inInstance = JOB.replace("\"Type\"", "\"IotInstanceId\": \"iot-cn-lookup1\", \"Type\"");
        String jobId = create(inInstance);

        assertThat(flow.findSubmitted(job(JOB), clock.instant())).isEmpty();
        assertThat(flow.findSubmitted(job(inInstance), clock.instant())).contains(jobId);
    }

    @Test
    void shouldFailRatherThanGuessWhenTwoJobsMatch() throws Exception {
        Instant sentAfter = clock.instant();
        String first = create(JOB);
        String second = create(JOB);

        VendorException error = catchThrowableOfType(VendorException.class,
                () -> flow.findSubmitted(job(JOB), sentAfter));

        assertThat(error.kind()).isEqualTo(VendorException.Kind.PERMANENT);
        assertThat(error.code()).isEqualTo("AmbiguousSubmit");
        assertThat(error.vendorMessage()).contains("2 device jobs named 'lights_off'", first, second);
    }

    @Test
    void shouldMatchTheScheduledTimeWhenTheRequestGaveOne() throws Exception {
        long inAnHour = clock.instant().plus(Duration.ofHours(1)).toEpochMilli();
        String scheduled = JOB.replace("\"Type\"", "\"ScheduledTime\": " + inAnHour + ", \"Type\"");
        String jobId = create(scheduled);

        assertThat(flow.findSubmitted(job(scheduled), clock.instant())).contains(jobId);
        assertThat(flow.findSubmitted(job(scheduled.replace(Long.toString(inAnHour), Long.toString(inAnHour + 1))),
                clock.instant())).isEmpty();
    }
}
