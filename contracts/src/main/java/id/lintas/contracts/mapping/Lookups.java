package id.lintas.contracts.mapping;

import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.terminology.Terminology;
import java.util.Objects;

/** What every translation looks codes and regions up in: the terminology and the region table. */
public record Lookups(Terminology terminology, RegionTable regions) {

    public Lookups {
        Objects.requireNonNull(terminology, "terminology");
        Objects.requireNonNull(regions, "regions");
    }

    /** The terminology and region table shipped with the product. */
    public static Lookups standard() {
        return new Lookups(Terminology.standard(), RegionTable.standard());
    }
}
