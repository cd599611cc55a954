import { OG_IMAGE_ALT, OG_IMAGE_SIZE, renderInviteOgImage } from "@/app/_landing/invite-og-image";

// Counts change and invites lapse: rendered per request (cheap; no network), cached briefly by clients.
export const dynamic = "force-dynamic";
export const alt = OG_IMAGE_ALT;
export const size = OG_IMAGE_SIZE;
export const contentType = "image/png";

// GET {invite page}/opengraph-image - the PNG link unfurls show; 404 when the invite isn't live
export default async function Image({ params }: { params: Promise<{ code: string }> }) {
  return renderInviteOgImage((await params).code);
}
