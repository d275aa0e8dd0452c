package id.lintas.hub.agreement;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The compiled agreements in use, rebuilt from the database when an agreement changes (and every
 * {@code lintas.agreements.refresh-interval}, so several hub instances converge), never per
 * message. Routing reads the current set without locking.
 */
@Component
public class AgreementRegistry {

    private static final Logger log = LoggerFactory.getLogger(AgreementRegistry.class);

    private final AgreementRepository repository;
    private final ObjectMapper json;
    private final FhirContext fhir;
    private volatile AgreementSet current = AgreementSet.empty();
    private volatile String fingerprint = "";

    AgreementRegistry(AgreementRepository repository, ObjectMapper json, FhirContext fhir) {
        this.repository = repository;
        this.json = json;
        this.fhir = fhir;
        refresh();
    }

    public AgreementSet current() {
        return current;
    }

    /** Compiles a document (a draft for explain, or a version from the database). */
    public CompiledAgreement compile(
            AgreementDocument document, AgreementStatus status, java.time.LocalDate terminatedFrom) {
        return new CompiledAgreement(document, status, terminatedFrom, fhir.newFhirPath());
    }

    /** The document of a version as the API shows it. */
    public AgreementDocument readDocument(AgreementView view) {
        return json.convertValue(view.document(), AgreementDocument.class);
    }

    AgreementDocument read(String canonical) {
        try {
            return json.readValue(canonical, AgreementDocument.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored agreement is not readable", e);
        }
    }

    /** Rebuilds the set when anything changed since the last build. */
    @Scheduled(
            fixedDelayString = "${lintas.agreements.refresh-interval:30s}",
            initialDelayString = "${lintas.agreements.refresh-interval:30s}")
    public synchronized void refresh() {
        List<AgreementRepository.VersionRow> rows = repository.routable();
        String print = rows.stream()
                .map(r -> r.agreementId() + ":" + r.version() + ":" + r.status() + ":" + r.terminatedFrom())
                .reduce("", String::concat);
        if (print.equals(fingerprint)) {
            return;
        }
        // Per agreement, the version in use: the latest signed one; a never-signed first draft only to explain
        // refusals.
        Map<String, AgreementRepository.VersionRow> inUse = new LinkedHashMap<>();
        for (AgreementRepository.VersionRow row : rows) {
            AgreementRepository.VersionRow known = inUse.get(row.agreementId());
            if (known == null || known.status() == AgreementStatus.DRAFT || row.status() != AgreementStatus.DRAFT) {
                inUse.put(row.agreementId(), row);
            }
        }
        List<CompiledAgreement> compiled = new ArrayList<>();
        long started = System.nanoTime();
        for (AgreementRepository.VersionRow row : inUse.values()) {
            compiled.add(compile(read(row.document()), row.status(), row.terminatedFrom()));
        }
        current = new AgreementSet(compiled);
        fingerprint = print;
        log.info("Agreements compiled: {} in use ({} ms)", compiled.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
