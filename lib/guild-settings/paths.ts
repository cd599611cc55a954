// Links between the settings pages. Query parameters drive what works without JavaScript: the filters
// (?channel, ?inviter), the open dialogs (?create=1, ?revoke=CODE) and the "revoked" notice.

type Query = Record<string, string | null | undefined>;

function withQuery(path: string, query: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export function invitesSettingsPath(guildId: string, query: Query = {}): string {
  return withQuery(`/guilds/${guildId}/settings/invites`, query);
}

export function vanitySettingsPath(guildId: string): string {
  return `/guilds/${guildId}/settings/vanity`;
}

export function analyticsSettingsPath(guildId: string, query: Query = {}): string {
  return withQuery(`/guilds/${guildId}/settings/analytics`, query);
}

export function inviteAnalyticsPath(guildId: string, code: string, query: Query = {}): string {
  return withQuery(`/guilds/${guildId}/settings/analytics/${encodeURIComponent(code)}`, query);
}
