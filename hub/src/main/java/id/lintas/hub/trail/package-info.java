/**
 * Auditors' view of the audit log: a referral's timeline across regions (as JSON, or as FHIR AuditEvents
 * following IHE BALP) and the search over handoffs, each within the caller's scope (a national auditor,
 * an auditor of one party, or a participant for its own referrals). It only reads the log.
 */
package id.lintas.hub.trail;
