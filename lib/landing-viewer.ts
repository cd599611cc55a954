// Who is looking at an invite landing page, as the page's HTML carries it. The page holds every viewer's
// variant of its primary action inside one wrapper element; the wrapper's attribute says which one is shown
// (a stylesheet hides the rest), and the signed-in viewer's name sits in an element of its own. One page can
// then be kept for every viewer of an invite: the HTTP server sets these two values per response
// (server/landing/landing-fast-path.ts), and the browser reads the viewer from the attribute, never from props.

export const LANDING_VIEWERS = ["anonymous", "not-member", "member", "banned"] as const;

export type LandingViewerKind = (typeof LANDING_VIEWERS)[number];

/** The wrapper's attribute: which variant of the primary action is the visible one. */
export const VIEWER_ATTRIBUTE = "data-landing-viewer";

/** The attribute of the element holding the signed-in viewer's name (empty for anonymous viewers). */
export const VIEWER_NAME_ATTRIBUTE = "data-landing-viewer-name";

/** The attribute of each variant: the viewers it is for, separated by spaces. */
export const VARIANT_ATTRIBUTE = "data-landing-for";

export function isLandingViewerKind(value: unknown): value is LandingViewerKind {
  return typeof value === "string" && (LANDING_VIEWERS as readonly string[]).includes(value);
}

/** Text escaped exactly as React escapes text content in server-rendered HTML. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
