/**
 * People's local accounts: the {@code users add} command that creates the first ones on an empty
 * database, and the administrators' API that creates, disables, enables, resets and changes roles,
 * with separation of duties (no one changes their own roles, the last administrator stays) and every
 * change recorded in {@code account_event}.
 */
package id.lintas.hub.account;
