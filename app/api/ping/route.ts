// GET /api/ping - constant JSON with no database work: the framework's own ceiling in `npm run bench`,
// and a cheap liveness probe for load balancers.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
