// A tiny server-sent events client for API tests (Playwright's `request` cannot stream): opens
// GET /api/v1/gateway/events with node:http, parses frames as they arrive, and lets a test wait for one.
import http from "node:http";

export type StreamEvent = { type: string; data: Record<string, unknown> };

export class EventStream {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  private buffer = "";
  private waiters: Array<() => void> = [];
  private ended = false;

  private constructor(
    private readonly request: http.ClientRequest,
    readonly status: number,
    readonly headers: http.IncomingHttpHeaders,
    readonly body: string,
  ) {}

  /** Opens a stream; resolves once the status is known. A non-200 answer is read whole into `body`. */
  static open(baseURL: string, query = "", headers: Record<string, string> = {}): Promise<EventStream> {
    const url = new URL(`/api/v1/gateway/events${query ? `?${query}` : ""}`, baseURL);
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers: { accept: "text/event-stream", ...headers } }, (response) => {
        response.setEncoding("utf8");
        if (response.statusCode !== 200) {
          let body = "";
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () =>
            resolve(new EventStream(request, response.statusCode ?? 0, response.headers, body)),
          );
          return;
        }
        const stream = new EventStream(request, 200, response.headers, "");
        response.on("data", (chunk: string) => stream.push(chunk));
        response.on("end", () => stream.finish());
        response.on("error", () => stream.finish());
        resolve(stream);
      });
      request.on("error", reject);
    });
  }

  private push(chunk: string) {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) !== -1) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let type = "message";
      const data: string[] = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith(":")) this.comments.push(line.slice(1).trim());
        else if (line.startsWith("event:")) type = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) this.events.push({ type, data: JSON.parse(data.join("\n")) });
    }
    this.wake();
  }

  private finish() {
    this.ended = true;
    this.wake();
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** How many events have arrived: pass it to `waitFor` to wait only for later ones. */
  mark(): number {
    return this.events.length;
  }

  /** The first event of `type` matching `match`, among those from index `from` on (received or to come). */
  async waitFor(
    type: string,
    match: (data: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 10_000,
    from = 0,
  ): Promise<StreamEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find((event) => event.type === type && match(event.data));
      if (found) return found;
      if (this.ended)
        throw new Error(`stream ended before ${type}; got ${JSON.stringify(this.events.map((e) => e.type))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once a comment line (e.g. `: ping`) arrives. */
  async waitForComment(text: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.comments.includes(text)) {
      if (this.ended) throw new Error(`stream ended before ": ${text}"`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ": ${text}" within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Events of a type received so far. */
  received(type: string): StreamEvent[] {
    return this.events.filter((event) => event.type === type);
  }

  /** Drops the connection, as a closed browser tab does. */
  close() {
    this.request.destroy();
    this.ended = true;
  }
}
