/**
 * Secrets at rest: identifying data (the canonical Bundle, raw messages, status notes) are encrypted
 * field by field with AES-256-GCM (Google Tink) under keys kept outside the database, each value
 * bound to its table, column and row; NIK lookups use keyed hashes; a job moves old values to the
 * current key.
 */
package id.lintas.hub.protect;
