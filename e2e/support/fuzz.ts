// Fuzzing helpers for the invite API: a seeded PRNG, generators of malformed input, an oracle that tells
// whether the server would accept a body (so the fuzzer never sends a valid mutation on purpose), a
// client-side rate-limit budget that spreads requests over many managers, a batched runner that checks
// every answer, and snapshots of everything a request could change.
export * from "./fuzz/rng";
export * from "./fuzz/values";
export * from "./fuzz/bodies";
export * from "./fuzz/requests";
export * from "./fuzz/budget";
export * from "./fuzz/runner";
export * from "./fuzz/world";
