package io.iotjobbridge.testing;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import io.iotjobbridge.vendor.SignatureEncoding;
import org.slf4j.LoggerFactory;

/**
 * Looks for secret values (sentinels) wherever the bridge writes text: every log event of every logger, turned to
 * TRACE while the scan is open (console output is held back meanwhile, it would be megabytes), and any text a test
 * hands it (files, messages, ledger reasons). Each log event is checked as it arrives, against the sentinels known
 * at that moment, so nothing has to be kept but the hits.
 */
public final class SecretScan implements AutoCloseable {

    /** A signed request's Authorization header (Alibaba ACS3, Huawei SDK and V11 signatures), printed as a header. */
    private static final Pattern AUTHORIZATION_HEADER =
            Pattern.compile("(?i)authorization[\"']?\\s*[:=]\\s*[\"']?(ACS3-HMAC|SDK-HMAC|V11-HMAC)");

    private final Set<String> fixed;
    private final Supplier<Collection<String>> learned;
    private final List<String> hits = new CopyOnWriteArrayList<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong traceEvents = new AtomicLong();
    private final Map<Logger, Level> levelsBefore = new HashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final Logger root;
    private final AppenderBase<ILoggingEvent> scanner;

    private SecretScan(Collection<String> fixed, Supplier<Collection<String>> learned) {
        this.fixed = new LinkedHashSet<>(fixed);
        this.learned = learned;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        this.scanner = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                events.incrementAndGet();
                if (event.getLevel() == Level.TRACE) {
                    traceEvents.incrementAndGet();
                }
                check("log " + event.getLevel() + " " + event.getLoggerName(), everythingIn(event));
            }
        };
        scanner.setContext(context);
    }

    /**
     * Starts scanning every log event with every logger at TRACE.
     *
     * @param fixed   sentinels known up front
     * @param learned sentinels that appear during the run (signatures a vendor hands out), asked for at each check
     */
    public static SecretScan start(Collection<String> fixed, Supplier<Collection<String>> learned) {
        SecretScan scan = new SecretScan(fixed, learned);
        scan.open();
        return scan;
    }

    private void open() {
        LoggerContext context = root.getLoggerContext();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levelsBefore.put(logger, logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
        }
        root.setLevel(Level.TRACE);
        root.iteratorForAppenders().forEachRemaining(detached::add);
        detached.forEach(root::detachAppender);
        scanner.start();
        root.addAppender(scanner);
    }

    /** Records a hit for every sentinel in {@code text}; {@code where} names the source in the report. */
    public void check(String where, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher header = AUTHORIZATION_HEADER.matcher(text);
        if (header.find()) {
            hits.add(where + " holds an Authorization header: " + text.substring(header.start(),
                    Math.min(text.length(), header.end() + 40)).replace('\n', ' '));
        }
        for (String sentinel : sentinels()) {
            if (text.contains(sentinel)) {
                hits.add(where + " holds sentinel " + sentinel.substring(0, Math.min(6, sentinel.length()))
                        + "...: " + excerpt(text, sentinel));
            }
        }
    }

    /** Checks every file under {@code root} that is UTF-8 text; binary files (databases, zips, journals) are skipped. */
    public int checkTextFiles(Path folder) throws Exception {
        int checked = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = textOf(file);
                if (text != null) {
                    check("file " + folder.relativize(file), text);
                    checked++;
                }
            }
        }
        return checked;
    }

    public List<String> hits() {
        return List.copyOf(hits);
    }

    public long events() {
        return events.get();
    }

    public long traceEvents() {
        return traceEvents.get();
    }

    /** The sentinels a check looks for: each as given and percent-encoded, as it would sit in a URL. */
    private Set<String> sentinels() {
        Set<String> all = new LinkedHashSet<>();
        Stream.concat(fixed.stream(), learned.get().stream()).forEach(sentinel -> {
            all.add(sentinel);
            all.add(SignatureEncoding.percentEncode(sentinel));
        });
        return all;
    }

    @Override
    public void close() {
        root.detachAppender(scanner);
        scanner.stop();
        detached.forEach(root::addAppender);
        root.setLevel(levelsBefore.getOrDefault(root, Level.INFO));
        levelsBefore.forEach(Logger::setLevel);
    }

    /** The formatted message, then each exception's class, message and stack frames down the cause chain. */
    private static String everythingIn(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append("\n\tat ").append(frame.getSTEAsString());
            }
            for (IThrowableProxy suppressed : t.getSuppressed()) {
                text.append("\nSuppressed: ").append(suppressed.getClassName()).append(": ")
                        .append(suppressed.getMessage());
            }
        }
        return text.toString();
    }

    private static String textOf(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    private static String excerpt(String text, String sentinel) {
        int at = text.indexOf(sentinel);
        return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + sentinel.length() + 40))
                .replace('\n', ' ');
    }
}
