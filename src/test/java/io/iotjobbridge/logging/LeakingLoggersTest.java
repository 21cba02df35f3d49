package io.iotjobbridge.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The loggers that print credentials stay quiet below their cap even with every level set to TRACE. */
class LeakingLoggersTest {

    private final List<Runnable> cleanups = new ArrayList<>();

    @AfterEach
    void restore() {
        cleanups.forEach(Runnable::run);
    }

    @Test
    void shouldDropHttpWireAndHeaderLinesAtEveryLevelAndDetailedLinesOfTheOthers() {
        LeakingLoggers.install();
        ListAppender<ILoggingEvent> seen = traceOn("org.apache.hc.client5.http.wire",
                "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.impl.classic.MainClientExec",
                "org.apache.camel.component.properties.PropertiesComponent",
                "org.apache.camel.impl.engine.AbstractCamelContext", "io.iotjobbridge.job.JobEngine");

        log("org.apache.hc.client5.http.wire").error(">> \"Authorization: ACS3-HMAC-SHA256 ...\"");
        log("org.apache.hc.client5.http.headers").debug(">> Authorization: SDK-HMAC-SHA256 ...");
        log("org.apache.hc.client5.http.impl.classic.MainClientExec").debug("GET /x?Signature=s");
        log("org.apache.hc.client5.http.impl.classic.MainClientExec").info("kept");
        log("org.apache.camel.component.properties.PropertiesComponent").trace("Parsed uri key -> value");
        log("org.apache.camel.impl.engine.AbstractCamelContext").trace("Getting endpoint with uri: sftp://...");
        log("org.apache.camel.impl.engine.AbstractCamelContext").debug("kept");
        log("io.iotjobbridge.job.JobEngine").trace("kept");

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("kept", "kept", "kept");
    }

    @Test
    void shouldBeInstalledOnceHoweverOftenTheBridgeStarts() {
        LeakingLoggers.install();
        LeakingLoggers.install();

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLoggerContext().getTurboFilterList()).filteredOn(LeakingLoggers.class::isInstance)
                .hasSize(1);
    }

    private ListAppender<ILoggingEvent> traceOn(String... names) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (String name : names) {
            Logger logger = log(name);
            Level before = logger.getLevel();
            boolean additive = logger.isAdditive();
            logger.setLevel(Level.TRACE);
            logger.setAdditive(false);
            logger.addAppender(appender);
            cleanups.add(() -> {
                logger.detachAppender(appender);
                logger.setLevel(before);
                logger.setAdditive(additive);
            });
        }
        return appender;
    }

    private static Logger log(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
