// What /invite/{code} and /{code} render and say to link unfurlers; both page files are thin wrappers
// around these two functions, so the two URL forms can never drift apart.
import { notFound } from "next/navigation";
import { InviteSlowDown } from "@/components/invites/invite-invalid";
import { InviteLandingView } from "@/components/invites/invite-landing";
import { describeInvite, inviteSummary } from "@/lib/invites/describe-invite";
import { invitePath } from "@/lib/invites/invite-links";
import { appUrl } from "@/server/config/app-url";
import { registrationMode } from "@/server/config/registration";
import { acceptInviteFromPage, logOutFromLanding, signInToAccept } from "@/server/landing/actions";
import { loadInviteLanding, type InviteLanding } from "@/server/landing/load-invite-landing";
import { isPendingAccept } from "@/server/landing/pending-accept";
import type { Metadata } from "next";

export type LandingPageProps = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const INVALID_DESCRIPTION = "This invite may have expired, been used up or been revoked.";

/**
 * Title, description, canonical URL and Open Graph / Twitter tags for a landing outcome; og:image comes from
 * the opengraph-image.tsx beside each page.
 */
function landingMetadata(landing: InviteLanding): Metadata {
  if (landing.status !== "found") {
    // Unfurls of a dead link say so (the page itself is a 404); the image is the "invalid" card.
    const title = landing.status === "rate-limited" ? "Slow down" : "Invite invalid";
    const description =
      landing.status === "rate-limited"
        ? "Too many unknown invite links were opened from this network."
        : INVALID_DESCRIPTION;
    return {
      metadataBase: new URL(appUrl()),
      title,
      description,
      robots: { index: false },
      openGraph: { siteName: "Fluxer", title, description },
      twitter: { card: "summary", title, description },
    };
  }
  const view = describeInvite(landing.invite);
  const url = `${appUrl()}${invitePath(landing.invite.code)}`;
  const description = inviteSummary(landing.invite, view);
  return {
    metadataBase: new URL(appUrl()),
    title: view.name,
    description,
    alternates: { canonical: url },
    // Invites to private guilds must not turn up in search engines; unfurlers ignore this.
    robots: { index: false, follow: false },
    openGraph: { type: "website", siteName: "Fluxer", title: view.name, description, url },
    twitter: { card: "summary_large_image", title: view.name, description },
  };
}

/** Metadata of /invite/{code} and /{code}; in the segment's layout so the 404 "Invite invalid" page gets its own tags too. */
export async function inviteLandingMetadata(code: string): Promise<Metadata> {
  return landingMetadata(await loadInviteLanding(code));
}

/** The card's form actions for an invite (its canonical code). */
function landingActions(canonicalCode: string) {
  return {
    accept: acceptInviteFromPage.bind(null, canonicalCode),
    logIn: signInToAccept.bind(null, canonicalCode, "login"),
    register: registrationMode() === "closed" ? null : signInToAccept.bind(null, canonicalCode, "register"),
    logOut: logOutFromLanding.bind(null, canonicalCode),
  };
}

/** The page: 404 "Invite invalid" for anything that isn't a live invite, else the preview card. */
export async function InviteLandingPage({ params, searchParams }: LandingPageProps) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const landing = await loadInviteLanding(code);
  if (landing.status === "not-found") notFound();
  if (landing.status === "rate-limited")
    return <InviteSlowDown retryAfterSeconds={landing.retryAfterSeconds} />;
  const canonical = landing.invite.code;
  // Facts about this request, not the viewer: the accept form acts on them only while the page shows the
  // not-member variant, which it reads from the DOM (components/invites/landing-viewer-scope.tsx).
  const cameBackToAccept = query.accept === "1" && !landing.isPaused;
  const autoAccept = cameBackToAccept && (await isPendingAccept(canonical));
  return (
    <InviteLandingView
      landing={landing}
      actions={landingActions(canonical)}
      autoAccept={autoAccept}
      highlightAccept={cameBackToAccept}
    />
  );
}
