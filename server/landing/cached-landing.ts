// The signed-out landing page served from Next's page cache (app/landing, routed by proxy.ts). It shows what
// the dynamic page shows an anonymous visitor, from the invite preview cache (server/invites/preview-cache.ts).
import { InviteType } from "@/lib/constants";
import { loadPublicPreview } from "@/server/invites/preview-cache";
import { appUrl, type OgImageRef } from "./invite-landing-page";
import { OG_IMAGE_ALT, OG_IMAGE_SIZE } from "./invite-og-image";
import type { InviteLanding } from "./load-invite-landing";
import { isLandingCode } from "./load-invite-preview";

type FoundLanding = Extract<InviteLanding, { status: "found" }>;

/** The two public URL forms of a landing page, as proxy.ts names them in the rewrite. */
export const LANDING_FORMS = { invite: "invite", short: "short" } as const;

/** A live invite's anonymous landing, or null (unknown, lapsed, revoked). No per-visitor state, no limiter. */
export async function cachedLandingFor(code: string): Promise<FoundLanding | null> {
  if (!isLandingCode(code)) return null;
  const invite = await loadPublicPreview(code);
  if (!invite) return null;
  return {
    status: "found",
    invite,
    viewer: { kind: "anonymous" },
    isPaused: invite.guild?.features.includes("INVITES_DISABLED") ?? false,
    isGroupDm: invite.type === InviteType.GROUP_DM,
    renderedAt: Date.now(),
  };
}

/** The og:image the dynamic page of the same URL form would point at. */
export function cachedLandingImage(form: string, code: string): OgImageRef {
  const path = form === LANDING_FORMS.short ? `/${encodeURIComponent(code)}` : `/invite/${encodeURIComponent(code)}`;
  return { url: `${appUrl()}${path}/opengraph-image`, ...OG_IMAGE_SIZE, alt: OG_IMAGE_ALT, type: "image/png" };
}
