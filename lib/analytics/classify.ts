// Who a view comes from and where it came from, decided from the request's User-Agent and Referer alone.
// Pure: used by the counters on the server and by the unit tests.

/** Link-preview fetchers: they load a shared link to draw its card, and are counted as unfurls, never views. */
const UNFURLERS =
  /discordbot|twitterbot|slackbot|slack-imgproxy|facebookexternalhit|facebookcatalog|meta-externalagent|linkedinbot|telegrambot|whatsapp|skypeuripreview|redditbot|embedly|iframely|mastodon|bluesky|cardyb|pinterestbot|vkshare|viber|snapchat|kakaotalk-scrap|line-poker|synapse|element-desktop|signal-|tumblr|discourse|zulip|mattermost|rocket\.chat|microsoft teams|skypebot|applebot|xing-contenttabreceiver|google-pagerenderer/i;

/** Other self-declared robots (search crawlers, monitors, scripts): neither a visitor nor an unfurl. */
const OTHER_ROBOTS =
  /bot\b|bot\/|crawler|spider|slurp|python-requests|python-urllib|go-http-client|curl\/|wget\/|httpclient|okhttp|monitor/i;

export type ViewKind = "visitor" | "unfurl" | "robot";

/** What a request with this User-Agent counts as: a visitor's view, an unfurl, or nothing (another robot). */
export function viewKindOf(userAgent: string | null | undefined): ViewKind {
  const agent = userAgent ?? "";
  if (UNFURLERS.test(agent)) return "unfurl";
  if (OTHER_ROBOTS.test(agent)) return "robot";
  return "visitor";
}

/** Longest host kept; longer ones are not real host names. */
const MAX_HOST_LENGTH = 253;
const HOST_NAME = /^(?=.*[a-z])[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/**
 * The referring host of a view: the host name of an http(s) Referer, lowercased, without port, path or query;
 * null for none, for this app's own pages (`ownHost`, a navigation inside the app), and for anything that is
 * not a host name (an address literal, a malformed header).
 */
export function referrerHost(referer: string | null | undefined, ownHost: string): string | null {
  if (!referer) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!host || host.length > MAX_HOST_LENGTH || !HOST_NAME.test(host)) return null;
  // The pattern wants a letter, so an IPv4 literal fails it; an IPv6 literal carries brackets and fails too.
  if (host === ownHost.toLowerCase()) return null;
  return host;
}
