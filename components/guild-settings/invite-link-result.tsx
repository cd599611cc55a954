"use client";

import { Badge } from "@/components/ui/badge";
import { formatMaxAge } from "@/lib/guild-settings/format";
import { CopyButton } from "./copy-button";
import { QrCode, qrDownloadHref } from "./qr-code";
import type { CreatedInvite } from "@/lib/guild-settings/form-states";

/** The new invite: its link with a Copy button, its settings in words, and a QR code to scan or download. */
export function InviteLinkResult({ invite }: { invite: CreatedInvite }) {
  return (
    <div className="space-y-4" data-testid="created-invite">
      <div
        role="status"
        className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-300"
      >
        Invite created for {invite.channel}. Share this link:
      </div>
      {/* The link as wrapping text, never a one-line field: on a phone a field cuts it off right where the
          code is. The code itself stays on one line. */}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <div className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-3 py-2 dark:border-zinc-700 dark:bg-zinc-950">
          <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">Invite link</span>
          <a
            href={invite.url}
            data-testid="new-invite-link"
            className="font-mono text-sm break-all text-zinc-700 select-all hover:underline dark:text-zinc-300"
          >
            {invite.url.slice(0, invite.url.length - invite.code.length)}
            <span className="font-semibold break-normal whitespace-nowrap text-zinc-950 dark:text-white">
              {invite.code}
            </span>
          </a>
        </div>
        <CopyButton value={invite.url} />
      </div>
      <div className="flex flex-wrap gap-1.5 text-xs">
        <Badge>
          {invite.maxAge === 0 ? "Never expires" : `Expires after ${formatMaxAge(invite.maxAge)}`}
        </Badge>
        <Badge>
          {invite.maxUses === 0
            ? "No use limit"
            : `${invite.maxUses} ${invite.maxUses === 1 ? "use" : "uses"}`}
        </Badge>
        {invite.temporary ? <Badge tone="warning">Temporary membership</Badge> : null}
      </div>
      <div className="flex flex-col items-center gap-2 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800">
        <QrCode value={invite.url} label={`QR code for ${invite.url}`} className="h-auto max-w-full" />
        <a
          href={qrDownloadHref(invite.url)}
          download={`invite-${invite.code}.svg`}
          className="text-sm font-medium text-brand-600 hover:underline"
        >
          Download QR code (SVG)
        </a>
      </div>
    </div>
  );
}
