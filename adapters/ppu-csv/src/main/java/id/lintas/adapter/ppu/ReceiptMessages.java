package id.lintas.adapter.ppu;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.ReceiptTexts;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code Pesan} column of PPU's {@code HASIL_} receipts: Indonesian first, then English. */
enum ReceiptMessages implements ReceiptTexts {
    INSTANCE;

    @Override
    public String referralReceived(boolean duplicate, String notForwarded, String notCovered) {
        String message = notForwarded == null
                ? (duplicate ? "Sudah diterima sebelumnya / already received" : "Diterima / accepted")
                : "Diterima, tidak diteruskan / received, not forwarded: " + notForwarded;
        if (notCovered != null) {
            message += "; sebagian tidak dicakup / partly not covered: " + notCovered;
        }
        return message;
    }

    @Override
    public String statusApplied(String status) {
        return "Status " + status;
    }

    @Override
    public String refused(List<FieldError> errors) {
        return errors.stream()
                .map(e -> "Kolom '" + e.field() + "': " + e.reason())
                .collect(Collectors.joining("; "));
    }
}
