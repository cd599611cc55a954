import assert from "node:assert/strict";
import { test } from "node:test";
import { ChannelType, JoinSourceType } from "./constants";
import { isFreshInviteJoin, JOINED_GREETING_MINUTES, pickOpenChannel } from "./guild-page";
import { guildPath } from "./urls";

const voice = { id: "1", type: ChannelType.GUILD_VOICE };
const general = { id: "2", type: ChannelType.GUILD_TEXT };
const lobby = { id: "3", type: ChannelType.GUILD_TEXT };

test("the page opens on the requested channel when the viewer sees it, else on the first text channel", () => {
  assert.equal(pickOpenChannel([voice, general, lobby], "3"), lobby);
  assert.equal(pickOpenChannel([voice, general, lobby], "1"), voice);
  assert.equal(pickOpenChannel([voice, general, lobby], "99"), general); // hidden or unknown
  assert.equal(pickOpenChannel([voice, general, lobby], null), general);
  assert.equal(pickOpenChannel([voice], null), voice);
  assert.equal(pickOpenChannel([], "3"), null);
});

test("only a join through an invite or the vanity URL, minutes ago, is greeted", () => {
  const now = Date.parse("2026-11-30T12:00:00Z");
  const ago = (minutes: number) => new Date(now - minutes * 60_000);
  assert.equal(
    isFreshInviteJoin({ joinedAt: ago(0), joinSourceType: JoinSourceType.INSTANT_INVITE }, now),
    true,
  );
  assert.equal(
    isFreshInviteJoin(
      { joinedAt: ago(JOINED_GREETING_MINUTES - 1), joinSourceType: JoinSourceType.VANITY_URL },
      now,
    ),
    true,
  );
  assert.equal(
    isFreshInviteJoin(
      { joinedAt: ago(JOINED_GREETING_MINUTES), joinSourceType: JoinSourceType.INSTANT_INVITE },
      now,
    ),
    false,
  );
  assert.equal(isFreshInviteJoin({ joinedAt: ago(0), joinSourceType: JoinSourceType.CREATOR }, now), false);
  assert.equal(
    isFreshInviteJoin({ joinedAt: ago(0), joinSourceType: JoinSourceType.BOT_INVITE }, now),
    false,
  );
  assert.equal(
    isFreshInviteJoin({ joinedAt: ago(0), joinSourceType: JoinSourceType.ADMIN_FORCE_ADD }, now),
    false,
  );
});

test("guild links carry the channel and the one-time joined flag", () => {
  assert.equal(guildPath("12"), "/guilds/12");
  assert.equal(guildPath("12", { channel: "34" }), "/guilds/12?channel=34");
  assert.equal(guildPath("12", { channel: "34", joined: true }), "/guilds/12?channel=34&joined=1");
});
