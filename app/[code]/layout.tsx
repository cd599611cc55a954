import { inviteLandingMetadata } from "@/app/_landing/invite-landing-page";
import type { Metadata } from "next";

type Props = LayoutProps<"/[code]">;

// GET /{code} - tags for link unfurls (title, description, Open Graph, Twitter). In the layout rather than
// the page so the "Invite invalid" 404 gets them too; the page shares the same cached load.
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return inviteLandingMetadata((await params).code);
}

export default function InviteLayout({ children }: Props) {
  return children;
}
