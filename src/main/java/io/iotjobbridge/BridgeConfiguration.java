package io.iotjobbridge;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.ConnectionFactory;
import io.iotjobbridge.amqp.AmqpAddress;
import io.iotjobbridge.amqp.AmqpConnection;
import io.iotjobbridge.amqp.AmqpSender;
import io.iotjobbridge.amqp.AmqpSettings;
import io.iotjobbridge.amqp.AmqpTriggerRoutes;
import io.iotjobbridge.amqp.BridgeBroker;
import io.iotjobbridge.amqp.RequestMessages;
import io.iotjobbridge.config.Accounts;
import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.destination.Delivery;
import io.iotjobbridge.destination.Destinations;
import io.iotjobbridge.events.StatusEventPublisher;
import io.iotjobbridge.events.StatusEventRoutes;
import io.iotjobbridge.events.StatusFiles;
import io.iotjobbridge.http.CamelHttpTransport;
import io.iotjobbridge.job.EngineSettings;
import io.iotjobbridge.job.InboxArchive;
import io.iotjobbridge.job.JobEngine;
import io.iotjobbridge.job.JobIntake;
import io.iotjobbridge.job.JobLifecycleRoutes;
import io.iotjobbridge.job.JobSubmission;
import io.iotjobbridge.job.TriggerErrorHandling;
import io.iotjobbridge.ledger.EventOutbox;
import io.iotjobbridge.ledger.JobLedger;
import io.iotjobbridge.ledger.LedgerCallSlots;
import io.iotjobbridge.ledger.LedgerDataSource;
import io.iotjobbridge.ledger.NodeIdentity;
import io.iotjobbridge.ops.ApiAccess;
import io.iotjobbridge.ops.HttpSettings;
import io.iotjobbridge.ops.Operations;
import io.iotjobbridge.push.PushConnections;
import io.iotjobbridge.push.PushRoutes;
import io.iotjobbridge.push.PushSubscriptions;
import io.iotjobbridge.request.RequestRules;
import io.iotjobbridge.sandbox.SandboxLink;
import io.iotjobbridge.schedule.ScheduleErrorHandling;
import io.iotjobbridge.schedule.ScheduleRoutes;
import io.iotjobbridge.schedule.ScheduleRunner;
import io.iotjobbridge.schedule.ScheduleSettings;
import io.iotjobbridge.schedule.ScheduleState;
import io.iotjobbridge.trigger.InboxClaims;
import io.iotjobbridge.trigger.InboxSettings;
import io.iotjobbridge.vendor.CallBudget;
import io.iotjobbridge.vendor.JobFlows;
import io.iotjobbridge.vendor.Spool;
import io.iotjobbridge.vendor.aliyun.AliyunOperations;
import io.iotjobbridge.vendor.huawei.HuaweiOperations;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the bridge's object graph from {@code bridge.*} properties, in one place: the ledger, the vendor sandbox
 * when enabled, accounts, destinations, the engine, and the Java DSL lifecycle routes. YAML trigger routes reach it
 * through the {@code direct:job-*} endpoints.
 */
