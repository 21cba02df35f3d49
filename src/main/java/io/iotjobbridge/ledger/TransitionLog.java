package io.iotjobbridge.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per committed job transition, written where transitions are committed, so none is missed and none
 * is logged twice: {@code job <id> request <request id> (<vendor> <operation> <vendor job id>) is <STATE> (was
 * <STATE>)[: detail]}. The logger is {@value #CATEGORY}, for operators who route or keep these lines apart; with the
 * JSON log format each line also carries the ids and states as fields of their own.
 */
final class TransitionLog {

    static final String CATEGORY = "io.iotjobbridge.transitions";
    private static final Logger LOG = LoggerFactory.getLogger(CATEGORY);

    private TransitionLog() {
    }

    /** @param from the state before, or null for a new job */
    static void committed(JobState from, JobRecord job, String detail) {
        String vendorJobId = job.vendorJobId() == null ? "-" : job.vendorJobId();
        LOG.atInfo().addKeyValue("jobId", job.id()).addKeyValue("requestId", job.requestId())
                .addKeyValue("vendor", job.vendor().wireName()).addKeyValue("operation", job.operation())
                .addKeyValue("vendorJobId", vendorJobId).addKeyValue("from", from == null ? "-" : from.name())
                .addKeyValue("to", job.state().name())
                .log("job {} request {} ({} {} {}) is {} (was {}){}", job.id(), job.requestId(), job.vendor(),
                        job.operation(), vendorJobId, job.state(), from == null ? "new" : from,
                        detail == null ? "" : ": " + detail);
    }
}
