package id.lintas.hub.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import ca.uhn.fhir.util.FhirTerser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Jakarta's FHIR server in tests: a real HAPI plain server (RestfulServer on an embedded Tomcat)
 * with in-memory providers, so a transaction is really processed (conditional creates, references
 * resolved to server ids) and its resources can be read back over FHIR REST. Messages posted to
 * {@code $process-message} are kept in order.
 */
public final class JakartaFhirServer implements AutoCloseable {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final List<Class<? extends DomainResource>> TYPES = List.of(
            Patient.class,
            Task.class,
            ServiceRequest.class,
            Condition.class,
            Consent.class,
            RelatedPerson.class,
            Organization.class,
            Practitioner.class);

    private final Map<String, HashMapResourceProvider<? extends IBaseResource>> providers = new LinkedHashMap<>();
    private final List<Bundle> messages = new CopyOnWriteArrayList<>();
    private final Tomcat tomcat = new Tomcat();
    private final int port;

    public JakartaFhirServer() {
        for (Class<? extends DomainResource> type : TYPES) {
            providers.put(type.getSimpleName(), new HashMapResourceProvider<>(FHIR, type));
        }
        RestfulServer server = new RestfulServer(FHIR);
        server.setResourceProviders(new ArrayList<>(providers.values()));
        server.registerProvider(new SystemProvider());
        tomcat.setPort(0);
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/jakarta-fhir-" + UUID.randomUUID());
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "fhir", server);
        context.addServletMappingDecoded("/fhir/*", "fhir");
        try {
            tomcat.getConnector();
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot start the test FHIR server", e);
        }
        this.port = tomcat.getConnector().getLocalPort();
    }

    /** The FHIR base URL, e.g. {@code http://127.0.0.1:1234/fhir}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    public List<Bundle> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private HashMapResourceProvider<IBaseResource> provider(String type) {
        HashMapResourceProvider provider = providers.get(type);
        if (provider == null) {
            throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException("this server does not store " + type);
        }
        return provider;
    }

    /** Transactions and messages, at the server's base. */
    public final class SystemProvider {

        @Transaction
        public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails request) {
            Map<String, String> ids = new HashMap<>();
            Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
            List<Resource> toStore = new ArrayList<>();
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                String type = resource.fhirType();
                String existing = entry.getRequest().hasIfNoneExist()
                        ? match(type, entry.getRequest().getIfNoneExist(), request)
                        : null;
                String id = existing != null ? existing : UUID.randomUUID().toString();
                ids.put(entry.getFullUrl(), type + "/" + id);
                response.addEntry()
                        .getResponse()
                        .setStatus(existing != null ? "200 OK" : "201 Created")
                        .setLocation(type + "/" + id);
                if (existing == null) {
                    resource.setId(type + "/" + id);
                    toStore.add(resource);
                }
            }
            FhirTerser terser = FHIR.newTerser();
            for (Resource resource : toStore) {
                for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                    String target = ids.get(reference.getReference());
                    if (target != null) {
                        reference.setReference(target);
                    }
                }
                provider(resource.fhirType()).update(resource, null, request);
            }
            return response;
        }

        @Operation(name = "$process-message", manualRequest = true, manualResponse = true, idempotent = false)
        public void processMessage(HttpServletRequest servletRequest, HttpServletResponse servletResponse)
                throws IOException {
            String body = new String(servletRequest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Bundle message = FHIR.newJsonParser().parseResource(Bundle.class, body);
            messages.add(message);
            Bundle answer = new Bundle().setType(Bundle.BundleType.MESSAGE);
            MessageHeader header = new MessageHeader();
            header.getResponse()
                    .setCode(MessageHeader.ResponseType.OK)
                    .setIdentifier(message.getIdElement().getIdPart());
            answer.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(header);
            servletResponse.setStatus(200);
            servletResponse.setContentType("application/fhir+json");
            servletResponse
                    .getOutputStream()
                    .write(FHIR.newJsonParser().encodeResourceToString(answer).getBytes(StandardCharsets.UTF_8));
        }

        /** {@code identifier=system|value}: the id of the stored resource with that identifier, or null. */
        private String match(String type, String ifNoneExist, RequestDetails request) {
            String criterion =
                    ifNoneExist.startsWith("identifier=") ? ifNoneExist.substring("identifier=".length()) : null;
            if (criterion == null) {
                throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
                        "only identifier= is supported in ifNoneExist");
            }
            String[] parts = criterion.split("\\|", 2);
            for (IBaseResource stored : provider(type).searchAll(request).getAllResources()) {
                FhirTerser terser = FHIR.newTerser();
                for (Identifier identifier : terser.getAllPopulatedChildElementsOfType(stored, Identifier.class)) {
                    if (parts[0].equals(identifier.getSystem()) && parts[1].equals(identifier.getValue())) {
                        return stored.getIdElement().getIdPart();
                    }
                }
            }
            return null;
        }
    }
}
