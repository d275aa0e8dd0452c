/**
 * Reliable delivery: a transactional outbox written with the referral, relayed to a durable Artemis
 * queue, consumed in a JMS transaction, rendered in the receiver's format and sent over its transport.
 * A receiver that is down gets the message later (broker redelivery with backoff, then a dead-letter queue).
 */
package id.lintas.hub.delivery;
