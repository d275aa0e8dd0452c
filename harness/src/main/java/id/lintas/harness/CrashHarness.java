package id.lintas.harness;

import java.nio.file.Files;

/**
 * The harness from the command line, run from the repository root:
 * {@code java -jar harness/target/lintas-harness.jar --long} (issue 12's run) or with no option for the
 * short run. Prints the table; exits 1 when a referral was lost or duplicated or a restart needed more
 * than one start, 2 on bad options.
 */
public final class CrashHarness {

    private CrashHarness() {}

    public static void main(String[] args) throws Exception {
        HarnessSettings settings;
        try {
            settings = HarnessSettings.parse(args, Files.createTempDirectory("lintas-crash-"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = CrashRun.run(settings);
        System.out.print(report.table());
        Files.writeString(settings.workDir().resolve("report.txt"), report.table());
        System.exit(report.passed() ? 0 : 1);
    }
}
