// The choices of the "Create invite" form. The server action accepts exactly these values, so the form
// can't be used to create anything the menus don't offer.

export const EXPIRE_OPTIONS = [
  { value: 1800, label: "30 minutes" },
  { value: 3600, label: "1 hour" },
  { value: 21600, label: "6 hours" },
  { value: 43200, label: "12 hours" },
  { value: 86400, label: "1 day" },
  { value: 604800, label: "7 days" },
  { value: 0, label: "Never" },
] as const;

export const MAX_USES_OPTIONS = [
  { value: 0, label: "No limit" },
  { value: 1, label: "1 use" },
  { value: 5, label: "5 uses" },
  { value: 10, label: "10 uses" },
  { value: 25, label: "25 uses" },
  { value: 50, label: "50 uses" },
  { value: 100, label: "100 uses" },
] as const;

/** The API's defaults: one day, unlimited uses. */
export const DEFAULT_MAX_AGE = 86400;
export const DEFAULT_MAX_USES = 0;

export const MAX_REASON_LENGTH = 512;

export function isExpireOption(value: number): boolean {
  return EXPIRE_OPTIONS.some((option) => option.value === value);
}

export function isMaxUsesOption(value: number): boolean {
  return MAX_USES_OPTIONS.some((option) => option.value === value);
}

/** The timed pauses the settings page offers, in hours (at most 24: the incident actions' limit). */
export const PAUSE_FOR_OPTIONS = [
  { hours: 1, label: "1 h" },
  { hours: 6, label: "6 h" },
  { hours: 24, label: "24 h" },
] as const;

export function isPauseForOption(hours: number): boolean {
  return PAUSE_FOR_OPTIONS.some((option) => option.hours === hours);
}
