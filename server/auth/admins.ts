/** Instance admins: users whose email is listed in ADMIN_EMAILS (comma separated, case-insensitive). */
export function isInstanceAdmin(email: string | null | undefined): boolean {
  if (!email) return false;
  const list = (process.env.ADMIN_EMAILS ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  return list.includes(email.toLowerCase());
}
