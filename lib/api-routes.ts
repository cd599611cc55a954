// Which methods each /api/v1 path answers, derived from the OpenAPI route registry (the one list of
// routes, kept complete by e2e/api/openapi.spec.ts).
import { API_ROUTES } from "@/lib/openapi/routes";

type Pattern = { source: string; regex: RegExp; methods: string[] };

const patterns: Pattern[] = [];
for (const route of API_ROUTES) {
  const source = `^${route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[a-z_]+\}/g, "[^/]+")}/?$`;
  const existing = patterns.find((p) => p.source === source);
  if (existing) existing.methods.push(route.method);
  else patterns.push({ source, regex: new RegExp(source), methods: [route.method] });
}

// A literal segment wins over a parameter, as in Next's own routing: /invites/{code}/target-users/bulk-add
// is its own route, not /invites/{code}/target-users/{user_id}. Fewer parameters first (stable otherwise).
const parameterCount = (pattern: Pattern) => pattern.source.split("[^/]+").length;
patterns.sort((a, b) => parameterCount(a) - parameterCount(b));

/** The methods a decoded path below /api/v1 answers, or null when no route has that path. */
export function allowedMethods(path: string): string[] | null {
  return patterns.find((p) => p.regex.test(path))?.methods ?? null;
}
