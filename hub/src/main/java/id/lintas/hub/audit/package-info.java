/**
 * The audit log (issue 16, docs/audit.md): one append-only, tamper-evident log of every event that
 * matters, written in the caller's transaction ({@link id.lintas.hub.audit.AuditLog#append}), with no
 * victims' data. A sequencer off the hot path gives entries gap-free indexes, keeps the RFC 9162 Merkle
 * tree and signs C2SP checkpoints; witnesses cosign them; an offline verifier checks an export.
 */
package id.lintas.hub.audit;
