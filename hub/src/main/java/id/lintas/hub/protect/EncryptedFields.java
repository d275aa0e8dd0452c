package id.lintas.hub.protect;

/**
 * Where each encrypted value lives, as {@code table.column}: bound into its encryption, so the
 * repositories that write a value and the {@link Reencryption} job that moves it must name it alike.
 */
public final class EncryptedFields {

    /** The canonical Bundle of a referral. */
    public static final String REFERRAL_CANONICAL = "referral.canonical";
    /** A raw message as received. */
    public static final String INBOUND_CONTENT = "inbound_message.content";
    /** A status note owed to a party. */
    public static final String DELIVERY_NOTE = "delivery.note";

    private EncryptedFields() {}
}
