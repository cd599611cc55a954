"use client";
// "Expires in 6 days" that stays true while the page is open. The first render uses the server's clock
// (passed in), so the HTML and the hydrated page agree; after that it follows the browser's clock.
import { useNow } from "@/components/ui/use-now";
import { expiryLabel } from "@/lib/invites/invite-format";

export function ExpiryText({ expiresAt, renderedAt }: { expiresAt: string | null; renderedAt: number }) {
  const now = useNow(renderedAt, 30_000, expiresAt !== null);
  return <span data-testid="invite-expiry">{expiryLabel(expiresAt, now)}</span>;
}
