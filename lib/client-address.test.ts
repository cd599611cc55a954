import assert from "node:assert/strict";
import { test } from "node:test";
import { addressKey, parseTrustProxy, resolveClientAddress } from "./client-address.mjs";

test("without TRUST_PROXY the peer is the client, whatever X-Forwarded-For says", () => {
  assert.equal(resolveClientAddress("198.51.100.7", "1.2.3.4", 0), "198.51.100.7");
  assert.equal(resolveClientAddress("198.51.100.7", undefined, 0), "198.51.100.7");
});

test("TRUST_PROXY=N takes the Nth X-Forwarded-For entry from the right; entries a client wrote are ignored", () => {
  // The client sent "6.6.6.6"; our one proxy appended the address it saw.
  assert.equal(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.5", 1), "203.0.113.5");
  // Two proxies: the outer one appended the client, the inner one the outer proxy.
  assert.equal(resolveClientAddress("10.0.0.3", "6.6.6.6, 203.0.113.5, 10.0.0.2", 2), "203.0.113.5");
  // Fewer entries than hops: the furthest one there is, never a made-up address.
  assert.equal(resolveClientAddress("10.0.0.3", "203.0.113.5", 3), "203.0.113.5");
  // A proxy that sent no header: the peer.
  assert.equal(resolveClientAddress("10.0.0.3", undefined, 1), "10.0.0.3");
});

test("IPv4-mapped addresses are IPv4, and IPv6 clients count per /64", () => {
  assert.equal(addressKey("::ffff:192.0.2.1"), "192.0.2.1");
  assert.equal(addressKey("2001:db8:1:2:aaaa::1"), "2001:db8:1:2/64");
  assert.equal(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"), "2001:db8:1:2/64");
  assert.equal(addressKey("2001:db8::1"), "2001:db8:0:0/64");
  assert.equal(addressKey("[2001:db8:1:2::9]"), "2001:db8:1:2/64");
  assert.equal(addressKey(undefined), "unknown");
});

test("TRUST_PROXY must be a hop count", () => {
  assert.equal(parseTrustProxy(undefined), 0);
  assert.equal(parseTrustProxy(""), 0);
  assert.equal(parseTrustProxy("1"), 1);
  assert.equal(parseTrustProxy("true"), 1);
  assert.equal(parseTrustProxy("2"), 2);
  assert.throws(() => parseTrustProxy("yes"));
  assert.throws(() => parseTrustProxy("-1"));
  assert.throws(() => parseTrustProxy("10.0.0.1"));
});
