package id.lintas.contracts.spi;

import java.util.List;

/**
 * What a batch file holds: items, each one message built from one or more rows, or the errors
 * that kept it from being one.
 */
public record FileBatch(List<Item> items) {

    public FileBatch {
        items = List.copyOf(items);
    }

    /**
     * @param rows the file's row numbers this item was read from (1 = first row after the header)
     * @param sourceReference the region's own case number when it could be read, else null
     * @param message the message, or null when the item has errors
     * @param errors why the item was refused; empty when it was read
     */
    public record Item(List<Integer> rows, String sourceReference, InboundMessage message, List<FieldError> errors) {
        public Item {
            rows = List.copyOf(rows);
            errors = List.copyOf(errors);
            if ((message == null) == errors.isEmpty()) {
                throw new IllegalArgumentException("an item is either a message or errors");
            }
        }

        public static Item ok(List<Integer> rows, String sourceReference, InboundMessage message) {
            return new Item(rows, sourceReference, message, List.of());
        }

        public static Item refused(List<Integer> rows, String sourceReference, List<FieldError> errors) {
            return new Item(rows, sourceReference, null, errors);
        }
    }
}
