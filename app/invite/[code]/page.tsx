import { InviteLandingPage, type LandingPageProps } from "@/app/_landing/invite-landing-page";

// Rendered per request when Next serves it; most views are answered before Next from the page kept for the
// invite, with the viewer's part set per response (server/landing/landing-fast-path.ts).
export const dynamic = "force-dynamic";

// GET /invite/{code} - the invite landing page (read-only preview; joining is a POST)
export default function Page(props: LandingPageProps) {
  return <InviteLandingPage {...props} />;
}
