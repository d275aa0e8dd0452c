package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalField;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.FileBatchReader;
import id.lintas.contracts.spi.FileRejectedException;
import id.lintas.contracts.spi.IntakeFields;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.ReceiptTexts;
import id.lintas.contracts.spi.RowReceipt;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.spi.Transport;
import id.lintas.contracts.terminology.Terminology;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The adapter for UPTD PPA Kabupaten Penajam Paser Utara's CSV batch files ({@code ppu-csv}, FORMAT.md
 * version 1), exchanged by file drop.
 *
 * <h2>Reading</h2>
 * <ul>
 *   <li>{@code RUJUKAN_yyyyMMdd_HHmm.csv}: one row per victim; rows with the same {@code No Registrasi}
 *       are one case and become one typed referral (a victim per row; the forms of violence of every row,
 *       as the model has one incident per case; perpetrators de-duplicated when typed alike; the services of
 *       all rows), written as the canonical Bundle by {@code CanonicalWriter}.
 *   <li>{@code STATUS_yyyyMMdd_HHmm.csv}: one status change per row; any non-empty {@code ID Rujukan Hub}
 *       is taken, the hub checks it.
 *   <li>A file with another name, bytes that are not UTF-8, or a header that is not exactly the layout
 *       is refused whole ({@link FileRejectedException}): nothing of it is processed.
 * </ul>
 * A bad row is refused with field errors naming its column. <b>A case is refused whole when any of its
 * rows is bad</b>, or when its rows disagree in a case-level column (Jenis Rujukan, Tgl/Jam Lapor,
 * Urgensi, Kab/Kota Tujuan, Kronologi, Petugas): every row of the case is reported with the row that
 * failed, so a case never reaches a receiver with a victim missing. Other cases of the same file are not
 * affected. Required cells: No Registrasi, Jenis Rujukan, Tgl Lapor, Jam Lapor, Urgensi, Bentuk Kekerasan,
 * Layanan Dibutuhkan, Persetujuan, Pemberi Persetujuan; every other empty cell means unknown and is left
 * out of the canonical referral. Local times are WITA without an offset, read in the sender's zone.
 * {@code Umur Korban} is read only when {@code Tgl Lahir Korban} is empty. An empty {@code Hubungan Pelaku}
 * beside a named perpetrator is the hub's {@code TIDAK_DIKETAHUI}. PPU sends no revision: every referral
 * is revision 1, and no intake channel: the Task has none.
 *
 * <h2>Writing</h2>
 * {@code HASIL_<file read>} (acknowledgement), {@code RUJUKAN_MASUK_<hub id>.csv} (one row per victim,
 * times in the receiver's zone, regions by Kemendagri name, absent data as empty cells) and
 * {@code STATUS_MASUK_<hub id>_<epoch millis>_<status>.csv}. All are UTF-8 with a BOM, CRLF, {@code ;}.
 * One perpetrator is repeated on every victim's row; several go one per row in order. Facts PPU's layout
 * has no cell for (more perpetrators than victims, an incident or birth date known only to the month or
 * year) are appended to {@code Kronologi} under "Catatan Lintas" rather than dropped. A hub code PPU's
 * lists cannot express is a {@link TranslationException} naming the column and code; the hub's "unknown"
 * codes (education, relation, gender) are empty cells. Data PPU has no column for at all (phone, NIP,
 * occupation, citizenship, lawful basis, intake channel) is not written.
 *
 * <p>Stateless and thread-safe. Error messages never quote names, NIKs, addresses or chronologies.
 */
public final class PpuCsvAdapter implements FileBatchReader {

    /** The format id participants name in configuration. */
    public static final String FORMAT = "ppu-csv";

    static final String MEDIA_TYPE = "text/csv";
    private static final String ACCEPTED = "DITERIMA";
    private static final String REFUSED = "DITOLAK";
    private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[^A-Za-z0-9._-]");

    private final Terminology terminology;
    private final RegionTable regions;
    private final RujukanReader rujukan;
    private final StatusMapper statuses;
    private final ReferralRenderer referrals;

    /** For {@link java.util.ServiceLoader}: the shipped terminology and region table. */
    public PpuCsvAdapter() {
        this(Terminology.standard(), RegionTable.standard());
    }

    PpuCsvAdapter(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
        this.rujukan = new RujukanReader(terminology, regions);
        this.statuses = new StatusMapper(terminology, regions);
        this.referrals = new ReferralRenderer();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Transport transport() {
        return Transport.FILE;
    }

    /** A column name: each victim is a row of its own, and receipts name the row. */
    @Override
    public String fieldName(CanonicalField field, int victim) {
        return switch (field) {
            case REPORT_DATE -> Columns.TGL_LAPOR;
            case VICTIM_BIRTH_DATE -> Columns.TGL_LAHIR_KORBAN;
            case VICTIM_AGE -> Columns.UMUR_KORBAN;
            case INCIDENT_DATE -> Columns.TGL_KEJADIAN;
        };
    }

    @Override
    public boolean carriesService(String code) {
        return terminology.expresses(Columns.REGION, Columns.LIST_LAYANAN, Canonical.CS_SERVICE, code);
    }

    @Override
    public FileBatch readFile(String fileName, byte[] content, Participant sender) throws FileRejectedException {
        return switch (FileName.of(fileName)) {
            case RUJUKAN -> new FileBatch(rujukan.read(CsvText.read(content, RUJUKAN_LAYOUT, "RUJUKAN"), sender));
            case STATUS -> new FileBatch(statuses.read(CsvText.read(content, STATUS_LAYOUT, "STATUS"), sender));
        };
    }

    @Override
    public OutboundDocument renderReceipt(String fileName, List<RowReceipt> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (RowReceipt row : rows) {
            lines.add(List.of(
                    String.valueOf(row.row()),
                    nonNull(row.sourceReference()),
                    nonNull(row.hubReferralId()),
                    row.accepted() ? ACCEPTED : REFUSED,
                    nonNull(row.message())));
        }
        return new OutboundDocument(receiptName(fileName), MEDIA_TYPE, CsvText.write(HASIL_LAYOUT, lines));
    }

    /** One line without a row number: the file itself was refused, and why. */
    @Override
    public OutboundDocument renderRejection(String fileName, String reason) {
        List<String> line = List.of(
                "",
                "",
                "",
                REFUSED,
                "Seluruh berkas ditolak, tidak ada baris yang diproses / whole file refused, no row processed: "
                        + reason);
        return new OutboundDocument(receiptName(fileName), MEDIA_TYPE, CsvText.write(HASIL_LAYOUT, List.of(line)));
    }

    @Override
    public OutboundDocument renderReferral(OutboundReferral referral, Participant receiver)
            throws TranslationException {
        Rendering out = new Rendering(terminology, regions, receiver.zone());
        List<List<String>> rows = referrals.render(referral, out);
        out.throwIfErrors();
        return new OutboundDocument(
                "RUJUKAN_MASUK_" + safe(referral.hubReferralId()) + ".csv",
                MEDIA_TYPE,
                CsvText.write(RUJUKAN_MASUK_LAYOUT, rows));
    }

    /**
     * The name carries the instant and the status, so two changes of one referral never overwrite each
     * other in PPU's outbox (PPU's own times have minute precision), and rendering the same change again
     * gives the same name.
     */
    @Override
    public OutboundDocument renderStatus(StatusChange change, Participant recipient) throws TranslationException {
        Rendering out = new Rendering(terminology, regions, recipient.zone());
        List<String> row = statuses.render(change, out);
        out.throwIfErrors();
        String name = "STATUS_MASUK_" + safe(change.hubReferralId()) + "_"
                + change.at().toEpochMilli() + "_"
                + change.status().taskStatus().toCode() + ".csv";
        return new OutboundDocument(name, MEDIA_TYPE, CsvText.write(STATUS_LAYOUT, List.of(row)));
    }

    private static String receiptName(String fileName) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        return "HASIL_" + base;
    }

    /** Ids go into file names: anything but letters, digits, dot, dash and underscore becomes a dash. */
    private static String safe(String id) {
        return UNSAFE_IN_FILE_NAME.matcher(id).replaceAll("-");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** PPU sends no revision: a case is named by its registration number. */
    @Override
    public IntakeFields intakeFields() {
        return new IntakeFields(Columns.NO_REGISTRASI, Columns.ID_RUJUKAN_HUB, Columns.STATUS);
    }

    @Override
    public ReceiptTexts receiptTexts() {
        return ReceiptMessages.INSTANCE;
    }
}
