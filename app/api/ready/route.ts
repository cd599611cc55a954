import { json } from "@/server/http/respond";
import { readiness } from "@/server/readiness";

export const dynamic = "force-dynamic";

// GET /api/ready - readiness: 200 when this instance can serve (database reachable, migrations applied, event bus live, not stopping), else 503
export async function GET() {
  const report = await readiness();
  return json(report, {
    status: report.ready ? 200 : 503,
    headers: { "cache-control": "no-store", ...(report.ready ? {} : { "retry-after": "5" }) },
  });
}
