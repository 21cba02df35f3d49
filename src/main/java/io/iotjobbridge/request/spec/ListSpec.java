package io.iotjobbridge.request.spec;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON array whose every element obeys one spec, with optional bounds on its size. */
public final class ListSpec implements ValueSpec {

    private final ValueSpec element;
    private final Integer minSize;
    private final Integer maxSize;

    ListSpec(ValueSpec element, Integer minSize, Integer maxSize) {
        this.element = Objects.requireNonNull(element, "element");
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** "must have 1 to 50 items; was 51". */
    public ListSpec size(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad size bounds " + min + ".." + max);
        }
        return new ListSpec(element, min, max);
    }

    /** "must have at least 1 item; was 0". */
    public ListSpec minSize(int min) {
        if (min < 0) {
            throw new IllegalArgumentException("bad minimum size " + min);
        }
        return new ListSpec(element, min, maxSize);
    }

    /** "must have at most 30000 items; was 30001". */
    public ListSpec maxSize(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("bad maximum size " + max);
        }
        return new ListSpec(element, minSize, max);
    }

    @Override
    public void check(JsonNode value, String path, Validation validation) {
        if (!value.isArray()) {
            validation.fail(path, "must be a list; was " + Describe.kind(value));
            return;
        }
        int size = value.size();
        if ((minSize != null && size < minSize) || (maxSize != null && size > maxSize)) {
            validation.fail(path, sizeRule() + "; was " + size);
        }
        for (int i = 0; i < size; i++) {
            JsonNode item = value.get(i);
            String itemPath = Describe.index(path, i);
            if (item.isNull()) {
                validation.fail(itemPath, "must not be null");
            } else {
                element.check(item, itemPath, validation);
            }
        }
    }

    private String sizeRule() {
        if (minSize != null && maxSize != null) {
            return minSize.equals(maxSize)
                    ? "must have exactly " + items(minSize)
                    : "must have " + minSize + " to " + maxSize + " items";
        }
        return minSize != null ? "must have at least " + items(minSize) : "must have at most " + items(maxSize);
    }

    private static String items(int count) {
        return count == 1 ? "1 item" : count + " items";
    }
}
