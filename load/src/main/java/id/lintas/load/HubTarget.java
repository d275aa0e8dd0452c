package id.lintas.load;

import id.lintas.harness.HubProcess;
import id.lintas.harness.Tokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub jar as a region's systems see it: {@code java -Xmx1g -jar lintas-hub.jar}, demo profile,
 * embedded PostgreSQL and Artemis, a fresh data directory, Kukar's and Jakarta's servers pointed at
 * the harness's {@link Receivers}; tokens by the client-credentials flow with {@code private_key_jwt}
 * (the demo client keys inside the jar), as the crash harness gets them.
 */
final class HubTarget implements Target {

    /** Requests a minute per participant: far above what two cores can take in. */
    static final int RATE_LIMIT = 10_000_000;

    private final HubProcess hub;
    private final Tokens tokens;
    private final String base;
    private final Path dataDir;
    private final String name;

    /**
     * A fresh hub of {@code run}'s jar; its stored size only names it ({@code hub+1000000}), its folder
     * and its log: the referrals are stored by {@link StoredReferrals} once it is ready.
     */
    HubTarget(LoadSettings settings, Receivers receivers, HttpClient http, HubRun run)
            throws IOException, InterruptedException {
        int port = freePort();
        String suffix = run.suffix();
        this.name = run.name();
        this.base = "http://127.0.0.1:" + port;
        this.dataDir = settings.workDir().resolve("hub-data" + suffix);
        // The per-participant fair-use limit (600 requests a minute by default, 429 beyond it) would cap
        // every line at 10 referrals a second: the harness measures capacity, so it lifts it; a later
        // --hub-arg can set it again.
        List<String> properties = new ArrayList<>(List.of(
                "--spring.profiles.active=demo",
                "--lintas.security.issuer=" + base,
                "--lintas.security.rate-limit=" + RATE_LIMIT));
        properties.addAll(receivers.hubEndpointProperties());
        properties.addAll(settings.hubArgs());
        this.hub = new HubProcess(
                run.jar(),
                dataDir,
                port,
                properties,
                settings.heap(),
                settings.workDir().resolve("hub" + suffix + ".log"));
        if (hub.startAndAwaitReady(Duration.ofMinutes(4)).isEmpty()) {
            java.util.OptionalInt exited = hub.exitCode();
            hub.close();
            throw new IOException((exited.isPresent()
                            ? "the hub exited with code " + exited.getAsInt() + " before it was ready"
                            : "the hub did not become ready within 4 minutes")
                    + "; see " + settings.workDir().resolve("hub" + suffix + ".log"));
        }
        this.tokens = new Tokens(http, base, run.jar());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String base() {
        return base;
    }

    @Override
    public String token(String participant) throws IOException, InterruptedException {
        return tokens.token(participant);
    }

    @Override
    public void invalidate(String participant) {
        tokens.invalidate(participant);
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public long pid() {
        return hub.pid();
    }

    @Override
    public List<ProcessHandle> database() {
        return hub.database();
    }

    @Override
    public void close() {
        hub.close();
    }
}
