// Open event streams hold memory for as long as a client keeps them. Every kind of holder is bounded on each
// instance: a client past its share gets 429, a full instance 503 with Retry-After, and forged addresses buy
// nothing.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { randomIp, registerUser } from "../fixtures";
import { createInvite, ownerWithGuild } from "../support/invites";
import { startInstance, type Instance } from "./support/instance";
import { loopbackAddress, openStream, type OpenedStream } from "./support/streams";

test.describe("event stream bounds", () => {
  test.describe.configure({ mode: "serial" });
  let instance: Instance;
  let api: APIRequestContext;
  let countsPath: string;
  const open: OpenedStream[] = [];
  test.beforeAll(async () => {
    instance = await startInstance({
      MAX_EVENT_STREAMS: "12",
      MAX_ANONYMOUS_EVENT_STREAMS: "8",
      MAX_EVENT_STREAMS_PER_ADDRESS: "3",
      MAX_EVENT_STREAMS_PER_USER: "2",
    });
    api = await playwrightRequest.newContext({ baseURL: instance.baseURL });
    const { guild, owner, channelId } = await ownerWithGuild(api);
    await createInvite(api, owner, channelId, { max_age: 0 });
    countsPath = `/api/v1/gateway/events?guild_counts=${guild.id}`;
  });
  test.afterEach(() => {
    for (const stream of open.splice(0)) stream.close();
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("one address gets its share of anonymous streams, and forged X-Forwarded-For headers add nothing", async () => {
    const address = loopbackAddress(11, 1);
    for (let i = 0; i < 3; i++) {
      const stream = await openStream(instance.baseURL, countsPath, { localAddress: address });
      open.push(stream);
      expect(stream.status).toBe(200);
    }
    const forged = await openStream(instance.baseURL, countsPath, {
      localAddress: address,
      headers: { "x-forwarded-for": randomIp() },
    });
    open.push(forged);
    expect(forged.status).toBe(429);
    expect(Number(forged.retryAfter)).toBeGreaterThan(0);
    // Closing one gives the slot back.
    open.shift()?.close();
    await expect
      .poll(async () => {
        const stream = await openStream(instance.baseURL, countsPath, { localAddress: address });
        open.push(stream);
        return stream.status;
      })
      .toBe(200);
  });

  test("a full instance answers 503 with Retry-After, and anonymous streams can't crowd out signed-in users", async () => {
    // Streams closed by the previous test are given back once the server sees the connections end.
    await expect.poll(async () => (await (await api.get("/api/health")).json()).event_streams.total).toBe(0);
    const statuses: number[] = [];
    for (let n = 0; n < 10; n++) {
      const stream = await openStream(instance.baseURL, countsPath, { localAddress: loopbackAddress(12, n) });
      open.push(stream);
      statuses.push(stream.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(8);
    const refused = open.filter((stream) => stream.status !== 200);
    expect(refused.map((stream) => stream.status)).toEqual([503, 503]);
    expect(Number(refused[0]!.retryAfter)).toBeGreaterThan(0);

    // A signed-in user still connects (the anonymous bound is below the instance's), up to their own share.
    const user = await registerUser(api);
    const mine = [];
    for (let i = 0; i < 3; i++) {
      const stream = await openStream(instance.baseURL, "/api/v1/gateway/events", {
        localAddress: loopbackAddress(13, i),
        headers: { authorization: user.token },
      });
      open.push(stream);
      mine.push(stream.status);
    }
    expect(mine).toEqual([200, 200, 429]);

    // The instance as a whole: 8 anonymous + 2 signed in + 2 more users = 12, then 503 for everybody.
    const others = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
    const more = [];
    for (const other of others) {
      const stream = await openStream(instance.baseURL, "/api/v1/gateway/events", {
        localAddress: loopbackAddress(14, more.length),
        headers: { authorization: other.token },
      });
      open.push(stream);
      more.push(stream.status);
    }
    expect(more).toEqual([200, 200, 503]);
    expect((await api.get("/api/health")).status()).toBe(200);
  });
});
