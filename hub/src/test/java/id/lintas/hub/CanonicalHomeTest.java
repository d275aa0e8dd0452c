package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Canonical;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The canonical Bundle's extensions are known in one place, {@code contracts/canonical} (its reader
 * and writer): no other main code of contracts, the adapters or the hub names a canonical extension
 * constant or writes a Lintas extension URL. The constants are compile-time constants (inlined by
 * javac), so the sources are read rather than the classes.
 */
class CanonicalHomeTest {

    private static final Path ROOT = Path.of("..");
    private static final Path CANONICAL = Path.of("contracts/src/main/java/id/lintas/contracts/canonical");

    @Test
    void onlyTheCanonicalReaderAndWriterKnowTheBundlesExtensions() throws IOException, IllegalAccessException {
        List<String> lintasUrls = new ArrayList<>();
        for (Field field : Canonical.class.getFields()) {
            if (field.getName().startsWith("EXT_") && Modifier.isStatic(field.getModifiers())) {
                String url = (String) field.get(null);
                if (url.startsWith(Canonical.BASE)) {
                    lintasUrls.add(url);
                }
            }
        }
        assertThat(lintasUrls).as("the model's own extensions").isNotEmpty();

        List<String> found = new ArrayList<>();
        for (Path main : mainSources()) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(main))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Path relative = ROOT.relativize(file).normalize();
                    if (relative.startsWith(CANONICAL)) {
                        continue;
                    }
                    String source = Files.readString(file);
                    if (source.contains("Canonical.EXT_")) {
                        found.add(relative + ": Canonical.EXT_");
                    }
                    lintasUrls.stream().filter(source::contains).forEach(url -> found.add(relative + ": " + url));
                }
            }
        }
        assertThat(found)
                .as("extensions of the canonical Bundle outside its reader and writer; map to the typed model instead")
                .isEmpty();
    }

    @Test
    void theAddressExtensionIsWrittenAndReadOnlyInsideTheCanonicalPackage() throws ClassNotFoundException {
        Class<?> administrativeCode = Class.forName("id.lintas.contracts.canonical.AdministrativeCode");

        assertThat(Modifier.isPublic(administrativeCode.getModifiers()))
                .as("AdministrativeCode is public")
                .isFalse();
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> mains = new ArrayList<>(List.of(Path.of("contracts/src/main/java"), Path.of("hub/src/main/java")));
        try (Stream<Path> adapters = Files.list(ROOT.resolve("adapters"))) {
            adapters.map(adapter -> Path.of("adapters", adapter.getFileName().toString(), "src/main/java"))
                    .filter(main -> Files.isDirectory(ROOT.resolve(main)))
                    .forEach(mains::add);
        }
        return mains;
    }
}
