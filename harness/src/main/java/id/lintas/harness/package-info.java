/**
 * The crash harness: runs the real hub jar as a child process, drives referrals through the four
 * regions' entry points, injects faults (kill -9, database frozen, receivers down or hanging) and
 * counts, from the receivers' side, what was accepted, delivered, lost and duplicated.
 */
package id.lintas.harness;
