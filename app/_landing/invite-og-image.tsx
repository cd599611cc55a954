// The Open Graph image of an invite (1200×630 PNG): initials tile, guild name, who invited you and the
// counts, so a pasted link unfurls with something worth clicking. Rendered with next/og and its bundled
// font only: next/og fetches fonts (Google Fonts) and emoji (a CDN) for characters its font lacks, so text
// is reduced to what the bundled font can draw and the image never touches the network.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { initials } from "@/lib/guild-assets";
import { describeInvite } from "@/lib/invites/describe-invite";
import { membersLabel, onlineLabel } from "@/lib/invites/invite-format";
import { appHost } from "@/server/config/app-url";
import { loadInvitePreview } from "@/server/landing/load-invite-preview";

export const OG_IMAGE_SIZE = { width: 1200, height: 630 };
export const OG_IMAGE_ALT =
  "Invite preview: the guild's name, who invited you and how many members are online";

// Basic Latin, Latin-1, Latin Extended-A/B, general punctuation and currency signs.
const DRAWABLE = /[\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]/u;

/** Keeps only what the bundled font draws, cut at a word boundary near `maxLength`; `fallback` when nothing is left. */
export function drawableText(text: string, fallback: string, maxLength = 60): string {
  const kept = Array.from(text)
    .filter((char) => DRAWABLE.test(char))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  if (!kept) return fallback;
  if (kept.length <= maxLength) return kept;
  const cut = kept.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Long names get a smaller size so they fit in at most two lines beside the icon. */
function nameFontSize(name: string): number {
  if (name.length <= 18) return 80;
  if (name.length <= 28) return 66;
  return 54;
}

function Frame({ hue, footer, children }: { hue: number | null; footer: string; children: React.ReactNode }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 80px",
        color: "#fafafa",
        background: hue === null ? "#0b0b10" : `linear-gradient(135deg, hsl(${hue} 45% 16%) 0%, #0b0b10 62%)`,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", fontSize: 34, color: "#e4e4e7" }}>
        <div
          style={{
            width: 44,
            height: 44,
            borderRadius: 12,
            background: "#6366f1",
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            marginRight: 16,
            fontSize: 30,
            color: "#fff",
          }}
        >
          F
        </div>
        Fluxer
      </div>
      {children}
      <div style={{ display: "flex", fontSize: 28, color: "#a1a1aa" }}>{footer}</div>
    </div>
  );
}

function footerHost(): string {
  return drawableText(appHost(), "fluxer");
}

/**
 * The guild icon as a data URI when it is one of the app's own files (public/), so the card can show it
 * without a network fetch; null (initials instead) for anything else or when the file can't be read.
 */
async function localImage(url: string | null): Promise<string | null> {
  if (!url || !/^\/[A-Za-z0-9_/-]+\.(svg|png)$/.test(url)) return null;
  try {
    const bytes = await readFile(path.join(process.cwd(), "public", url));
    return `data:image/${url.endsWith(".svg") ? "svg+xml" : "png"};base64,${bytes.toString("base64")}`;
  } catch {
    return null;
  }
}

function Dot({ color }: { color: string }) {
  return <div style={{ width: 22, height: 22, borderRadius: 11, background: color, marginRight: 14 }} />;
}

const SHORT_CACHE = { "Cache-Control": "public, max-age=300, s-maxage=300" };

function invalidCard() {
  return new ImageResponse(
    <Frame hue={null} footer={footerHost()}>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 84 }}>Invite invalid</div>
        <div style={{ display: "flex", fontSize: 38, color: "#a1a1aa", marginTop: 20 }}>
          This invite may have expired, been used up or been revoked.
        </div>
      </div>
    </Frame>,
    OG_IMAGE_SIZE,
  );
}

// Every dead code gets the same picture: rendered once per process, so garbage codes cost no rendering.
let invalidPng: Promise<ArrayBuffer> | undefined;

function invalidImage(): Promise<Response> {
  invalidPng ??= invalidCard().arrayBuffer();
  return invalidPng.then(
    (png) => new Response(png, { status: 200, headers: { "Content-Type": "image/png", ...SHORT_CACHE } }),
  );
}

/** The invite's card, or the "Invite invalid" card (200: it is the picture our own 404 page points unfurlers at). */
export async function renderInviteOgImage(code: string): Promise<Response> {
  const preview = await loadInvitePreview(code);
  if (preview.status !== "found") return invalidImage();
  const { invite } = preview;
  const view = describeInvite(invite);
  const isGuild = invite.guild !== null;
  const name = drawableText(view.name, isGuild ? "A Fluxer guild" : "A group DM", 52);
  const inviter = view.inviter ? drawableText(view.inviter.name, "Someone", 32) : null;
  const hue = view.hue;
  const icon = await localImage(view.iconUrl);
  return new ImageResponse(
    <Frame hue={view.hue} footer={`${footerHost()}/invite/${drawableText(invite.code, "invite")}`}>
      <div style={{ display: "flex", alignItems: "center" }}>
        {icon ? (
          // Drawn by ImageResponse, which knows <img> and no image component.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={icon}
            width={200}
            height={200}
            alt=""
            style={{ borderRadius: 56, marginRight: 56, flexShrink: 0 }}
          />
        ) : (
          <div
            style={{
              width: 200,
              height: 200,
              borderRadius: 56,
              display: "flex",
              alignItems: "center",
              justifyContent: "center",
              fontSize: 92,
              color: "#ffffff",
              background: `linear-gradient(135deg, hsl(${hue} 55% 40%), hsl(${(hue + 35) % 360} 60% 32%))`,
              marginRight: 56,
              flexShrink: 0,
            }}
          >
            {drawableText(initials(view.name), "#", 2)}
          </div>
        )}
        <div style={{ display: "flex", flexDirection: "column", minWidth: 0, flex: 1 }}>
          <div style={{ fontSize: 34, color: "#a1a1aa", display: "flex" }}>
            {inviter ? `${inviter} invited you to join` : "You've been invited to join"}
          </div>
          <div
            style={{
              fontSize: nameFontSize(name),
              lineHeight: 1.1,
              marginTop: 8,
              display: "flex",
              alignItems: "center",
            }}
          >
            {name}
            {view.isVerified && (
              <svg width="56" height="56" viewBox="0 0 24 24" style={{ marginLeft: 18 }}>
                <path
                  fill="#6366f1"
                  d="M12 1.5l2.6 1.9 3.2-.1 1 3 2.6 1.9-1 3 1 3-2.6 1.9-1 3-3.2-.1L12 22.5l-2.6-1.9-3.2.1-1-3L2.6 15.8l1-3-1-3 2.6-1.9 1-3 3.2.1z"
                />
                <path fill="none" stroke="#fff" strokeWidth="2.2" d="M7.8 12.3l2.8 2.8 5.6-5.8" />
              </svg>
            )}
          </div>
          <div
            style={{ display: "flex", alignItems: "center", fontSize: 38, color: "#d4d4d8", marginTop: 28 }}
          >
            {isGuild && <Dot color="#22c55e" />}
            {isGuild && <div style={{ display: "flex", marginRight: 44 }}>{onlineLabel(view.online)}</div>}
            <Dot color="#a1a1aa" />
            <div style={{ display: "flex" }}>{membersLabel(view.members)}</div>
          </div>
        </div>
      </div>
    </Frame>,
    {
      ...OG_IMAGE_SIZE,
      // Counts change; unfurlers and CDNs may keep the picture for a few minutes, not forever.
      headers: SHORT_CACHE,
    },
  );
}
