/**
 * The load harness (issue 17): drives the hub jar and the sum-of-parts baseline with the same
 * distinct synthetic cases through each region's entry point and prints throughput, latency, delivery
 * lag, CPU and heap in one table. Outside the default build (Maven profile {@code load}).
 */
package id.lintas.load;
