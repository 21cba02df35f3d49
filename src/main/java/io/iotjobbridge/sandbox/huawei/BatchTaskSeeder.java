package io.iotjobbridge.sandbox.huawei;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills a new scope with a plausible history of batch tasks, the same for the same scope on every run: mostly
 * finished tasks created over the weeks before the sandbox started, and the newest few created at the moment it
 * started, so they are still running while a test or demo begins. Targets run from one device to a few thousand;
 * most tasks succeed outright, many have a few failing devices (PartialSuccess) and about one in ten fails entirely.
 */
final class BatchTaskSeeder {

    /** How many of the newest seeded tasks start with the sandbox rather than in the past. */
    static final int STILL_RUNNING = 3;
    private static final int MAX_TARGETS = 5_000;
    /** Tasks this small list their devices; bigger ones target device groups, as a console user would. */
    private static final int LISTED_TARGETS_UP_TO = 20;

    /**
     * The types of every 20 seeded tasks, shuffled within each 20: half are firmware upgrades, as in a real fleet,
     * so that with the default 120 tasks one type has 60 and ListBatchTasks (which always filters by type) needs more
     * than one page; then 12 software upgrades and 6 of each other documented type.
     */
    private static final List<BatchTaskType> TYPES_PER_20 = List.of(
            BatchTaskType.FIRMWARE_UPGRADE, BatchTaskType.FIRMWARE_UPGRADE, BatchTaskType.FIRMWARE_UPGRADE,
            BatchTaskType.FIRMWARE_UPGRADE, BatchTaskType.FIRMWARE_UPGRADE, BatchTaskType.FIRMWARE_UPGRADE,
            BatchTaskType.FIRMWARE_UPGRADE, BatchTaskType.FIRMWARE_UPGRADE, BatchTaskType.FIRMWARE_UPGRADE,
            BatchTaskType.FIRMWARE_UPGRADE, BatchTaskType.SOFTWARE_UPGRADE, BatchTaskType.SOFTWARE_UPGRADE,
            BatchTaskType.CREATE_DEVICES, BatchTaskType.DELETE_DEVICES, BatchTaskType.FREEZE_DEVICES,
            BatchTaskType.UNFREEZE_DEVICES, BatchTaskType.CREATE_COMMANDS, BatchTaskType.CREATE_ASYNC_COMMANDS,
            BatchTaskType.CREATE_MESSAGES, BatchTaskType.UPDATE_DEVICE_SHADOWS);

    private static final List<Product> PRODUCTS = List.of(
            new Product("WaterMeter", "WM", "WaterMeter", "valve", Map.of("value", "OFF")),
            new Product("SmartLamp", "LAMP", "Light", "switch", Map.of("value", "ON")),
            new Product("GasDetector", "GAS", "Alarm", "selfCheck", Map.of("mode", "full")),
            new Product("ChargingPile", "EVC", "Charging", "setPowerLimit", Map.of("kw", 7)),
            new Product("SmokeSensor", "SMK", "Sensor", "setReportInterval", Map.of("seconds", 300)));

    private final int count;
    private final Instant sandboxStart;
    private final Duration batchRunning;

    BatchTaskSeeder(int count, Instant sandboxStart, Duration batchRunning) {
        this.count = count;
        this.sandboxStart = sandboxStart;
        this.batchRunning = batchRunning;
    }

    void seed(Tenant tenant, TenantScope scope) {
        SplittableRandom random = new SplittableRandom(Long.parseLong(scope.idPrefix(), 16));
        List<Instant> createdAt = creationTimes(random);
        List<BatchTaskType> types = new ArrayList<>();
        for (int i = 0; i < createdAt.size(); i++) {
            if (i % TYPES_PER_20.size() == 0) {
                types = new ArrayList<>(TYPES_PER_20);
                shuffle(types, random);
            }
            BatchTaskType type = types.get(i % TYPES_PER_20.size());
            Instant created = createdAt.get(i);
            int sequenceNumber = i + 1;
            tenant.addBatchTask(id -> newTask(id, type, created, sequenceNumber, random));
        }
    }

    /** Oldest first, so ids (which grow with each task) follow creation time. */
    private List<Instant> creationTimes(SplittableRandom random) {
        int running = Math.min(STILL_RUNNING, count);
        List<Instant> history = new ArrayList<>();
        // the newest finished task ended before the sandbox started
        Instant t = sandboxStart.minus(batchRunning).minusSeconds(60);
        for (int i = 0; i < count - running; i++) {
            t = t.minusSeconds(random.nextLong(5 * 60, 20 * 3600));
            history.add(0, t);
        }
        for (int i = 0; i < running; i++) {
            history.add(sandboxStart);
        }
        return history;
    }

