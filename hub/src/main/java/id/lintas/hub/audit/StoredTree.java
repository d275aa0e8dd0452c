package id.lintas.hub.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The complete-subtree hashes the sequencer stored ({@code audit_node}). */
final class StoredTree implements Merkle.Nodes {

    private final JdbcClient jdbc;

    StoredTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] node(int level, long index) {
        return jdbc.sql("select hash from audit_node where level = ? and idx = ?")
                .params(level, index)
                .query(byte[].class)
                .optional()
                .orElseThrow(() ->
                        new IllegalStateException("the audit tree has no node at level " + level + ", index " + index));
    }
}
