import { InviteLandingPage, type LandingPageProps } from "@/app/_landing/invite-landing-page";

// The short invite link {APP_URL}/{code}: the same page as /invite/{code}. Static routes (/login, /guilds,
// /api, ...) match before this one; reserved names and anything that isn't 2-32 of [A-Za-z0-9-] are 404.
export const dynamic = "force-dynamic";

// GET /{code} - the invite landing page (read-only preview; joining is a POST)
export default function Page(props: LandingPageProps) {
  return <InviteLandingPage {...props} />;
}