    private BatchTask newTask(String id, BatchTaskType type, Instant created, int sequenceNumber,
                              SplittableRandom random) {
        Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        String productId = hex24(random);
        int targetCount = (int) Math.round(Math.exp(random.nextDouble() * Math.log(MAX_TARGETS)));
        boolean listed = targetCount <= LISTED_TARGETS_UP_TO;
        Map<String, Object> filter = null;
        if (!listed) {
            List<String> groups = new ArrayList<>();
            for (int g = random.nextInt(1, 4); g > 0; g--) {
                groups.add(new UUID(random.nextLong(), random.nextLong()).toString());
            }
            filter = Map.of("group_ids", groups);
        }
        double roll = random.nextDouble();
        int failurePercent = roll < 0.45 ? 0 : roll < 0.9 ? random.nextInt(1, 9) : 100;
        String version = "V" + random.nextInt(1, 4) + "." + random.nextInt(10) + "." + random.nextInt(20);
        Object extInfo = type.isUpgrade() && random.nextBoolean()
                ? Map.of("reason", "scheduled maintenance", "target_version", version) : null;
        Map<String, Object> policy = random.nextInt(4) == 0
                ? Map.of("retry_count", random.nextInt(1, 6), "retry_interval", 30 * random.nextInt(1, 5)) : null;
        BatchTask.Spec spec = new BatchTask.Spec(name(type, product, version, sequenceNumber), type, null,
                type.isUpgrade() && random.nextInt(3) == 0 ? "GATEWAY" : null, extInfo, filter,
                document(type, product, random), policy);
        return new BatchTask(id, spec,
                new SyntheticDeviceIds(productId + "_" + product.nodePrefix() + "-", targetCount), listed, created,
                failurePercent);
    }

    private static String name(BatchTaskType type, Product product, String version, int n) {
        return switch (type) {
            case FIRMWARE_UPGRADE -> "fw-upgrade-" + product.name() + "-" + version;
            case SOFTWARE_UPGRADE -> "app-upgrade-" + product.name() + "-" + version;
            case CREATE_DEVICES -> "import-" + product.name() + "-batch-" + n;
            case DELETE_DEVICES -> "retire-" + product.name() + "-batch-" + n;
            case FREEZE_DEVICES -> "freeze-suspicious-" + product.name() + "-" + n;
            case UNFREEZE_DEVICES -> "unfreeze-" + product.name() + "-" + n;
            case CREATE_COMMANDS -> "cmd-" + product.service() + "-" + product.command() + "-" + n;
            case CREATE_ASYNC_COMMANDS -> "async-cmd-" + product.service() + "-" + product.command() + "-" + n;
            case CREATE_MESSAGES -> "broadcast-" + product.name() + "-notice-" + n;
            case UPDATE_DEVICE_SHADOWS, UPDATE_DEVICES -> "shadow-sync-" + product.service() + "-" + n;
        };
    }

    /** The {@code document} each type's docs show, filled in for the product. */
    private static Object document(BatchTaskType type, Product product, SplittableRandom random) {
        Map<String, Object> document = new LinkedHashMap<>();
        switch (type) {
            case FIRMWARE_UPGRADE, SOFTWARE_UPGRADE -> document.put("package_id", hex24(random));
            case CREATE_COMMANDS, CREATE_ASYNC_COMMANDS -> {
                document.put("service_id", product.service());
                document.put("command_name", product.command());
                document.put("paras", product.paras());
                if (type == BatchTaskType.CREATE_ASYNC_COMMANDS) {
                    document.put("expire_time", 86_400);
                    document.put("send_strategy", "delay");
                }
            }
            case CREATE_MESSAGES -> {
                document.put("message", "{\"notice\":\"maintenance window tonight\"}");
                document.put("topic", "notices");
            }
            case UPDATE_DEVICE_SHADOWS -> document.put("shadow",
                    List.of(Map.of("service_id", product.service(), "desired", Map.of("reportInterval", 600))));
            default -> {
                return null;
            }
        }
        return document;
    }

    /** Fisher-Yates with the seeded generator (Collections.shuffle wants a java.util.Random). */
    private static <T> void shuffle(List<T> items, SplittableRandom random) {
        for (int i = items.size() - 1; i > 0; i--) {
            Collections.swap(items, i, random.nextInt(i + 1));
        }
    }

    private static String hex24(SplittableRandom random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private record Product(String name, String nodePrefix, String service, String command,
                           Map<String, Object> paras) {
    }
}
