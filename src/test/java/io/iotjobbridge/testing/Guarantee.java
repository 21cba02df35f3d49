package io.iotjobbridge.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test as the proof of one scenario of the reliability and security table (README "Guarantees"): what is
 * injected and what must hold. {@link GuaranteeReport} records what was observed into
 * {@code target/guarantees/report.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith(GuaranteeReport.class)
public @interface Guarantee {

    /** The scenario's id in the table, e.g. {@code R6} or {@code S3}. */
    String id();

    /** What the test does to the bridge, e.g. "HTTP 503 twice, then 200". */
    String injection();

    /** What must hold, e.g. "retried with backoff; delivered once". */
    String expected();
}
