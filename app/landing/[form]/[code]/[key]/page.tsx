import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InviteLandingView } from "@/components/invites/invite-landing";
import { cachedLandingFor, cachedLandingImage } from "@/server/landing/cached-landing";
import { landingActions, landingMetadata } from "@/server/landing/invite-landing-page";

// The landing page for signed-out visitors of a live, unlimited guild invite, rendered once and then served
// from Next's page cache (issue #7: a link that goes viral must not render per view). Never reached by its
// own URL: proxy.ts rewrites /invite/{code} and /{code} here only when the invite preview cache holds the
// code, and answers 404 to anyone asking for /landing/... directly. `key` changes whenever the card would
// look different (name, features, vanity, expiry...), so an edit is a new page at once; counts refresh in
// the background every `revalidate` seconds, like the preview cache's TTL.
export const revalidate = 5;
export const dynamicParams = true;

export async function generateStaticParams(): Promise<{ form: string; code: string; key: string }[]> {
  return []; // rendered on first request, then cached
}

type Props = { params: Promise<{ form: string; code: string; key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { form, code } = await params;
  const landing = await cachedLandingFor(code);
  return landingMetadata(landing ?? { status: "not-found" }, landing ? cachedLandingImage(form, code) : undefined);
}

// GET /invite/{code} or /{code} for signed-out visitors (via proxy.ts)
export default async function Page({ params }: Props) {
  const { code } = await params;
  const landing = await cachedLandingFor(code);
  if (!landing) notFound(); // deleted between the proxy's check and this render: the dynamic page's 404
  return <InviteLandingView landing={landing} actions={landingActions(landing.invite.code)} autoAccept={false} highlightAccept={false} />;
}
