// Limits of the settings pages' own read route: the live vanity check is debounced in the browser, so a
// person typing stays far below this.
import type { RateLimitRule } from "@/server/http/rate-limit";

export const VANITY_AVAILABILITY_RATE_LIMIT: RateLimitRule = { bucket: "settings:vanity-availability", limit: 60, windowSeconds: 60 };
