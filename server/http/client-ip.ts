/**
 * The client's address for per-IP limits. Behind a proxy that you trust (TRUST_PROXY=1), the first
 * X-Forwarded-For entry; otherwise the last one, which is what the server itself (next start) observed.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded.split(",").map((part) => part.trim()).filter(Boolean);
    const chosen = process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true" ? parts[0] : parts[parts.length - 1];
    if (chosen) return chosen;
  }
  return request.headers.get("x-real-ip") ?? "unknown";
}
