package dev.carrier.bench;

/** The send phases; deliveries and latencies are kept apart per phase. */
enum Phase {

	WARM_UP, GATEWAY, DIRECT, HYDRATION_SEED

}
