// What a visitor sees when their network has opened too many invite links that don't exist: the landing page's
// own "Slow down" card and the standalone 429 page the proxy answers before any page renders share these words.

export const SLOW_DOWN_TITLE = "Slow down";

export function slowDownText(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds <= 60 ? "a minute" : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many invite links that don't exist were opened from your network. Try this one again in about ${wait}.`;
}

/** A complete, self-contained HTML page (no scripts, no external styles) for a 429 answer. */
export function slowDownHtml(retryAfterSeconds: number): string {
  const text = slowDownText(retryAfterSeconds).replace(/'/g, "&#39;");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${SLOW_DOWN_TITLE}</title>
<style>
:root{color-scheme:light dark;font-family:ui-sans-serif,system-ui,sans-serif}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f4f4f5;color:#18181b}
main{max-width:28rem;margin:1.5rem;padding:2rem;border-radius:1rem;background:#fff;box-shadow:0 1px 3px #0002;text-align:center}
h1{margin:0;font-size:1.5rem}p{margin:.75rem 0 0;color:#52525b;line-height:1.5}
@media (prefers-color-scheme:dark){body{background:#18181b;color:#fafafa}main{background:#27272a}p{color:#a1a1aa}}
</style></head>
<body><main data-testid="invite-slow-down"><h1>${SLOW_DOWN_TITLE}</h1><p>${text}</p></main></body></html>`;
}
