// Query strings of the invite analytics routes. Times are ISO 8601 (UTC with Z or an offset); the range is
// [from, to), cut into whole UTC hours or days (a `from` inside a bucket starts at that bucket).
import { z } from "zod";
import { DAY_MS } from "@/lib/analytics/buckets";

/** Longest range per granularity: a month of hours (744 points), a year and a day of days. */
export const MAX_RANGE_DAYS = { hour: 31, day: 366 } as const;
/** The default range when `from` is left out. */
export const DEFAULT_RANGE_DAYS = { hour: 1, day: 30 } as const;

const instant = z.iso
  .datetime({ offset: true, message: "Must be an ISO 8601 timestamp, e.g. 2026-12-01T00:00:00Z" })
  .transform((value) => new Date(value));

/** `from`/`to` with their defaults, checked for order and length. */
function withRange<T extends { from?: Date; to?: Date }>(
  input: T,
  maxDays: number,
  defaultDays: number,
  context: z.RefinementCtx,
) {
  const to = input.to ?? new Date();
  const from = input.from ?? new Date(to.getTime() - defaultDays * DAY_MS);
  if (from.getTime() >= to.getTime())
    context.addIssue({ code: "custom", path: ["from"], message: "from must be before to" });
  else if (to.getTime() - from.getTime() > maxDays * DAY_MS)
    context.addIssue({
      code: "custom",
      path: ["from"],
      message: `The range may span at most ${maxDays} days`,
    });
  return { ...input, from, to };
}

export const inviteAnalyticsQuerySchema = z
  .object({
    granularity: z
      .enum(["hour", "day"], { message: "Must be hour or day" })
      .default("hour")
      .describe("Bucket size: UTC hours (range up to 31 days) or UTC days (up to 366)"),
    from: instant
      .optional()
      .describe("Start of the range (ISO 8601); default: 24 hours (hour) or 30 days (day) before `to`"),
    to: instant.optional().describe("End of the range, exclusive (ISO 8601); default: now"),
  })
  .transform((input, context) =>
    withRange(input, MAX_RANGE_DAYS[input.granularity], DEFAULT_RANGE_DAYS[input.granularity], context),
  );

export type InviteAnalyticsQuery = z.infer<typeof inviteAnalyticsQuerySchema>;

export const guildInviteAnalyticsQuerySchema = z
  .object({
    from: instant.optional().describe("Start of the range (ISO 8601); default: 30 days before `to`"),
    to: instant.optional().describe("End of the range, exclusive (ISO 8601); default: now"),
  })
  .transform((input, context) => withRange(input, MAX_RANGE_DAYS.day, DEFAULT_RANGE_DAYS.day, context));

export type GuildInviteAnalyticsQuery = z.infer<typeof guildInviteAnalyticsQuerySchema>;
