package id.lintas.hub.participant;

/** A participant exchanges referrals while ACTIVE; a SUSPENDED one neither sends nor receives, its deliveries held. */
public enum ParticipantStatus {
    ACTIVE,
    SUSPENDED
}