public final class BridgeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeConfiguration.class);


    @Override
    public void configure(CamelContext context) throws Exception {
        BridgeProperties props = new BridgeProperties(context.getPropertiesComponent());
        Clock clock = Clock.systemUTC();
        Path dataDir = Path.of(props.get("bridge.data-dir", "data")).toAbsolutePath().normalize();
        InboxSettings inboxSettings = InboxSettings.fromProperties(props, dataDir);
        // checked first: a server open beyond loopback without a token must not start at all
        HttpSettings httpSettings = HttpSettings.fromProperties(props);
        context.getRegistry().bind("apiAccess", new ApiAccess(httpSettings.token()));

        SandboxLink sandbox = SandboxLink.fromProperties(props, clock);
        closeWithContext(context, sandbox);

        HikariDataSource dataSource = LedgerDataSource.open(
                props.get("bridge.ledger.url").orElseGet(() -> LedgerDataSource.embeddedH2Url(dataDir.resolve("state"))),
                props.get("bridge.ledger.user", "sa"), props.get("bridge.ledger.password", ""),
                props.getInt("bridge.ledger.pool-size", 10));
        closeWithContext(context, dataSource);
        JobLedger ledger = resumedLedger(dataSource, props, dataDir, clock);

        Accounts accounts = new Accounts(props::get, sandbox::aliyunAccount, sandbox::huaweiAccount);
        Destinations destinations = Destinations.fromProperties(props, dataDir.resolve("outbox"));
        ProducerTemplate producer = context.createProducerTemplate();
        CamelHttpTransport http = new CamelHttpTransport(context,
                props.getMillis("bridge.http.connect-timeout-ms", Duration.ofSeconds(10)),
                props.getMillis("bridge.http.read-timeout-ms", Duration.ofSeconds(60)));
        closeWithContext(context, http);

        RequestRules rules = RequestRules.of(inboxSettings, accounts, destinations, clock);
        Spool spool = new Spool(dataDir.resolve("work"));
        JobIntake intake = new JobIntake(rules.parser(), rules.validator(), ledger);
        CallBudget budget = callBudget(props, clock);
        Operations operations = Operations.create(context, dataSource);
        JobFlows flows = new JobFlows(accounts, http, spool, budget, new LedgerCallSlots(dataSource, clock),
                statusSweepMaxAge(props), operations.callObserver(), clock);
        PushConnections pushConnections = new PushConnections();
        // a job is checked only as a safety net while its vendor pushes its status over a live subscription
        JobEngine engine = new JobEngine(ledger, flows::forJob,
                destinations::get, new Delivery(producer, context.createConsumerTemplate(),
                        dataDir.resolve("work").resolve(".read-back"), clock), spool, intake::admitFollowUp,
                job -> flows.forJob(job).statusIsPushed() && pushConnections.connected(job.vendor(), job.account()),
                operations.jobObserver(), engineSettings(props), clock);

        context.addRoutes(new TriggerErrorHandling());
        context.addRoutes(new JobLifecycleRoutes(new JobSubmission(intake, inboxSettings.maxFileBytesInt()),
                new InboxArchive(inboxSettings.dir(), clock), engine));
        InboxClaims.bind(context, dataSource, inboxSettings);
        // schedules are routes made from this template (README "Schedules"); request paths are relative to the working dir
        context.addRoutes(new ScheduleErrorHandling());
        context.addRoutes(new ScheduleRoutes(new ScheduleRunner(intake, new ScheduleState(dataSource),
                ScheduleSettings.fromProperties(props), clock), Path.of("").toAbsolutePath()));
        context.getRegistry().bind("jobLedger", ledger);
        Optional<ConnectionFactory> broker = messaging(context, props, dataDir, intake, ledger,
                new EventOutbox(dataSource, clock), clock);
        context.getRegistry().bind("sandboxLink", sandbox);

        PushSubscriptions push = PushSubscriptions.fromProperties(props, accounts, sandbox.push());
        context.addRoutes(new PushRoutes(push, pushConnections,
                pushed -> engine.onVendorStatus(pushed.vendor(), pushed.account(), pushed.vendorJobId(), pushed.status()),
                clock));
        context.getRegistry().bind("pushConnections", pushConnections);

        operations.addRoutes(context, props, ledger, budget, intake, flows::forJob, inboxSettings.maxFileBytesInt(),
                clock);
        operations.registerReadiness(context, props, dataSource, broker, accounts, push, pushConnections);
    }

    /**
     * The AMQP side: the embedded broker unless an external one is configured, the request trigger's Java core, and
     * the status events every job transition publishes (to status files always, to AMQP when it is on).
     *
     * @return where connections to the broker come from, when AMQP is on
     */
    private static Optional<ConnectionFactory> messaging(CamelContext context, BridgeProperties props, Path dataDir,
                                                         JobIntake intake, JobLedger ledger, EventOutbox outbox,
                                                         Clock clock) throws Exception {
        AmqpSettings amqp = AmqpSettings.fromProperties(props);
        Optional<AmqpSender> sender = Optional.empty();
        Optional<ConnectionFactory> brokerConnections = Optional.empty();
        if (amqp.enabled()) {
            URI url;
            if (amqp.embedded()) {
                BridgeBroker broker = BridgeBroker.start(amqp, dataDir.resolve("state").resolve("broker"));
                closeWithContext(context, broker);
                context.getRegistry().bind("bridgeBroker", broker);
                url = broker.url();
            } else {
                url = URI.create(amqp.externalUrl().orElseThrow());
            }
            AmqpConnection connection = AmqpConnection.to(url, amqp);
            closeWithContext(context, connection);
            sender = Optional.of(new AmqpSender(connection.forSending()));
            brokerConnections = Optional.of(connection.forConsumers());
            context.addRoutes(new AmqpTriggerRoutes(connection,
                    new RequestMessages(intake, ledger, outbox, amqp, clock)));
        }
        Path statusDir = props.get("bridge.events.status-dir").map(Path::of)
                .orElseGet(() -> dataDir.resolve("outbox").resolve(".status"));
        context.addRoutes(new StatusEventRoutes(outbox, new StatusEventPublisher(ledger, outbox,
                new StatusFiles(statusDir), sender, AmqpAddress.queue(amqp.events()))));
        context.getRegistry().bind("eventOutbox", outbox);
        return brokerConnections;
    }

    /** This node's ledger, with the jobs it was working on when it last stopped released to it again at once. */
    private static JobLedger resumedLedger(HikariDataSource dataSource, BridgeProperties props, Path dataDir,
                                           Clock clock) {
        JobLedger ledger = new JobLedger(dataSource, clock, props.get("bridge.node-id")
                .orElseGet(() -> NodeIdentity.in(dataDir.resolve("state"))));
        int resumed = ledger.releaseOwnLeases();
        if (resumed > 0) {
            LOG.info("{} job(s) this node was working on when it stopped resume now", resumed);
        }
        return ledger;
    }

    /** The documented QPS of each vendor API, each overridable with {@code bridge.vendor-qps.<vendor>.<Api>}. */
    private static CallBudget callBudget(BridgeProperties props, Clock clock) {
        Map<String, Integer> qps = new HashMap<>();
        AliyunOperations.QPS.forEach((api, documented) ->
                qps.put(api, props.getInt("bridge.vendor-qps.aliyun." + api, documented)));
        HuaweiOperations.QPS.forEach((api, assumed) ->
                qps.put(api, props.getInt("bridge.vendor-qps.huawei." + api, assumed)));
        return new CallBudget(qps, AliyunOperations.DEFAULT_QPS,
                props.getMillis("bridge.vendor-qps.max-wait-ms", Duration.ofSeconds(30)),
                props.getMillis("bridge.vendor-qps.window-margin-ms", CallBudget.DEFAULT_WINDOW_MARGIN), clock);
    }

    /**
     * How long one vendor list call answers for the other jobs on it: half the first poll interval by default, so a
     * job's next check (never sooner than that interval, less its jitter) always sees a newer status than its last.
     */
    private static Duration statusSweepMaxAge(BridgeProperties props) {
        Duration maxAge = props.getMillis("bridge.status-sweep.max-age-ms",
                engineSettings(props).pollInitial().dividedBy(2));
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("bridge.status-sweep.max-age-ms must be 0 or more (0 turns sharing"
                    + " of list calls off)");
        }
        return maxAge;
    }

    private static EngineSettings engineSettings(BridgeProperties props) {
        return new EngineSettings(
                props.getInt("bridge.engine.workers", 4),
                props.getMillis("bridge.engine.lease-ms", Duration.ofMinutes(5)),
                props.getMillis("bridge.engine.poll-initial-ms", Duration.ofSeconds(2)),
                props.getMillis("bridge.engine.poll-max-ms", Duration.ofSeconds(60)),
                props.getDouble("bridge.engine.poll-multiplier", 1.25),
                props.getMillis("bridge.engine.push-safety-poll-ms", Duration.ofMinutes(10)),
                props.getMillis("bridge.engine.retry-initial-ms", Duration.ofSeconds(1)),
                props.getMillis("bridge.engine.retry-max-ms", Duration.ofMinutes(5)),
                props.getInt("bridge.engine.max-attempts", 10),
                props.getMillis("bridge.engine.quota-wait-ms", Duration.ofSeconds(30)),
                props.getMillis("bridge.engine.job-timeout-ms", Duration.ofHours(12)));
    }

    /** Stops {@code resource} when the Camel context stops, after the routes that use it. */
    private static void closeWithContext(CamelContext context, AutoCloseable resource) throws Exception {
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                resource.close();
            }
        }, true, true);
    }

}
