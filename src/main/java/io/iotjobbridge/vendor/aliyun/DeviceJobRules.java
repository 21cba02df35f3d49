package io.iotjobbridge.vendor.aliyun;

import static io.iotjobbridge.request.spec.Specs.anyObject;
import static io.iotjobbridge.request.spec.Specs.int64;
import static io.iotjobbridge.request.spec.Specs.list;
import static io.iotjobbridge.request.spec.Specs.object;
import static io.iotjobbridge.request.spec.Specs.optional;
import static io.iotjobbridge.request.spec.Specs.required;
import static io.iotjobbridge.request.spec.Specs.string;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotjobbridge.request.spec.CrossFieldCheck;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.request.spec.ObjectSpec;
import io.iotjobbridge.request.spec.StringSpec;
import io.iotjobbridge.request.spec.Validation;
import io.iotjobbridge.request.spec.ValueSpec;

/**
 * CreateJob's parameters, rule by rule from its API page (seed 002): the parameter table and the TargetConfig,
 * TargetDevice, RolloutConfig, TimeoutConfig and JobFile tables below it. Where the sandbox had to pick a spelling
 * the page leaves open, the same pick is made here, so a request the bridge admits is one the sandbox accepts.
 */
final class DeviceJobRules {

    static final int MAX_JOB_DOCUMENT_CHARS = 65_536;
    static final int MAX_DESCRIPTION_CHARS = 100;
    static final int MAX_TARGET_DEVICES = 200;
    static final Duration EARLIEST_SCHEDULE = Duration.ofMinutes(10);
    static final Duration LATEST_SCHEDULE = Duration.ofDays(7);
    static final String CUSTOM_JOB = "CUSTOM_JOB";
    /** "CUSTOM_JOB类型任务:最大值为3600"; INVOKE_SERVICE and SET_PROPERTY: "最大值为5". */
    static final int MAX_CUSTOM_TIMEOUT_MINUTES = 3_600;
    static final int MAX_OTHER_TIMEOUT_MINUTES = 5;

    static final List<String> TYPES = List.of("INVOKE_SERVICE", "SET_PROPERTY", "PUB", CUSTOM_JOB);
    static final List<String> TARGET_TYPES = List.of("DEVICE_LIST", "GROUP_ID", "PRODUCT_KEY");

    /** Which TargetConfig member each targetType needs; each member is allowed with its own type only ("仅…时"). */
    private static final Map<String, String> TARGET_MEMBER = Map.of(
            "DEVICE_LIST", "targetDevices",
            "GROUP_ID", "targetGroup",
            "PRODUCT_KEY", "targetProduct");

    /** The page writes the method "Sha256" in the parameter table and "MD5和SHA256" in the JobFile table. */
    private static final Set<String> SIGN_METHODS = Set.of("MD5", "SHA256");

    private DeviceJobRules() {
    }

    static ObjectSpec createJobParams(StringSpec iotInstanceId) {
        return object(
                optional("IotInstanceId", iotInstanceId),
                // "支持中文、英文字母、数字和下划线(_),长度范围为4~30个字符"; the sandbox reads "中文" as any Han
                // ideograph, and so does this rule
                required("JobName", string().length(4, 30).matches("[\\p{IsHan}A-Za-z0-9_]+",
                        "must contain only Chinese characters, letters, digits and underscores")),
                required("JobDocument", JOB_DOCUMENT),
                required("Type", string().oneOf(TYPES)),
                required("TargetConfig", TARGET_CONFIG),
                optional("Description", string().maxLength(MAX_DESCRIPTION_CHARS)),
                optional("JobFile", JOB_FILE),
                // the upper bound depends on Type, see timeoutForType
                optional("TimeoutConfig", object(optional("inProgressTimeoutInMinutes", int64().min(1)))),
                optional("RolloutConfig", object(
                        optional("maximumPerMinute", int64().min(50).max(1_000)),
                        optional("messageQoS", string().oneOf("QoS0", "QoS1")))),
                // "取值范围:当前时间的10分钟后到7天之间", checked against the validator's clock when the request
                // arrives; a request accepted seconds before the 10-minute edge can still be refused by the vendor
                optional("ScheduledTime", int64().epochMillisFromNow(EARLIEST_SCHEDULE, LATEST_SCHEDULE)))
                .withCheck(CrossFieldCheck.of(List.of("Type"), DeviceJobRules::jobFileOnlyForCustomJobs))
                .withCheck(CrossFieldCheck.of(List.of("Type", "TimeoutConfig"), DeviceJobRules::timeoutForType));
    }

    /** "数据格式为JSON,长度不超过65536个字符": an object whose JSON text, as sent, fits the limit. */
    private static final ValueSpec JOB_DOCUMENT = (value, path, validation) -> {
        anyObject().check(value, path, validation);
        if (!value.isObject()) {
            return;
        }
        // counted as the sandbox counts it (UTF-16 units of the text the client sends), which equals characters
        // for everything outside the rare supplementary planes
        int length = value.toString().length();
        if (length > MAX_JOB_DOCUMENT_CHARS) {
            validation.fail(path, "must be at most " + MAX_JOB_DOCUMENT_CHARS
                    + " characters long as compact JSON; was " + length);
        }
    };

