import { z } from "zod";
import { parseSnowflake } from "@/lib/snowflake";

export const MAX_GUILD_COUNT_SUBSCRIPTIONS = 25;

/** `guild_counts=<id>,<id>`: guilds whose counts the stream follows (GUILD_COUNTS_UPDATE). */
const guildIdList = z.string().transform((value, ctx) => {
  const parts = value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length > MAX_GUILD_COUNT_SUBSCRIPTIONS) {
    ctx.addIssue({
      code: "custom",
      message: `At most ${MAX_GUILD_COUNT_SUBSCRIPTIONS} guilds`,
      params: { code: "ARRAY_TOO_LONG" },
    });
    return z.NEVER;
  }
  const ids = new Set<bigint>();
  for (const part of parts) {
    const id = parseSnowflake(part);
    if (id === null) {
      ctx.addIssue({
        code: "custom",
        message: "Value is not a snowflake",
        params: { code: "INVALID_SNOWFLAKE" },
      });
      return z.NEVER;
    }
    ids.add(id);
  }
  return [...ids];
});

export const gatewayQuerySchema = z.object({ guild_counts: guildIdList.optional() });
