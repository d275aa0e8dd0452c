package id.lintas.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A system under load: the hub jar, or the sum-of-parts baseline, each a child process of the harness. */
interface Target extends AutoCloseable {

    /** {@code hub} or {@code baseline}. */
    String name();

    /** Its HTTP base, {@code http://127.0.0.1:<port>}. */
    String base();

    /** A valid bearer token of the participant's system. */
    String token(String participant) throws IOException, InterruptedException;

    /** Forgets a token that was refused. */
    void invalidate(String participant);

    /** Its data directory: {@code files/} for PPU's folders, {@code postgres/} for its database. */
    Path dataDir();

    /** PPU's inbox folder: exports are dropped here. */
    default Path ppuInbox() {
        return dataDir().resolve("files").resolve("inbox").resolve("ppu");
    }

    /** PPU's outbox folder: receipts and referrals appear here. */
    default Path ppuOutbox() {
        return dataDir().resolve("files").resolve("outbox").resolve("ppu");
    }

    /** The JVM's process id. */
    long pid();

    /** Its PostgreSQL's processes (postmaster and backends). */
    List<ProcessHandle> database();

    @Override
    void close();
}
