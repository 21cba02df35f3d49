package io.iotjobbridge;

import java.util.Optional;
import java.util.Properties;

import io.iotjobbridge.amqp.AmqpTriggerSwitch;
import io.iotjobbridge.cli.BridgeCli;
import io.iotjobbridge.config.ConfigFiles;
import io.iotjobbridge.logging.LeakingLoggers;
import io.iotjobbridge.trigger.RoutesFolder;
import org.apache.camel.main.Main;

/**
 * The jar's entry: the command line ({@link BridgeCli}) runs the bridge on Camel Main by default, only the vendor
 * simulator with {@code sandbox} (so a bridge can be killed and restarted against a simulated vendor that keeps its
 * jobs), or one of the commands that talk to a bridge or check requests offline.
 */
public final class BridgeApplication {

    private BridgeApplication() {
    }

    public static void main(String[] args) {
        int exitCode = BridgeCli.run(args, System.out, System.err, System.getenv());
        // a service ends once the JVM is being stopped, when System.exit would wait for the shutdown it is part of
        if (exitCode != 0 || !BridgeCli.startsService(args)) {
            System.exit(exitCode);
        }
    }

    /** The bridge as configured by application.properties, with {@code overrides} on top (used by tests). */
    public static Main newMain(Properties overrides) {
        LeakingLoggers.install();
        // no main class: routes are added explicitly, never found by scanning packages
        Main main = new Main();
        main.configure().addConfiguration(BridgeConfiguration.class);
        main.addMainListener(new RoutesFolder());
        main.addMainListener(new AmqpTriggerSwitch());
        // an operator's own settings file, outside the jar: -Dbridge.config=/etc/iot-job-bridge/bridge.properties
        Optional<String> extra = ConfigFiles.extra(overrides.getProperty(ConfigFiles.EXTRA_KEY,
                System.getProperty(ConfigFiles.EXTRA_KEY)), System.getenv());
        if (extra.isPresent()) {
            main.setPropertyPlaceholderLocations(ConfigFiles.locations(extra));
        }
        overrides.stringPropertyNames().forEach(k -> main.addOverrideProperty(k, overrides.getProperty(k)));
        return main;
    }
}
