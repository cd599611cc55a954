import { z } from "zod";
import { GUILD_FEATURES } from "@/lib/constants";

export const guildNameSchema = z
  .string()
  .trim()
  .min(2, "Guild name must be 2 to 100 characters")
  .max(100, "Guild name must be 2 to 100 characters");

export const createGuildSchema = z.object({ name: guildNameSchema });

export const updateGuildSchema = z.object({
  name: guildNameSchema.optional(),
  features: z.array(z.enum(GUILD_FEATURES)).max(GUILD_FEATURES.length).optional(),
});

export type UpdateGuildInput = z.infer<typeof updateGuildSchema>;

/** How far ahead a timed pause (incident action) may end. */
export const MAX_INCIDENT_ACTION_MS = 24 * 60 * 60 * 1000;

/**
 * An incident action's end: an ISO 8601 timestamp with `Z` or an offset, at most 24 h from now; null ends
 * it. A time already past also ends it (the use-case stores it as null).
 */
const incidentUntilSchema = z.iso
  .datetime({
    offset: true,
    message: "Must be an ISO 8601 timestamp with Z or an offset, e.g. 2026-03-01T10:00:00.000Z",
  })
  .transform((value) => new Date(value))
  .superRefine((date, context) => {
    if (Number.isNaN(date.getTime())) {
      context.addIssue({
        code: "custom",
        params: { code: "INVALID_FORMAT" },
        message: "Not a real date and time",
      });
    } else if (date.getTime() > Date.now() + MAX_INCIDENT_ACTION_MS) {
      context.addIssue({
        code: "custom",
        params: { code: "TIMESTAMP_TOO_FAR_IN_FUTURE" },
        message: "Must be at most 24 hours from now",
      });
    }
  })
  .nullable();

// A PUT: both fields describe the whole state, so one left out is null (that action ends). Other keys are
// ignored, as elsewhere, so a client may send back the incidents_data object it read.
export const incidentActionsSchema = z.object({
  invites_disabled_until: incidentUntilSchema.optional().transform((value) => value ?? null),
  dms_disabled_until: incidentUntilSchema.optional().transform((value) => value ?? null),
});

export type IncidentActionsInput = z.infer<typeof incidentActionsSchema>;
