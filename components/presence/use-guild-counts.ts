"use client";

import { useEffect, useState } from "react";
import { openGatewayStream } from "@/lib/gateway-stream";

export type LiveGuildCounts = { memberCount: number; presenceCount: number };

// Live member and online counts of a guild (for the invite landing page): follows GUILD_COUNTS_UPDATE on
// the gateway stream, anonymously allowed for guilds with a live invite. Starts from the server-rendered
// values and keeps them if the stream is refused.
export function useGuildCounts(guildId: string, initial: LiveGuildCounts): LiveGuildCounts {
  const [counts, setCounts] = useState(initial);
  useEffect(() => {
    return openGatewayStream(`/api/v1/gateway/events?guild_counts=${encodeURIComponent(guildId)}`, {
      GUILD_COUNTS_UPDATE: (event) => {
        const data = JSON.parse(event.data) as {
          guild_id: string;
          approximate_member_count: number;
          approximate_presence_count: number;
        };
        if (data.guild_id === guildId)
          setCounts({
            memberCount: data.approximate_member_count,
            presenceCount: data.approximate_presence_count,
          });
      },
    });
  }, [guildId]);
  return counts;
}
