import { toGuildDto, toRoleDto } from "@/server/dto/guild";

type GuildRow = Parameters<typeof toGuildDto>[0];
type RoleRow = Parameters<typeof toRoleDto>[0] & { id: bigint };

/** The full guild object: the guild fields plus its roles, lowest position first. */
export function toGuildResponse(guild: GuildRow, roles: RoleRow[]) {
  const sorted = [...roles].sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { ...toGuildDto(guild), roles: sorted.map(toRoleDto) };
}
