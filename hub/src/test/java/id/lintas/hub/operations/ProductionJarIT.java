package id.lintas.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The executable jar that {@code package} builds (the one the README runs and the image copies) carries no
 * test server: no WireMock library, no WireMock class inside another library, and no class of the hub's
 * own that refers to WireMock (the demo's simulated regions run on the JDK's HTTP server).
 */
class ProductionJarIT {

    private static final Path JAR = Path.of("target", "lintas-hub.jar");
    private static final String WIREMOCK_PACKAGE = "com/github/tomakehurst/wiremock/";

    @Test
    void theProductionJarHoldsNoWireMock() throws IOException {
        assertThat(JAR)
                .as("the jar that package builds (run from hub/ after package)")
                .isRegularFile();
        List<String> libraries = new ArrayList<>();
        List<String> wireMockInside = new ArrayList<>();
        List<String> classesReferringToIt = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    libraries.add(name.substring("BOOT-INF/lib/".length()));
                    try (ZipInputStream library = new ZipInputStream(jar.getInputStream(entry))) {
                        for (ZipEntry inner = library.getNextEntry(); inner != null; inner = library.getNextEntry()) {
                            if (inner.getName().startsWith(WIREMOCK_PACKAGE)) {
                                wireMockInside.add(name);
                                break;
                            }
                        }
                    }
                } else if (name.startsWith("BOOT-INF/classes/") && name.endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(WIREMOCK_PACKAGE)) {
                            classesReferringToIt.add(name);
                        }
                    }
                }
            }
            assertThat(jar.getEntry("BOOT-INF/classes/id/lintas/hub/demo/SimulatedRegions.class"))
                    .as("the demo's simulated regions are in the jar")
                    .isNotNull();
        }
        System.out.printf("%s: %.1f MB, %d libraries%n", JAR, Files.size(JAR) / 1e6, libraries.size());

        assertThat(libraries)
                .as("libraries in BOOT-INF/lib")
                .isNotEmpty()
                .noneMatch(library -> library.toLowerCase(Locale.ROOT).contains("wiremock"));
        assertThat(wireMockInside).as("libraries holding WireMock's classes").isEmpty();
        assertThat(classesReferringToIt).as("hub classes referring to WireMock").isEmpty();
    }
}
