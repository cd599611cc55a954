// REGISTRATION, read once per process: who may create an account here (lib/registration.ts says what each
// mode means). A value that names no mode closes registration and says so in the log, rather than opening an
// instance its operator meant to keep private.
import { parseRegistrationMode, type RegistrationMode } from "@/lib/registration";
import { log } from "@/server/log";

let cached: RegistrationMode | undefined;

export function registrationMode(): RegistrationMode {
  if (cached) return cached;
  const raw = process.env.REGISTRATION;
  const { mode, isValid } = parseRegistrationMode(raw);
  if (!isValid)
    log.warn("REGISTRATION names no mode (open, invite, closed): registration is closed", {
      value: String(raw).slice(0, 40),
    });
  cached = mode;
  return mode;
}
