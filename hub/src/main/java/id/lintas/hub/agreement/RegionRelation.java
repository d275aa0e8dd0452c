package id.lintas.hub.agreement;

/** How a case relates to a region, as agreements' scopes name it. */
public enum RegionRelation {
    /** A victim lives there. */
    DOMICILE,
    /** The violence happened there. */
    INCIDENT,
    /** The report was recorded there: where the victim came forward or was found. */
    FOUND
}
