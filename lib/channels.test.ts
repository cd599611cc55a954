import assert from "node:assert/strict";
import { test } from "node:test";
import { channelLabel, groupChannels, orderChannels } from "./channels";
import { ChannelType } from "./constants";

const { GUILD_TEXT: TEXT, GUILD_VOICE: VOICE, GUILD_CATEGORY: CATEGORY } = ChannelType;
const channel = (
  id: number,
  name: string,
  type: number,
  position: number,
  parentId: number | null = null,
) => ({ id: String(id), name, type, position, parentId: parentId === null ? null : String(parentId) });

test("channels outside a category come first, then each category with its channels, all by position then id", () => {
  const channels = [
    channel(6, "announcements", TEXT, 5, 5),
    channel(5, "Info", CATEGORY, 4),
    channel(4, "rules", TEXT, 3),
    channel(3, "Lounge", VOICE, 2, 2),
    channel(2, "Voice", CATEGORY, 1),
    channel(1, "general", TEXT, 0),
    channel(7, "lobby", TEXT, 0), // same position as general: the older id first
    channel(8, "stray", TEXT, 9, 99), // its category is gone
  ];
  assert.deepEqual(
    groupChannels(channels).map((g) => [g.category?.name ?? null, g.channels.map((c) => c.name)]),
    [
      [null, ["general", "lobby", "rules", "stray"]],
      ["Voice", ["Lounge"]],
      ["Info", ["announcements"]],
    ],
  );
  assert.deepEqual(
    orderChannels(channels).map((c) => c.name),
    ["general", "lobby", "rules", "stray", "Lounge", "announcements"],
  );
});

test("ids compare as numbers, not as strings", () => {
  const channels = [channel(10, "b", TEXT, 0), channel(9, "a", TEXT, 0)];
  assert.deepEqual(
    orderChannels(channels).map((c) => c.name),
    ["a", "b"],
  );
});

test("a voice channel is never spelled like a text channel", () => {
  assert.equal(channelLabel({ name: "general", type: TEXT }), "#general");
  assert.equal(channelLabel({ name: "Lounge", type: VOICE }), "Lounge (voice)");
});
