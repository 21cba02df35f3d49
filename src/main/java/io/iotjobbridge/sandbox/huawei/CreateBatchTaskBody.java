package io.iotjobbridge.sandbox.huawei;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a CreateBatchTask body (HW-SDK {@code CreateBatchTask}) into the task to create. The devices come from the
 * first source given, in the documented precedence {@code targets} > {@code targets_filter} > {@code document_source}.
 * The sandbox cannot see device groups or uploaded files, so it makes up {@value #DEVICES_PER_GROUP} devices per
 * group and {@value #DEVICES_PER_FILE} per file. A {@code schedule_time} is checked and echoed, but the task starts
 * at once.
 */
record CreateBatchTaskBody(BatchTask.Spec spec, List<String> targets, boolean targetsListed) {

    static final int MAX_TARGETS = 30_000;
    static final int DEVICES_PER_GROUP = 50;
    static final int DEVICES_PER_FILE = 100;
    /** The share of devices that fail in a created task, so PartialSuccess shows up in larger tasks. */
    static final int FAILURE_PERCENT = 5;

    static CreateBatchTaskBody parse(ObjectNode body, Instant now) {
        String appId = InputRules.appId(InputRules.text(body, "app_id", false), "app_id");
        String name = InputRules.text(body, "task_name", true);
        if (name.isEmpty() || name.length() > 128) {
            throw InputRules.invalid("The parameter 'task_name' must be 1 to 128 characters.");
        }
        String typeName = InputRules.text(body, "task_type", true);
        BatchTaskType type = BatchTaskType.fromWire(typeName).orElseThrow(() -> InputRules.invalid(
                "The parameter 'task_type' must be one of: " + BatchTaskType.wireNames() + "."));
        String mode = InputRules.oneOf(InputRules.text(body, "task_mode", false), "task_mode", false, "GATEWAY"::equals,
                "GATEWAY");
        Object extInfo = IotdaJson.toPlain(body.get("task_ext_info"));
        if (extInfo != null && IotdaJson.text(extInfo).length() > 512) {
            throw InputRules.invalid("The parameter 'task_ext_info' must be at most 512 characters.");
        }
        Map<String, Object> policy = policy(body.get("task_policy"), now);

        List<String> listed = targets(body.get("targets"));
        List<String> groups = groupIds(body.get("targets_filter"));
        String documentSource = InputRules.text(body, "document_source", false);
        List<String> devices;
        Map<String, Object> filter = null;
        if (!listed.isEmpty()) {
            devices = listed;
        } else if (!groups.isEmpty()) {
            filter = Map.of("group_ids", groups);
            devices = new SyntheticDeviceIds("group-device-", DEVICES_PER_GROUP * groups.size());
        } else if (documentSource != null && !documentSource.isEmpty()) {
            devices = new SyntheticDeviceIds("file-device-", DEVICES_PER_FILE);
        } else {
            throw InputRules.invalid("One of 'targets', 'targets_filter' or 'document_source' is required.");
        }
        BatchTask.Spec spec = new BatchTask.Spec(name, type, appId, mode, extInfo, filter,
                IotdaJson.toPlain(body.get("document")), policy);
        return new CreateBatchTaskBody(spec, devices, !listed.isEmpty());
    }

    BatchTask toTask(String id, Instant now) {
        return new BatchTask(id, spec, targets, targetsListed, now, FAILURE_PERCENT);
    }

    private static List<String> targets(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_TARGETS) {
            throw InputRules.invalid("The parameter 'targets' must be a list of at most " + MAX_TARGETS
                    + " device ids.");
        }
        List<String> targets = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            // device ids end up in XML spreadsheets, where control characters cannot go
            if (!item.isTextual() || item.asText().isEmpty() || item.asText().length() > 128
                    || item.asText().chars().anyMatch(Character::isISOControl)) {
                throw InputRules.invalid("The parameter 'targets' must hold device ids of 1 to 128 printable "
                        + "characters.");
            }
            targets.add(item.asText());
        }
        return targets;
    }

    private static List<String> groupIds(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        JsonNode groups = node.get("group_ids");
        if (!node.isObject() || groups == null || !groups.isArray()) {
            throw InputRules.invalid("The parameter 'targets_filter' must be an object with a 'group_ids' list.");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode group : groups) {
            if (!group.isTextual() || group.asText().isEmpty()) {
                throw InputRules.invalid("The parameter 'targets_filter.group_ids' must hold group ids.");
            }
            ids.add(group.asText());
        }
        return ids;
    }

    /** {@code task_policy}: schedule_time within 7 days; retry_count (≤5) and retry_interval (≤1440 min) together. */
    private static Map<String, Object> policy(JsonNode node, Instant now) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw InputRules.invalid("The parameter 'task_policy' must be an object.");
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        JsonNode schedule = node.get("schedule_time");
        if (schedule != null && !schedule.isNull()) {
            Instant at;
            try {
                at = IotdaTimes.COMPACT.parse(schedule.asText(), Instant::from);
            } catch (DateTimeParseException e) {
                throw InputRules.invalid("The parameter 'task_policy.schedule_time' must be yyyyMMdd'T'HHmmss'Z'.");
            }
            if (at.isAfter(now.plus(Duration.ofDays(7)))) {
                throw InputRules.invalid("The parameter 'task_policy.schedule_time' must be within 7 days.");
            }
            policy.put("schedule_time", schedule.asText());
        }
        Integer count = whole(node, "retry_count", 1, 5);
        Integer interval = whole(node, "retry_interval", 1, 1440);
        if ((count == null) != (interval == null)) {
            throw InputRules.invalid("The parameters 'task_policy.retry_count' and 'task_policy.retry_interval' "
                    + "must be given together.");
        }
        policy.put("retry_count", count);
        policy.put("retry_interval", interval);
        return policy;
    }

    private static Integer whole(JsonNode policy, String name, int min, int max) {
        JsonNode node = policy.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            throw InputRules.invalid("The parameter 'task_policy." + name + "' must be an integer from " + min
                    + " to " + max + ".");
        }
        return node.asInt();
    }
}
