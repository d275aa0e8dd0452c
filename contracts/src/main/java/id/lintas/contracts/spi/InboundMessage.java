package id.lintas.contracts.spi;

/** What an adapter reads from a region: a referral or a status change. */
public sealed interface InboundMessage permits CanonicalReferral, StatusChange {}
