/**
 * Test fixtures shared by the adapters' tests (the {@code tests} jar of {@code lintas-contracts}):
 * what every adapter test checks in a canonical Bundle, and the privacy rule of refusals.
 */
package id.lintas.contracts.testing;
