package id.lintas.hub.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import id.lintas.contracts.spi.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The agreement form of {@code contracts} ({@code agreement/agreement.schema.json}), loaded once.
 * Errors name the field as a JSON path ({@code parties[1].region}) and say why.
 */
final class AgreementSchema {

    static final String RESOURCE = "/agreement/agreement.schema.json";

    private final JsonSchema schema;

    AgreementSchema() {
        try (InputStream in = AgreementSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " (lintas-contracts)");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(com.networknt.schema.PathType.LEGACY)
                    .locale(Locale.ENGLISH)
                    .build();
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<FieldError> validate(JsonNode document) {
        return schema.validate(document).stream()
                .map(AgreementSchema::error)
                .sorted(Comparator.comparing(FieldError::field))
                .distinct()
                .toList();
    }

    private static FieldError error(ValidationMessage message) {
        String field = message.getInstanceLocation().toString();
        field = field.equals("$") ? "" : field.startsWith("$.") ? field.substring(2) : field;
        if (message.getProperty() != null
                && ("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        String reason = message.getError() != null ? message.getError() : message.getMessage();
        return new FieldError(field.isEmpty() ? "(document)" : field, reason);
    }
}
