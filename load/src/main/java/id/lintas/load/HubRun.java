package id.lintas.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One fresh hub of a run: its jar, the referrals stored before its lines, and its name in the table.
 * One jar, one round: {@code hub} (or {@code hub+1000000}), as always. With a second jar
 * ({@code --compare}) or several rounds, the jars are {@code A} and {@code B} and each hub is named by
 * jar, size and round ({@code hubB+1000000#2}); rounds alternate the order (A B, then B A, ...) so
 * that neither jar always runs first, after the other has warmed the machine's caches or heated it.
 * On a machine whose speed moves by tens of percent from one minute to the next, only several
 * alternated rounds tell a change from noise (ADR 0015).
 */
record HubRun(Path jar, long stored, String name) {

    static List<HubRun> of(LoadSettings settings) {
        List<Path> jars = settings.compareJar() == null
                ? List.of(settings.hubJar())
                : List.of(settings.hubJar(), settings.compareJar());
        boolean plain = jars.size() == 1 && settings.rounds() == 1;
        List<HubRun> runs = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (long stored : settings.stored()) {
                for (int i = 0; i < jars.size(); i++) {
                    int jar = round % 2 == 1 ? i : jars.size() - 1 - i;
                    String size = stored == 0 ? "" : "+" + stored;
                    String name = plain
                            ? "hub" + size
                            : "hub" + (char) ('A' + jar) + size + (settings.rounds() > 1 ? "#" + round : "");
                    runs.add(new HubRun(jars.get(jar), stored, name));
                }
            }
        }
        return List.copyOf(runs);
    }

    /** The part of a file name that tells this hub's folder and log from the others'. */
    String suffix() {
        String rest = name.substring(3).replace('+', '-').replace('#', '-');
        return rest.isEmpty() || rest.startsWith("-") ? rest : "-" + rest;
    }
}