    /**
     * "TargetDevice定义": IotId, ProductKey, DeviceName, where ProductKey and DeviceName each need the other. The
     * page allows an entry named by IotId alone; the sandbox cannot resolve IotIds and refuses such an entry.
     */
    private static final ObjectSpec TARGET_DEVICE = object(
            optional("IotId", string().nonBlank()),
            optional("ProductKey", string().nonBlank()),
            optional("DeviceName", string().nonBlank()))
            .withCheck(CrossFieldCheck.of(List.of("IotId", "ProductKey", "DeviceName"), DeviceJobRules::deviceNamed));

    /**
     * Keys as in the page's examples 2 and 3 and its sample request ({@code targetType}, {@code targetProduct},
     * {@code targetGroup}) and in QueryJob's answer ({@code targetDevices}); the vendor's own example 1 capitalises
     * them, which is refused here with a "did you mean" hint rather than accepted under two spellings.
     */
    private static final ObjectSpec TARGET_CONFIG = object(
            required("targetType", string().oneOf(TARGET_TYPES)),
            optional("targetDevices", list(TARGET_DEVICE).size(1, MAX_TARGET_DEVICES)),
            optional("targetGroup", string().nonBlank()),
            optional("targetProduct", string().nonBlank()))
            .withCheck(CrossFieldCheck.of(List.of("targetType"), DeviceJobRules::targetMatchesType));

    private static final ObjectSpec JOB_FILE = object(
            required("fileKey", string().nonBlank()),
            optional("signMethod", string().satisfies(m -> SIGN_METHODS.contains(m.toUpperCase(Locale.ROOT)),
                    "must be MD5 or SHA256 (in any case)")),
            optional("sign", string().nonBlank()));

    private static void targetMatchesType(ObjectNode config, String path, Validation v) {
        JsonNode type = config.get("targetType");
        if (type == null) {
            return;
        }
        String targetType = type.textValue();
        String needed = TARGET_MEMBER.get(targetType);
        if (!config.has(needed)) {
            v.fail(Describe.child(path, needed), "is required when targetType is " + targetType);
        }
        TARGET_MEMBER.forEach((otherType, member) -> {
            if (!otherType.equals(targetType) && config.has(member)) {
                v.fail(Describe.child(path, member), "is allowed only when targetType is " + otherType
                        + "; targetType is " + targetType);
            }
        });
    }

    private static void deviceNamed(ObjectNode device, String path, Validation v) {
        boolean productKey = device.has("ProductKey");
        boolean deviceName = device.has("DeviceName");
        if (productKey && !deviceName) {
            v.fail(Describe.child(path, "DeviceName"), "is required when ProductKey is given");
        } else if (deviceName && !productKey) {
            v.fail(Describe.child(path, "ProductKey"), "is required when DeviceName is given");
        } else if (!productKey && !device.has("IotId")) {
            v.fail(path, "needs an IotId, or a ProductKey and a DeviceName");
        }
    }

    /** "仅Type为CUSTOM_JOB时,可传入此参数". */
    private static void jobFileOnlyForCustomJobs(ObjectNode params, String path, Validation v) {
        JsonNode type = params.get("Type");
        if (type != null && params.has("JobFile") && !CUSTOM_JOB.equals(type.textValue())) {
            v.fail(Describe.child(path, "JobFile"), "is allowed only when Type is CUSTOM_JOB; Type is "
                    + type.textValue());
        }
    }

    /**
     * The page gives 1-5 minutes for INVOKE_SERVICE and SET_PROPERTY and 1-3600 for CUSTOM_JOB, and no range for
     * PUB; PUB is held to the narrow range too, the one every reading of the page allows. (The page's own sample
     * request pairs INVOKE_SERVICE with 60 minutes, against its table; the table wins, as in the sandbox.)
     */
    private static void timeoutForType(ObjectNode params, String path, Validation v) {
        JsonNode type = params.get("Type");
        JsonNode minutes = params.path("TimeoutConfig").get("inProgressTimeoutInMinutes");
        if (type == null || minutes == null) {
            return;
        }
        boolean custom = CUSTOM_JOB.equals(type.textValue());
        long max = custom ? MAX_CUSTOM_TIMEOUT_MINUTES : MAX_OTHER_TIMEOUT_MINUTES;
        if (minutes.asLong() > max) {
            v.fail(Describe.child(Describe.child(path, "TimeoutConfig"), "inProgressTimeoutInMinutes"),
                    "must be at most " + max + " when Type is " + type.textValue()
                            + (custom ? "" : " (up to " + MAX_CUSTOM_TIMEOUT_MINUTES + " only for CUSTOM_JOB)")
                            + "; was " + minutes.asLong());
        }
    }
}
