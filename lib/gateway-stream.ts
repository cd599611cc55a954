// The browser side of GET /api/v1/gateway/events. EventSource reconnects by itself after a dropped connection,
// but gives up for good when the server answers anything but 200 (a full server's 503, a 429): then this opens a
// new one after a growing, jittered delay, so a server that was full, restarting or behind a blip gets its
// clients back gradually instead of all at once, or never.

export type GatewayListeners = Record<string, (event: MessageEvent<string>) => void>;

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

/** Opens the stream and keeps it open until the returned function is called. `onDown` hears every loss. */
export function openGatewayStream(url: string, listeners: GatewayListeners, onDown?: () => void): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  let stopped = false;
  const connect = () => {
    if (stopped) return;
    const current = new EventSource(url);
    source = current;
    for (const [type, listener] of Object.entries(listeners))
      current.addEventListener(type, listener as EventListener);
    current.addEventListener("open", () => {
      delay = FIRST_RETRY_MS;
    });
    current.addEventListener("error", () => {
      onDown?.();
      if (current.readyState !== EventSource.CLOSED || stopped) return; // the browser retries this one itself
      const wait = delay / 2 + Math.random() * delay;
      delay = Math.min(delay * 2, MAX_RETRY_MS);
      timer = setTimeout(connect, wait);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
