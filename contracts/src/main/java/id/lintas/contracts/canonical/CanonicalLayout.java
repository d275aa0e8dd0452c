package id.lintas.contracts.canonical;

import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Victim;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link CanonicalWriter} puts a referral's parts in the canonical Bundle, as FHIRPaths such as
 * {@code Bundle.entry[2].resource.birthDate}: a check of the typed referral names the element of the
 * Bundle the way HAPI's validator would, without writing or reading the Bundle. Follows the writer's
 * one order of entries (Task, ServiceRequests, Patients, Conditions, perpetrators, consent givers,
 * Consents, sender, officer, destination); {@code CanonicalLayoutTest} holds the two together.
 */
public final class CanonicalLayout {

    private final Referral referral;
    private final int firstPatient;
    private final int firstCondition;
    private final int firstPerpetrator;
    private final int firstGiver;
    private final int firstConsent;
    private final int sender;

    private CanonicalLayout(Referral referral) {
        this.referral = referral;
        firstPatient = 1 + referral.services().size();
        firstCondition = firstPatient + referral.victims().size();
        int conditions = 0;
        for (Victim victim : referral.victims()) {
            conditions += forms(referral, victim);
        }
        firstPerpetrator = firstCondition + conditions;
        firstGiver = firstPerpetrator + referral.perpetrators().size();
        int givers = 0;
        int consents = 0;
        for (Victim victim : referral.victims()) {
            if (victim.consent() != null) {
                consents++;
                givers += victim.consent().byVictim() ? 0 : 1;
            }
        }
        firstConsent = firstGiver + givers;
        sender = firstConsent + consents;
    }

    /** The layout of the Bundle the writer writes for {@code referral}. */
    public static CanonicalLayout of(Referral referral) {
        return new CanonicalLayout(referral);
    }

    /** An element of the referral's Task ({@code authoredOn}, {@code code}). */
    public String task(String element) {
        return path(0, element);
    }

    /** An element of the ServiceRequest of the {@code index}-th service. */
    public String serviceRequest(int index, String element) {
        return path(firstPatient - referral.services().size() + index, element);
    }

    /** An element of a victim's Patient ({@code birthDate}, {@code name}). */
    public String victim(int victim, String element) {
        return path(firstPatient + victim, element);
    }

    /** The value of a victim's age extension. */
    public String victimAge(int victim) {
        return victim(victim, ageValue());
    }

    /** An element of each Condition of a victim, one a form of violence of the victim's incident. */
    public List<String> conditions(int victim, String element) {
        int entry = firstCondition;
        for (int i = 0; i < victim; i++) {
            entry += forms(referral, referral.victims().get(i));
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < forms(referral, referral.victims().get(victim)); i++) {
            paths.add(path(entry + i, element));
        }
        return paths;
    }

    /** An element of a perpetrator's RelatedPerson. */
    public String perpetrator(int index, String element) {
        return path(firstPerpetrator + index, element);
    }

    /** The value of a perpetrator's age extension. */
    public String perpetratorAge(int index) {
        return perpetrator(index, ageValue());
    }

    /** An element of the consent giver's RelatedPerson of a victim whose consent someone else gave. */
    public String consentGiver(int victim, String element) {
        int entry = firstGiver;
        for (int i = 0; i < victim; i++) {
            Victim earlier = referral.victims().get(i);
            entry += earlier.consent() != null && !earlier.consent().byVictim() ? 1 : 0;
        }
        return path(entry, element);
    }

    /** An element of a victim's Consent. */
    public String consent(int victim, String element) {
        int entry = firstConsent;
        for (int i = 0; i < victim; i++) {
            entry += referral.victims().get(i).consent() != null ? 1 : 0;
        }
        return path(entry, element);
    }

    /** An element of the sender's Organization. */
    public String sender(String element) {
        return path(sender, element);
    }

    /** An element of the officer's Practitioner. */
    public String officer(String element) {
        return path(sender + (referral.sender() != null ? 1 : 0), element);
    }

    private static String ageValue() {
        return "extension('" + Canonical.EXT_AGE + "').value";
    }

    private static int forms(Referral referral, Victim victim) {
        Incident incident = victim.incidentIn(referral);
        return incident == null ? 0 : incident.forms().size();
    }

    private static String path(int entry, String element) {
        return "Bundle.entry[" + entry + "].resource." + element;
    }
}
