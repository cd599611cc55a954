// Event streams opened the way a browser's EventSource does, from a chosen local address: the loopback network
// is all of 127.0.0.0/8, so a test can be many real clients (real TCP peers, nothing spoofed).
import http from "node:http";

export type OpenedStream = { status: number; retryAfter: string | undefined; close: () => void };

export function openStream(
  baseURL: string,
  path: string,
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<OpenedStream> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        agent: false,
        localAddress: options.localAddress,
        headers: { accept: "text/event-stream", ...options.headers },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const close = () => {
          response.destroy();
          request.destroy();
        };
        if (status === 200)
          response.resume(); // keep reading, as a browser would
        else {
          response.resume();
          response.on("end", () => request.destroy());
        }
        resolve({ status, retryAfter: response.headers["retry-after"], close });
      },
    );
    request.on("error", reject);
    request.setTimeout(30_000, () => request.destroy(new Error("timed out")));
  });
}

/** The nth distinct loopback address in 127.<block>.0.0/16 (never 127.0.0.1). */
export function loopbackAddress(block: number, n: number): string {
  return `127.${block}.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}
