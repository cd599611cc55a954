// Who a request comes from, decided once per request by the HTTP server (scripts/http-server.mjs) before
// the app sees it. The answer is the TCP peer's address, unless TRUST_PROXY=N says that N reverse proxies the
// operator runs sit in front: then each of them appended the address it saw to X-Forwarded-For, so the
// client is the Nth entry counted from the right. Entries further left were written by the client and are
// never believed.

/** The request header the server sets on every request (any value a client sent is overwritten). */
export const CLIENT_ADDRESS_HEADER = "x-fluxer-client-address";

/** TRUST_PROXY as a hop count: unset or empty is 0 (no proxy). Anything but a whole number 0-10 is refused. */
export function parseTrustProxy(value) {
  if (value === undefined || value === null || value.trim() === "") return 0;
  const text = value.trim().toLowerCase();
  if (text === "false") return 0;
  if (text === "true") return 1; // the older boolean form: one proxy
  if (!/^\d{1,2}$/.test(text) || Number(text) > 10) {
    throw new Error(
      `TRUST_PROXY must be the number of reverse proxies in front of the app (0-10), not "${value}"`,
    );
  }
  return Number(text);
}

/**
 * The key per-address limits count under: IPv4 as is (also when written as ::ffff:a.b.c.d), IPv6 by its /64,
 * since one subscriber usually holds a whole /64 and could otherwise take a fresh address per request.
 */
export function addressKey(address) {
  let text = String(address ?? "").trim();
  if (text.startsWith("[")) text = text.slice(1, text.indexOf("]") === -1 ? undefined : text.indexOf("]"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped) return mapped[1];
  if (/^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$/.test(text)) return text.replace(/:\d+$/, "");
  if (text.includes(":") && /^[0-9a-f:]+$/i.test(text)) return `${ipv6Prefix64(text)}/64`;
  return text.slice(0, 64) || "unknown";
}

function ipv6Prefix64(text) {
  const [head, tail] = text.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, "") || "0")
    .join(":");
}

/** The client's address key for a request that came from `peer` with the given X-Forwarded-For value. */
export function resolveClientAddress(peer, forwardedFor, hops) {
  if (hops > 0 && forwardedFor) {
    const entries = String(forwardedFor)
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Nearest first: the peer (our own outermost proxy), then what each proxy appended, right to left.
    const chain = [peer, ...entries.reverse()];
    return addressKey(chain[Math.min(hops, chain.length - 1)]);
  }
  return addressKey(peer);
}
