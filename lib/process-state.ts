// State that must exist once per process. Next bundles a module into each route's chunk, server components'
// chunks and the instrumentation hook, and our HTTP server loads it again outside the bundle: module-level
// variables would be one copy per bundle (two snowflake counters made duplicate ids). Such state lives on
// globalThis under a fixed name, which the HTTP server also uses to reach what the app registers.

/** The process's one value under `name`, made by `create` the first time any bundle asks. */
export function processState<T>(name: `__fluxer${string}`, create: () => T): T {
  const store = globalThis as unknown as Record<string, unknown>;
  if (!(name in store)) store[name] = create();
  return store[name] as T;
}
