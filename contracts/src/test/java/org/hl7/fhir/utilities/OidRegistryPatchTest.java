package org.hl7.fhir.utilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.junit.jupiter.api.Test;

/**
 * Lintas' OIDUtilities (ADR 0011) is the class the JVM loads, parses the registry once however many
 * validators are built, and answers as org.hl7.fhir.utilities' own does for the registry's OIDs.
 */
class OidRegistryPatchTest {

    @Test
    void thePatchIsTheClassLoadedInsteadOfTheJarsOwn() {
        String location = OIDUtilities.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();

        assertThat(location).doesNotContain("org.hl7.fhir.utilities");
        // The jar's copy is there, shadowed: the patch must keep the API the validator was compiled against.
        assertThat(InstanceValidator.class.getClassLoader().getResource("org/hl7/fhir/utilities/OIDUtilities.class"))
                .hasToString(
                        OIDUtilities.class.getResource("OIDUtilities.class").toString());
    }

    @Test
    void buildingManyReadsTheRegistryOnce() {
        new OIDUtilities();
        int before = OIDUtilities.registryLoads();

        for (int i = 0; i < 20; i++) {
            assertThat(new OIDUtilities().isKnownOID("urn:oid:2.16.840.1.113883.6.96"))
                    .isTrue();
        }

        assertThat(OIDUtilities.registryLoads()).isEqualTo(before).isEqualTo(1);
    }

    @Test
    void knowsEveryOidOfTheRegistryInTheUtilitiesJarAndNoOther() throws Exception {
        List<String> oids = new ArrayList<>();
        String jar = InstanceValidator.class
                .getClassLoader()
                .getResource("oidregistry.csv")
                .getPath()
                .replaceFirst("^file:", "")
                .replaceFirst("!/oidregistry.csv$", "");
        try (JarFile file = new JarFile(jar)) {
            ZipEntry entry = file.getEntry("oidregistry.csv");
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                reader.readLine();
                reader.lines().map(l -> l.split(",")).filter(p -> p.length >= 4).forEach(p -> oids.add(p[0].trim()));
            }
        }
        OIDUtilities registry = new OIDUtilities();

        assertThat(oids).hasSizeGreaterThan(1000).allMatch(oid -> registry.isKnownOID("urn:oid:" + oid));
        assertThat(registry.isKnownOID("urn:oid:2.999.1234567")).isFalse();
        assertThat(registry.isKnownOID(oids.get(0))).as("without urn:oid:").isFalse();
        assertThat(registry.isKnownOID(null)).isFalse();
        assertThat(OIDUtilities.isValidOID("2.16.840.1")).isTrue();
        assertThat(OIDUtilities.isValidOID("3.1")).isFalse();
        assertThat(OIDUtilities.getUriForOid("2.16.840.1.113883.6.1")).isEqualTo("http://loinc.org");
        assertThat(OIDUtilities.oidTail("1.2.3")).isEqualTo("3");
        assertThat(OIDUtilities.oidRoot("1.2.3")).isEqualTo("1");
    }
}
