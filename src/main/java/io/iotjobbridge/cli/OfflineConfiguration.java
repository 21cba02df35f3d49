package io.iotjobbridge.cli;

import java.util.Map;

import io.iotjobbridge.config.BridgeProperties;
import io.iotjobbridge.config.ConfigFiles;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The bridge's settings read as the bridge reads them (application.properties, the {@code bridge.config} file,
 * -D system properties, environment variables), through a Camel context that is never started: no route, sandbox,
 * broker or database comes to life.
 */
final class OfflineConfiguration {

    private OfflineConfiguration() {
    }

    /** @param env the environment, for {@code BRIDGE_CONFIG} */
    static BridgeProperties load(Map<String, String> env) {
        PropertiesComponent properties = new DefaultCamelContext(false).getPropertiesComponent();
        properties.setLocation(ConfigFiles.locations(
                ConfigFiles.extra(System.getProperty(ConfigFiles.EXTRA_KEY), env)));
        return new BridgeProperties(properties);
    }
}
