import { RATE_LIMITS } from "@/lib/rate-limits";

export const VANITY_AVAILABILITY_RATE_LIMIT = RATE_LIMITS.settings.vanityAvailability;
