package id.lintas.harness;

/** The four regions' ways in, each with the receiver its cases are routed to under the demo agreements. */
public enum EntryPoint {
    /** Kukar's JSON over HTTP; a TPPO victim living in PPU goes to PPU's outbox (PKS Kukar–PPU). */
    KUKAR_HTTP("kukar-http", "kukar", "ppu"),
    /** PPU's CSV file drop; both cases of the sample file go to Kukar's webhook (PKS Kukar–PPU). */
    PPU_FILE("ppu-file", "ppu", "kukar"),
    /** Prabumulih's XML over HTTP; a TPPO victim exploited in Jakarta goes to Jakarta's FHIR server (TPPO network). */
    PRABUMULIH_XML("prabumulih-xml", "prabumulih", "jakarta"),
    /** Jakarta's FHIR message; a Kukar TPPO victim goes home to Kukar's webhook (TPPO network). */
    JAKARTA_FHIR("jakarta-fhir", "jakarta", "kukar");

    private final String label;
    private final String sender;
    private final String receiver;

    EntryPoint(String label, String sender, String receiver) {
        this.label = label;
        this.sender = sender;
        this.receiver = receiver;
    }

    public String label() {
        return label;
    }

    /** The participant that sends through this entry point (its token, its referrals). */
    public String sender() {
        return sender;
    }

    /** The participant its cases must reach. */
    public String receiver() {
        return receiver;
    }
}
