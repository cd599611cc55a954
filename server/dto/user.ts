// DTO mappers are the only way rows reach the wire: ids become strings, private fields never leave.

type UserRow = {
  id: bigint;
  username: string;
  discriminator: number;
  avatarHash: string | null;
  isBot: boolean;
};

/** The public partial user: never email or anything private. */
export function toPartialUserDto(user: UserRow) {
  return {
    id: user.id.toString(),
    username: user.username,
    discriminator: user.discriminator,
    avatar_hash: user.avatarHash,
    ...(user.isBot ? { bot: true } : {}),
  };
}

/** The caller's own user: adds email and whether they are an instance admin. */
export function toSelfUserDto(user: UserRow & { email: string | null }, isAdmin: boolean) {
  return { ...toPartialUserDto(user), email: user.email, is_admin: isAdmin, bot: user.isBot };
}
