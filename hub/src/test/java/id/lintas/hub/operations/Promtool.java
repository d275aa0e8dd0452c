package id.lintas.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * promtool, the checker of the Prometheus project (Debian's {@code prometheus} package; {@code .ci/run}
 * installs it). A test that needs it fails when it is missing, in CI and everywhere else: it is never
 * skipped.
 */
final class Promtool {

    private Promtool() {}

    /** Its path: {@code -Dlintas.promtool=...}, else the first on the PATH. */
    static String path() {
        String configured = System.getProperty("lintas.promtool");
        if (configured != null) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return Path.of(dir, "promtool").toString();
            }
        }
        return fail("promtool is not installed: `apt-get install prometheus` (Debian) puts it on the PATH,"
                + " or give its path with -Dlintas.promtool=...");
    }

    /** What one run printed (standard output and error together) and how it ended. */
    record Run(int exitCode, String output) {}

    /** Runs promtool in {@code directory} with these arguments, reading {@code input} (or nothing) as its standard input. */
    static Run run(Path directory, Path input, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(path()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process promtool = builder.start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool ends").isTrue();
        return new Run(promtool.exitValue(), output);
    }
}
