package io.iotjobbridge.job;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The job lifecycle in Java DSL. Triggers (YAML routes in {@code routes/}) hand documents to {@code direct:job-submit};
 * the scheduler claims due jobs from the ledger and advances each on a worker. No route ever waits for a vendor job
 * on a thread: a job that is not done yet is simply due again later.
 */
public final class JobLifecycleRoutes extends RouteBuilder {

    /** Exchange property a file trigger's {@code move} option reads to archive the request file. */
    public static final String INBOX_ARCHIVE = "inboxArchive";
    /** Exchange property naming where a request came from, for log lines: a file, a message. */
    public static final String REQUEST_SOURCE = "requestSource";

    private final JobSubmission submission;
    private final InboxArchive inboxArchive;
    private final JobEngine engine;

    public JobLifecycleRoutes(JobSubmission submission, InboxArchive inboxArchive, JobEngine engine) {
        this.submission = submission;
        this.inboxArchive = inboxArchive;
        this.engine = engine;
    }

    @Override
    public void configure() {
        from("direct:job-submit").routeId("job-submit")
                .process(submission);

        from("direct:inbox-settle").routeId("inbox-settle")
                .process(e -> e.setProperty(INBOX_ARCHIVE, inboxArchive.settle(
                        e.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class),
                        e.getMessage().getBody(IntakeResult.class))));

        from("timer:job-scheduler?period={{bridge.engine.tick-ms:1000}}").routeId("job-scheduler")
                .process(e -> e.getMessage().setBody(engine.claimDue()))
                .split(body())
                .to("seda:job-advance?size={{bridge.engine.queue-size:1000}}&blockWhenFull=true");

        from("seda:job-advance?concurrentConsumers={{bridge.engine.workers:4}}&size={{bridge.engine.queue-size:1000}}")
                .routeId("job-advance")
                .process(e -> engine.advance(e.getMessage().getBody(String.class)));
    }
}
