package io.iotjobbridge;

import java.util.Properties;

import io.iotjobbridge.logging.LeakingLoggers;
import io.iotjobbridge.sandbox.SandboxMain;
import io.iotjobbridge.trigger.RoutesFolder;
import org.apache.camel.main.Main;

/**
 * Starts the bridge on Camel Main, or with the argument {@code sandbox} only the vendor simulator, so a bridge can be
 * killed and restarted against a simulated vendor that keeps its jobs.
 */
public final class BridgeApplication {

    private BridgeApplication() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "sandbox".equals(args[0])) {
            SandboxMain.run();
            return;
        }
        newMain(new Properties()).run(args);
    }

    /** The bridge as configured by application.properties, with {@code overrides} on top (used by tests). */
    public static Main newMain(Properties overrides) {
        LeakingLoggers.install();
        // no main class: routes are added explicitly, never found by scanning packages
        Main main = new Main();
        main.configure().addConfiguration(BridgeConfiguration.class);
        main.addMainListener(new RoutesFolder());
        // an operator's own settings file, outside the jar: -Dbridge.config=/etc/iot-job-bridge/bridge.properties
        String extra = overrides.getProperty("bridge.config", System.getProperty("bridge.config", System.getenv("BRIDGE_CONFIG")));
        if (extra != null && !extra.isBlank()) {
            main.setPropertyPlaceholderLocations("classpath:application.properties,file:" + extra);
        }
        overrides.stringPropertyNames().forEach(k -> main.addOverrideProperty(k, overrides.getProperty(k)));
        return main;
    }
}
