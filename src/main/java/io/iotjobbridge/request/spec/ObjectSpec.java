package io.iotjobbridge.request.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON object with a closed set of fields. A field it does not declare is always reported, never ignored:
 * a typo such as {@code Starttime} must not turn into "no start time given". Cross-field checks run after the
 * fields, and only over fields that passed their own checks, so one mistake is not reported twice.
 */
public final class ObjectSpec implements ValueSpec {

    private final Map<String, Field> fields;
    private final List<CrossFieldCheck> checks;

    private ObjectSpec(Map<String, Field> fields, List<CrossFieldCheck> checks) {
        this.fields = fields;
        this.checks = List.copyOf(checks);
    }

    public static ObjectSpec of(Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            if (byName.put(field.name(), field) != null) {
                throw new IllegalArgumentException("field declared twice: " + field.name());
            }
        }
        return new ObjectSpec(Collections.unmodifiableMap(byName), List.of());
    }

    /** The same object plus a rule over several of its fields. */
    public ObjectSpec withCheck(CrossFieldCheck check) {
        for (String name : check.fields()) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("check names undeclared field " + name);
            }
        }
        List<CrossFieldCheck> more = new ArrayList<>(checks);
        more.add(check);
        return new ObjectSpec(fields, more);
    }

    /** Declared field names, in declaration order. */
    public Set<String> fieldNames() {
        return fields.keySet();
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    @Override
    public void check(JsonNode value, String path, Validation validation) {
        if (!value.isObject()) {
            validation.fail(path.isEmpty() ? "request" : path, "must be an object; was " + Describe.kind(value));
            return;
        }
        Set<String> broken = new HashSet<>();
        for (Field field : fields.values()) {
            int before = validation.failures();
            checkField(field, value.get(field.name()), Describe.child(path, field.name()), validation);
            if (validation.failures() > before) {
                broken.add(field.name());
            }
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                validation.fail(Describe.child(path, name), unknownFieldRule(name));
            }
        }
        for (CrossFieldCheck check : checks) {
            if (check.fields().stream().noneMatch(broken::contains)) {
                check.check((ObjectNode) value, path, validation);
            }
        }
    }

    private static void checkField(Field field, JsonNode value, String path, Validation validation) {
        if (value == null) {
            if (field.required()) {
                validation.fail(path, "is required");
            }
        } else if (value.isNull()) {
            // An explicit null is neither "absent" nor a value; leave the field out to omit it.
            validation.fail(path, "must not be null");
        } else {
            field.spec().check(value, path, validation);
        }
    }

    private String unknownFieldRule(String name) {
        String allowed = fields.isEmpty() ? "none" : String.join(", ", fields.keySet());
        return closestKnown(name)
                .map(guess -> "unknown field (did you mean '" + guess + "'?); allowed here: " + allowed)
                .orElse("unknown field; allowed here: " + allowed);
    }

    /** A declared name that differs only in case or by at most two typing slips, for the "did you mean" hint. */
    private Optional<String> closestKnown(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : fields.keySet()) {
            int allowed = known.length() >= 6 ? 2 : known.length() >= 3 ? 1 : 0;
            if (Math.abs(known.length() - name.length()) > allowed) {
                continue; // also keeps the quadratic distance off long junk keys
            }
            int distance = TypoDistance.between(lower, known.toLowerCase(Locale.ROOT));
            if (distance <= allowed && distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
