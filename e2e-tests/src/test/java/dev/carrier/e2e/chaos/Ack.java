package dev.carrier.e2e.chaos;

/**
 * One acknowledged message: who sent it, as their how-manieth, and the seq the 201 gave
 * it.
 */
record Ack(int sender, int n, String id, long seq) {
}
