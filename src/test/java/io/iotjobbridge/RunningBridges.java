package io.iotjobbridge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole-application test fixture: starts {@link RunningBridge}s for a test and stops every one of them after it,
 * newest first, whether the test passed or not. Registered as a field:
 * {@code @RegisterExtension final RunningBridges bridges = new RunningBridges();}.
 */
public final class RunningBridges implements AfterEachCallback {

    private final List<RunningBridge> started = new ArrayList<>();

    public RunningBridge start(Path dataDir, Map<String, String> overrides) throws Exception {
        RunningBridge bridge = RunningBridge.start(dataDir, overrides);
        started.add(bridge);
        return bridge;
    }

    /** @param beans bound in the registry before start (see {@link RunningBridge#start(Path, Map, Map)}) */
    public RunningBridge start(Path dataDir, Map<String, String> overrides, Map<String, Object> beans)
            throws Exception {
        RunningBridge bridge = RunningBridge.start(dataDir, overrides, beans);
        started.add(bridge);
        return bridge;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
