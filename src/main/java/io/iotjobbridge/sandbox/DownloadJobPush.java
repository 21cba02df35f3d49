package io.iotjobbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.iotjobbridge.sandbox.push.JobWatcher;
import io.iotjobbridge.sandbox.push.PushBroker;
import io.iotjobbridge.sandbox.push.PushAddress;
import io.iotjobbridge.sandbox.push.PushMessage;
import io.iotjobbridge.sandbox.push.Watch;

/**
 * The data-download job's push message, to consumer group {@code dop_aliyun_group_name}. The vendor says only that
 * the message "contains the task status", so its shape here is an assumption (README, "Push"): topic
 * {@value #TOPIC}, body {@code {"jobId":"<LongJobId>","status":<Data.Status>}}, and the application properties every
 * server-side subscription message carries: {@code topic}, {@code messageId} (19 digits, like the vendor's) and
 * {@code generateTime} (ms).
 */
final class DownloadJobPush {

    static final String CONSUMER_GROUP = "dop_aliyun_group_name";
    static final String TOPIC = "/sys/dop/downloadDataJob/status";
    static final String KIND = "aliyun.dop";

    private final JobWatcher watcher;
    // unique within the sandbox, and unlikely to repeat a previous run's ids
    private final AtomicLong nextMessageId = new AtomicLong(
            1_000_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));

    DownloadJobPush(JobWatcher watcher) {
        this.watcher = watcher;
    }

    /** Pushes the job's later status changes. */
    void watch(DownloadJob job) {
        watcher.watch(new Watch<JobStatus>() {
            @Override
            public JobStatus statusAt(Instant now) {
                return job.statusAt(now);
            }

            @Override
            public boolean isFinal(JobStatus status) {
                return !status.isInProgress();
            }

            @Override
            public Announcement announce(JobStatus status, Instant now) {
                return new Announcement(PushAddress.aliyun(job.accessKeyId(), CONSUMER_GROUP, job.instanceKey()),
                        PushBroker.ALIYUN_QUEUE, message(job, status, now));
            }
        });
    }

    private PushMessage message(DownloadJob job, JobStatus status, Instant now) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("topic", TOPIC);
        properties.put("messageId", Long.toString(nextMessageId.getAndIncrement()));
        properties.put("generateTime", now.toEpochMilli());
        String body = "{\"jobId\":\"" + job.longJobId() + "\",\"status\":" + status.wireValue() + "}";
        return new PushMessage(KIND, properties, body.getBytes(StandardCharsets.UTF_8));
    }
}
