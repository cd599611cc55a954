// A small semaphore around password hashing (password-settings.ts says why). Work gets a slot when one is
// free, else waits in a bounded first-come queue; when the queue is full too, the caller is refused at once
// with 503 SERVICE_UNAVAILABLE and a Retry-After estimated from the recent hash time, instead of piling
// hashes (16 MiB each) onto the thread pool until other requests starve or the process runs out of memory.
import { ApiError } from "@/lib/errors";
import { processState } from "@/lib/process-state";
import { hashConcurrency, hashQueueLimit } from "./password-settings";

type State = { running: number; waiting: (() => void)[]; averageMs: number; refused: number };

// One per process (Next may load this module in several bundles).
const state = processState<State>("__fluxerHashSlots", () => ({
  running: 0,
  waiting: [],
  averageMs: 250,
  refused: 0,
}));

function busy(concurrency: number): ApiError {
  const seconds = Math.max(
    1,
    Math.ceil(((state.waiting.length + state.running) * state.averageMs) / concurrency / 1000),
  );
  return new ApiError("SERVICE_UNAVAILABLE", {
    message: "Too many sign-ins at once; retry shortly",
    headers: { "Retry-After": String(seconds) },
    extra: { retry_after: seconds },
  });
}

/** Runs `work` (one or more hashes) when a slot is free; throws 503 SERVICE_UNAVAILABLE when the queue is full. */
export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  const concurrency = hashConcurrency();
  if (state.running < concurrency) {
    state.running += 1;
  } else {
    if (state.waiting.length >= hashQueueLimit()) {
      state.refused += 1;
      throw busy(concurrency);
    }
    // The slot is handed over by the finishing holder (running stays counted).
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  }
  const started = performance.now();
  try {
    return await work();
  } finally {
    state.averageMs = state.averageMs * 0.8 + (performance.now() - started) * 0.2;
    const next = state.waiting.shift();
    if (next) next();
    else state.running -= 1;
  }
}

/** Slots in use, hashes waiting, and how many were refused since start (health and tests). */
export function hashSlotStats(): { running: number; waiting: number; refused: number } {
  return { running: state.running, waiting: state.waiting.length, refused: state.refused };
}
