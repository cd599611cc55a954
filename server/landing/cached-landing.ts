// The signed-out landing page served from Next's page cache (app/landing, routed by proxy.ts). It shows what
// the dynamic page shows an anonymous visitor, from the invite preview cache (server/invites/preview-cache.ts).
import { landingPath } from "@/lib/landing-routing";
import { loadPublicPreview } from "@/server/invites/preview-cache";
import { appUrl, type OgImageRef } from "./invite-landing-page";
import { OG_IMAGE_ALT, OG_IMAGE_SIZE } from "./invite-og-image";
import { foundLanding, type InviteLanding } from "./load-invite-landing";
import { isLandingCode } from "./load-invite-preview";

type FoundLanding = Extract<InviteLanding, { status: "found" }>;

/** A live invite's anonymous landing, or null (unknown, lapsed, revoked). No per-visitor state, no limiter. */
export async function cachedLandingFor(code: string): Promise<FoundLanding | null> {
  if (!isLandingCode(code)) return null;
  const invite = await loadPublicPreview(code);
  return invite ? foundLanding(invite, { kind: "anonymous" }) : null;
}

/** The og:image the dynamic page of the same URL form would point at. */
export function cachedLandingImage(form: string, code: string): OgImageRef {
  return { url: `${appUrl()}${landingPath(form === "short" ? "short" : "invite", code)}/opengraph-image`, ...OG_IMAGE_SIZE, alt: OG_IMAGE_ALT, type: "image/png" };
}
