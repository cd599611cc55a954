import { redirect } from "next/navigation";

type Props = PageProps<"/guilds/[guildId]/settings">;

// /guilds/{id}/settings has no page of its own: the invites page is the first tab (and checks access).
export default async function SettingsIndexPage({ params }: Props) {
  const { guildId } = await params;
  redirect(`/guilds/${encodeURIComponent(guildId)}/settings/invites`);
}
