// The one read behind /invite/{code}, /{code} and their metadata: the public invite with counts, who is
// looking (anonymous, member, not a member, banned) and whether the guild has paused invites. Wrapped in
// React's cache() so generateMetadata and the page share one load per request. Queries per view: the
// invite (findLiveInvite through getInvite, see load-invite-preview.ts) and, for a signed-in viewer, one
// membership query; the session is a signed cookie, read only when the request carries one. Never writes
// (link-preview bots load these pages).
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { InviteType } from "@/lib/constants";
import { countView } from "@/server/analytics/counters";
import { viewSourceOf } from "@/server/analytics/view-source";
import { SESSION_COOKIES } from "@/server/auth/caller";
import { auth } from "@/server/auth/next-auth";
import { signedInViewerKind } from "./landing-viewer";
import { loadInvitePreview, loadTargetedPreview } from "./load-invite-preview";
import type { InviteLanding, LandingViewer } from "@/lib/invites/landing";
import type { InviteDto } from "@/server/dto/invite";

export type { InviteLanding, LandingViewer } from "@/lib/invites/landing";

/** Whether the request carries a session cookie at all (Auth.js splits a large one into name.0, name.1, ...). */
async function hasSessionCookie(): Promise<boolean> {
  return (await cookies())
    .getAll()
    .some(({ name }) =>
      SESSION_COOKIES.some((session) => name === session || name.startsWith(`${session}.`)),
    );
}

async function sessionUser(): Promise<{ id: bigint; username: string } | null> {
  // Most views of a shared link carry no session: they skip Auth.js's request pipeline, as the API does.
  if (!(await hasSessionCookie())) return null;
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !/^\d+$/.test(id)) return null;
  return { id: BigInt(id), username: session.user?.name ?? "you" };
}

async function viewerOf(
  invite: InviteDto,
  user: { id: bigint; username: string } | null,
): Promise<LandingViewer> {
  if (!user) return { kind: "anonymous" };
  return {
    kind: await signedInViewerKind(invite, user.id),
    userId: user.id.toString(),
    username: user.username,
  };
}

async function load(code: string): Promise<InviteLanding> {
  const [shared, user] = await Promise.all([loadInvitePreview(code), sessionUser()]);
  // The shared preview never shows a targeted invite; a signed-in viewer may be one of its targets.
  const preview =
    shared.status === "not-found" && user !== null ? await loadTargetedPreview(code, user.id) : shared;
  if (preview.status !== "found") return preview;
  await countRenderedView(preview.invite.code);
  return foundLanding(preview.invite, preview.pausedUntil, await viewerOf(preview.invite, user));
}

/**
 * A view Next renders is counted here (the fast path counts the views it serves from a kept page). A prefetch
 * shows nothing to anyone yet, and a server action's request is not a view of the page.
 */
async function countRenderedView(code: string) {
  const request = await headers();
  if (request.has("next-router-prefetch") || request.has("next-action")) return;
  countView(code, viewSourceOf(new Request("http://landing.invalid/", { headers: request })));
}

/** The view model of a live invite for a viewer. */
function foundLanding(
  invite: InviteDto,
  pausedUntil: string | null,
  viewer: LandingViewer,
): Extract<InviteLanding, { status: "found" }> {
  return {
    status: "found",
    invite,
    viewer,
    // A timed pause shows as the feature in the invite's guild (server/dto/guild.ts), with its end beside it.
    isPaused: invite.guild?.features.includes("INVITES_DISABLED") ?? false,
    pausedUntil,
    isGroupDm: invite.type === InviteType.GROUP_DM,
    renderedAt: Date.now(),
  };
}

// Next renders a 404 in a second pass (the not-found boundary runs the layout's generateMetadata again)
// in which React's cache() starts empty. The request's headers object is the same in both passes, so it
// keys a per-request memo (a WeakMap: the entry goes with the request); without it a dead code would be
// looked up, and counted against the unknown-code limit, twice. Kept on globalThis because Next may load
// this module in more than one bundle.
const holder = globalThis as { __fluxerLandingLoads?: WeakMap<object, Map<string, Promise<InviteLanding>>> };
const loads = (holder.__fluxerLandingLoads ??= new WeakMap());

async function loadOncePerRequest(code: string): Promise<InviteLanding> {
  const request = await headers();
  let byCode = loads.get(request);
  if (!byCode) loads.set(request, (byCode = new Map<string, Promise<InviteLanding>>()));
  let pending = byCode.get(code);
  if (!pending) byCode.set(code, (pending = load(code)));
  return pending;
}

/** The landing view model for this request (shared by generateMetadata, the page and a 404's second pass). */
export const loadInviteLanding = cache(loadOncePerRequest);
