package io.iotjobbridge.sandbox;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs only the vendor sandbox, as its own process ({@code java -jar iot-job-bridge.jar sandbox}), configured by the
 * same {@code bridge.sandbox.*} keys given as system properties or environment variables.
 */
public final class SandboxMain {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxMain.class);

    private SandboxMain() {
    }

    public static void run() throws InterruptedException {
        SandboxSettings settings = SandboxSettings.fromProperties(SandboxMain::lookup);
        VendorSandbox sandbox = VendorSandbox.start(settings, Clock.systemUTC());
        try {
            sandbox.faults().configure(new SandboxProperties(SandboxMain::lookup));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        LOG.info("vendor sandbox listening on {}", sandbox.baseUrl());
        // a bridge elsewhere needs this as bridge.sandbox.push.url; fix the port with bridge.sandbox.push.port
        sandbox.pushUrl().ifPresent(url -> LOG.info("vendor sandbox pushing job status on {}", url));
        stopped.await();
    }

    /** {@code bridge.sandbox.port} from -D, else from BRIDGE_SANDBOX_PORT. */
    static String lookup(String key) {
        String value = System.getProperty(key);
        return value != null ? value : System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                .replace('-', '_'));
    }
}
