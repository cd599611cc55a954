import { InviteLandingPage, type LandingPageProps } from "@/server/landing/invite-landing-page";

// Depends on who is looking (member, banned, signed out), so it is rendered per request; never cached.
export const dynamic = "force-dynamic";

// GET /invite/{code} - the invite landing page (read-only preview; joining is a POST)
export default function Page(props: LandingPageProps) {
  return <InviteLandingPage {...props} />;
}
