package id.lintas.contracts.spi;

import java.util.List;
import java.util.Optional;

/** An adapter whose region exchanges batch files; each file is acknowledged by a receipt file. */
public interface FileBatchReader extends RegionAdapter {

    /**
     * Reads a whole file. Bad rows become items with errors; good rows beside them are returned.
     *
     * @throws FileRejectedException when the file is not of this format at all (wrong header,
     *     not UTF-8, unknown file name): nothing of it may be processed
     */
    FileBatch readFile(String fileName, byte[] content, Participant sender) throws FileRejectedException;

    /** Renders the acknowledgement of a file that was read (the receipt, one line per input row). */
    OutboundDocument renderReceipt(String fileName, List<RowReceipt> rows);

    /** Renders the acknowledgement of a file refused whole. */
    OutboundDocument renderRejection(String fileName, String reason);

    /** The texts of the receipt's rows, in the region's language. */
    ReceiptTexts receiptTexts();

    @Override
    default Optional<FileBatchReader> fileBatchReader() {
        return Optional.of(this);
    }
}
