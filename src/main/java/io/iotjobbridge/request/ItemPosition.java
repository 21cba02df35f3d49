package io.iotjobbridge.request;

/**
 * Where a request sits in a batch, put in front of the field names of its violations so a rejection says which item
 * is wrong: {@code [3].params.StartTime} for the fourth element of an array, {@code line 4: params.StartTime} for a
 * JSON Lines file. The only request of a document has no position and its field names stay as they are.
 */
public record ItemPosition(String name, String joiner) {

    /** The document's only request. */
    public static final ItemPosition WHOLE = new ItemPosition("", "");

    /** The field name of a violation of the item as a whole. */
    private static final String WHOLE_ITEM_FIELD = "request";

    /** Element {@code index} (from 0, as JSON paths count) of a JSON array or YAML sequence. */
    static ItemPosition element(int index) {
        return new ItemPosition("[" + index + "]", ".");
    }

    /** Line {@code number} (from 1, as editors count) of a JSON Lines file. */
    static ItemPosition line(int number) {
        return new ItemPosition("line " + number, ": ");
    }

    /** {@code violation} with its field name placed at this position. */
    public Violation locate(Violation violation) {
        if (name.isEmpty()) {
            return violation;
        }
        String field = WHOLE_ITEM_FIELD.equals(violation.field()) ? name : name + joiner + violation.field();
        return new Violation(field, violation.rule());
    }
}
