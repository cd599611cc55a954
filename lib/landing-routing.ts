// Shared by proxy.ts and next.config.ts: how a signed-out landing view is routed to the cached page.

/** Set by proxy.ts (and only by it: any value a client sends is removed) to the preview's appearance key. */
export const LANDING_KEY_HEADER = "x-fluxer-landing-key";

/**
 * The short-link codes /{code} that may be served from the cache: 2-32 of [A-Za-z0-9-], not starting like
 * one of the app's own pages (those codes, if any, are simply always rendered). proxy.ts's matcher uses the
 * same pattern, so it sees every request the rewrite can apply to.
 */
export const SHORT_LANDING_CODE = "(?!about|login|register|guilds|api|landing|invite)[A-Za-z0-9-]{2,32}";

/** The two public URL forms of a landing page, /invite/{code} and /{code}, as the cached routes name them. */
export type LandingForm = "invite" | "short";

/** The public path of a landing page in the given form. */
export function landingPath(form: LandingForm, code: string): string {
  return form === "short" ? `/${encodeURIComponent(code)}` : `/invite/${encodeURIComponent(code)}`;
}
