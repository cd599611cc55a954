import { healthCheck } from "@/server/health";
import { json } from "@/server/http/respond";

// GET /api/health - liveness plus database status (503 while the database is unreachable)
export async function GET() {
  const report = await healthCheck();
  return json(report, { status: report.status === "ok" ? 200 : 503 });
}
