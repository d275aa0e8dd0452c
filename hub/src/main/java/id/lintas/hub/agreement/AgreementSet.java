package id.lintas.hub.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled agreements routing looks at, indexed by pair of parties: deciding a route touches
 * only the agreements between the sender and a receiver, however many agreements exist. Immutable;
 * a change of any agreement builds a new set.
 */
public final class AgreementSet {

    private final List<CompiledAgreement> all;
    private final Map<String, List<CompiledAgreement>> byPair = new HashMap<>();
    private final Map<String, List<CompiledAgreement>> byParty = new HashMap<>();

    public AgreementSet(Collection<CompiledAgreement> agreements) {
        this.all = List.copyOf(agreements);
        for (CompiledAgreement agreement : all) {
            for (String a : agreement.parties()) {
                byParty.computeIfAbsent(a, k -> new ArrayList<>()).add(agreement);
                for (String b : agreement.parties()) {
                    if (!a.equals(b)) {
                        byPair.computeIfAbsent(a + ">" + b, k -> new ArrayList<>())
                                .add(agreement);
                    }
                }
            }
        }
    }

    public static AgreementSet empty() {
        return new AgreementSet(List.of());
    }

    /** The agreements to which both are parties. */
    public List<CompiledAgreement> between(String a, String b) {
        return byPair.getOrDefault(a + ">" + b, List.of());
    }

    public List<CompiledAgreement> of(String party) {
        return byParty.getOrDefault(party, List.of());
    }

    public List<CompiledAgreement> all() {
        return all;
    }

    /** This set with one more agreement, or with it replacing the same id and version (explain of a draft). */
    public AgreementSet with(CompiledAgreement extra) {
        List<CompiledAgreement> agreements = new ArrayList<>();
        for (CompiledAgreement agreement : all) {
            if (!agreement.id().equals(extra.id())) {
                agreements.add(agreement);
            }
        }
        agreements.add(extra);
        return new AgreementSet(agreements);
    }
}
