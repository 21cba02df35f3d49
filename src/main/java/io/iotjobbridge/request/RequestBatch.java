package io.iotjobbridge.request;

import java.util.List;
import java.util.function.Supplier;

/**
 * The requests one document holds, in document order, each still to be read: a document with one request object
 * holds one item; a JSON array, a YAML sequence or a JSON Lines file is a batch. Each item is read on its own, so a
 * caller can collect the problems of every item before it decides on the batch as a whole.
 */
public record RequestBatch(List<Item> items) {

    public RequestBatch {
        items = List.copyOf(items);
    }

    /** One request of the document and where it sits in it. */
    public record Item(ItemPosition position, Supplier<JobRequest> reader) {

        /**
         * @throws RequestRejectedException with every structural problem of this item, field names as in a
         *                                  document of its own (see {@link ItemPosition#locate})
         */
        public JobRequest request() {
            return reader.get();
        }
    }
}
