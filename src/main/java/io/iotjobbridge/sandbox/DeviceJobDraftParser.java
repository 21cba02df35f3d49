package io.iotjobbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks CreateJob's parameters against the rules on its page, in the order of the page's table, and refuses the
 * first broken one with {@code iot.common.InvalidFormattedParameter} and a message naming the rule.
 */
final class DeviceJobDraftParser {

    static final int MAX_JOB_DOCUMENT_CHARS = 65_536;
    static final int MAX_CONFIG_CHARS = 8_192;
    static final int MAX_DESCRIPTION_CHARS = 100;
    static final int MAX_LISTED_DEVICES = 200;
    static final Duration EARLIEST_SCHEDULE = Duration.ofMinutes(10);
    static final Duration LATEST_SCHEDULE = Duration.ofDays(7);

    // CJK ideographs, ASCII letters, digits and '_'; the 4..30 length is counted in characters, not bytes
    private static final Pattern JOB_NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9_]+");
    private static final Set<String> SIGN_METHODS = Set.of("MD5", "SHA256");
    private static final Set<String> MESSAGE_QOS = Set.of("QoS0", "QoS1");

    private DeviceJobDraftParser() {
    }

    static DeviceJobDraft parse(AuthenticatedCall call, Instant now) {
        String jobName = jobName(call.param("JobName"));
        String jobDocument = jobDocument(call.param("JobDocument"));
        JobTarget target = target(call.param("TargetConfig"));
        DeviceJobType type = type(call.param("Type"));
        String description = description(call.param("Description"));
        DeviceJobDraft.JobFile jobFile = jobFile(call.param("JobFile"), type);
        Integer timeout = timeoutMinutes(call.param("TimeoutConfig"), type);
        DeviceJobDraft.Rollout rollout = rollout(call.param("RolloutConfig"));
        Instant scheduledTime = scheduledTime(call.param("ScheduledTime"), now);
        return new DeviceJobDraft(call.accessKeyId(), call.instanceKey(), jobName, jobDocument, target,
                type, description, jobFile, timeout, rollout, scheduledTime);
    }

    private static String jobName(String value) {
        if (value == null || !JOB_NAME.matcher(value).matches()
                || value.codePointCount(0, value.length()) < 4 || value.codePointCount(0, value.length()) > 30) {
            throw invalid("JobName must be 4 to 30 characters: Chinese characters, letters, digits or underscores.");
        }
        return value;
    }

    private static String jobDocument(String value) {
        if (value == null) {
            throw invalid("JobDocument is mandatory.");
        }
        if (value.length() > MAX_JOB_DOCUMENT_CHARS) {
            throw invalid("JobDocument must not be longer than " + MAX_JOB_DOCUMENT_CHARS + " characters.");
        }
        JsonParams.object(value, "JobDocument");
        return value;
    }

    private static JobTarget target(String value) {
        if (value == null) {
            throw invalid("TargetConfig is mandatory.");
        }
        JsonNode config = JsonParams.object(value, "TargetConfig");
        String targetType = JsonParams.text(config, "targetType");
        if (targetType == null) {
            throw invalid("TargetConfig.targetType must be DEVICE_LIST, GROUP_ID or PRODUCT_KEY.");
        }
        return switch (targetType) {
            case "DEVICE_LIST" -> JobTarget.deviceList(listedDevices(JsonParams.field(config, "targetDevices")));
            case "PRODUCT_KEY" -> JobTarget.product(required(config, "targetProduct", targetType));
            case "GROUP_ID" -> JobTarget.group(required(config, "targetGroup", targetType));
            default -> throw invalid("TargetConfig.targetType must be DEVICE_LIST, GROUP_ID or PRODUCT_KEY.");
        };
    }

    private static List<DeviceRef> listedDevices(JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_LISTED_DEVICES) {
            throw invalid("TargetConfig.targetDevices must list 1 to " + MAX_LISTED_DEVICES
                    + " devices when targetType is DEVICE_LIST.");
        }
        // the same device named twice is still one device with one task
        Set<DeviceRef> devices = new LinkedHashSet<>();
        for (JsonNode entry : list) {
            String productKey = entry.isObject() ? JsonParams.text(entry, "ProductKey") : null;
            String deviceName = entry.isObject() ? JsonParams.text(entry, "DeviceName") : null;
            if (productKey == null || deviceName == null) {
                throw invalid("Each entry of TargetConfig.targetDevices needs a ProductKey and a DeviceName.");
            }
            devices.add(new DeviceRef(productKey, deviceName));
        }
        return new ArrayList<>(devices);
    }

    private static String required(JsonNode config, String key, String targetType) {
        String value = JsonParams.text(config, key);
        if (value == null) {
            throw invalid("TargetConfig." + key + " is mandatory when targetType is " + targetType + ".");
        }
        return value;
    }

    private static DeviceJobType type(String value) {
        try {
            return DeviceJobType.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw invalid("Type must be INVOKE_SERVICE, SET_PROPERTY, PUB or CUSTOM_JOB.");
        }
    }

    private static String description(String value) {
        if (value != null && value.length() > MAX_DESCRIPTION_CHARS) {
            throw invalid("Description must not be longer than " + MAX_DESCRIPTION_CHARS + " characters.");
        }
        return value;
    }

    private static DeviceJobDraft.JobFile jobFile(String value, DeviceJobType type) {
        if (value == null) {
            return null;
        }
        if (type != DeviceJobType.CUSTOM_JOB) {
            throw invalid("JobFile is allowed only when Type is CUSTOM_JOB.");
        }
        JsonNode file = JsonParams.object(value, "JobFile");
        String fileKey = JsonParams.text(file, "fileKey");
        String signMethod = JsonParams.text(file, "signMethod");
        if (fileKey == null) {
            throw invalid("JobFile.fileKey is mandatory.");
        }
        // the page writes the method as "Sha256" in one place and "SHA256" in another
        if (signMethod != null && !SIGN_METHODS.contains(signMethod.toUpperCase(Locale.ROOT))) {
            throw invalid("JobFile.signMethod must be MD5 or SHA256.");
        }
        return new DeviceJobDraft.JobFile(fileKey, signMethod, JsonParams.text(file, "sign"));
    }

    private static Integer timeoutMinutes(String value, DeviceJobType type) {
        if (!type.hasTimeout()) {
            return null;
        }
        if (value == null) {
            return type.defaultTimeoutMinutes();
        }
        JsonNode config = JsonParams.object(limited(value, "TimeoutConfig"), "TimeoutConfig");
        JsonNode minutes = JsonParams.field(config, "inProgressTimeoutInMinutes");
        if (minutes == null) {
            return type.defaultTimeoutMinutes();
        }
        if (!minutes.isIntegralNumber() || !minutes.canConvertToInt() || !type.allowsTimeout(minutes.intValue())) {
            throw invalid("TimeoutConfig.inProgressTimeoutInMinutes must be " + type.minTimeoutMinutes() + " to "
                    + type.maxTimeoutMinutes() + " for " + type + " jobs.");
        }
        return minutes.intValue();
    }

    private static DeviceJobDraft.Rollout rollout(String value) {
        if (value == null) {
            return DeviceJobDraft.Rollout.DEFAULT;
        }
        JsonNode config = JsonParams.object(limited(value, "RolloutConfig"), "RolloutConfig");
        JsonNode perMinute = JsonParams.field(config, "maximumPerMinute");
        int maximum = DeviceJobDraft.Rollout.DEFAULT.maximumPerMinute();
        if (perMinute != null) {
            if (!perMinute.isIntegralNumber() || perMinute.asLong() < 50 || perMinute.asLong() > 1_000) {
                throw invalid("RolloutConfig.maximumPerMinute must be 50 to 1000.");
            }
            maximum = perMinute.intValue();
        }
        String qos = JsonParams.text(config, "messageQoS");
        if (qos != null && !MESSAGE_QOS.contains(qos)) {
            throw invalid("RolloutConfig.messageQoS must be QoS0 or QoS1.");
        }
        return new DeviceJobDraft.Rollout(maximum, qos);
    }

    private static Instant scheduledTime(String value, Instant now) {
        if (value == null) {
            return null;
        }
        long millis;
        try {
            millis = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid("ScheduledTime must be a time in milliseconds.");
        }
        Instant scheduled = Instant.ofEpochMilli(millis);
        if (scheduled.isBefore(now.plus(EARLIEST_SCHEDULE)) || scheduled.isAfter(now.plus(LATEST_SCHEDULE))) {
            throw invalid("ScheduledTime must be between 10 minutes and 7 days from now.");
        }
        return scheduled;
    }

    private static String limited(String value, String name) {
        if (value.length() > MAX_CONFIG_CHARS) {
            throw invalid(name + " must not be longer than " + MAX_CONFIG_CHARS + " characters.");
        }
        return value;
    }

    private static IotRejection invalid(String message) {
        return IotPlatformError.invalidParameter(message);
    }
}
