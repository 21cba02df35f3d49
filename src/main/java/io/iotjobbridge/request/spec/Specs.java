package io.iotjobbridge.request.spec;

/**
 * Entry points of the vocabulary, meant for a static import so an operation's parameters read like its doc page:
 * <pre>{@code
 * object(
 *     required("TableName", string().nonBlank().maxLength(128)),
 *     required("StartTime", int64().min(0).jsSafe()),
 *     optional("FileConfig", object(optional("fileName", string().length(1, 128)))))
 * }</pre>
 */
public final class Specs {

    /** 2^53 - 1: the largest integer a double (and so a JavaScript or loosely typed JSON client) holds exactly. */
    public static final long MAX_SAFE_INTEGER = 9007199254740991L;

    private Specs() {
    }

    public static Field required(String name, ValueSpec spec) {
        return new Field(name, true, spec);
    }

    public static Field optional(String name, ValueSpec spec) {
        return new Field(name, false, spec);
    }

    public static StringSpec string() {
        return StringSpec.ANY;
    }

    public static Int64Spec int64() {
        return Int64Spec.ANY;
    }

    public static BooleanSpec bool() {
        return BooleanSpec.INSTANCE;
    }

    /** An object with exactly these fields; any other field is reported. */
    public static ObjectSpec object(Field... fields) {
        return ObjectSpec.of(fields);
    }

    /** An object whose content is the vendor's business (e.g. Alibaba's free-form {@code Context}). */
    public static FreeFormObjectSpec anyObject() {
        return FreeFormObjectSpec.INSTANCE;
    }

    public static ListSpec list(ValueSpec element) {
        return new ListSpec(element, null, null);
    }
}
