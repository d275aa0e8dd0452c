package id.lintas.contracts.spi;

/** A file that is not of the adapter's format at all; nothing of it is processed. */
public class FileRejectedException extends Exception {
    public FileRejectedException(String reason) {
        super(reason);
    }
}
