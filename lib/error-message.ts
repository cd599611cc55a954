/** The message of anything thrown (a string, an Error, a driver's error object), for log lines. */
export function errorMessage(error: unknown): string {
  try {
    const message = (error as { message?: unknown } | null | undefined)?.message;
    return typeof message === "string" ? message : String(error);
  } catch {
    return "unprintable error"; // e.g. a null-prototype object: String() throws on it, and this runs in a catch
  }
}
