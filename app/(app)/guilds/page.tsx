import { redirect } from "next/navigation";
import { CreateGuildForm, type CreateGuildState } from "@/components/guilds/create-guild-form";
import { GuildList, GuildListEmpty } from "@/components/guilds/guild-list";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/errors";
import { formText } from "@/lib/form-data";
import { createGuildSchema } from "@/lib/schemas/guilds";
import { requirePageUser } from "@/server/auth/page-user";
import { createGuild } from "@/server/guilds/create-guild";
import { listUserGuilds } from "@/server/guilds/list-user-guilds";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "My guilds" };

// Form action: create a guild owned by the signed-in user, then open its page.
async function createGuildAction(_state: CreateGuildState, formData: FormData): Promise<CreateGuildState> {
  "use server";
  const user = await requirePageUser("/guilds");
  const name = formText(formData, "name");
  const parsed = createGuildSchema.safeParse({ name });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter a guild name", name };
  let guildId: bigint;
  try {
    guildId = (await createGuild(user.id, parsed.data.name)).id;
  } catch (error) {
    if (error instanceof ApiError && error.code === "MAX_GUILDS")
      return { error: "You are already in 100 guilds, the most allowed. Leave one first.", name };
    throw error;
  }
  redirect(`/guilds/${guildId}`);
}

export default async function GuildsPage() {
  const user = await requirePageUser("/guilds");
  const guilds = await listUserGuilds(user.id);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My guilds</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {guilds.length === 0
            ? "You are not in any guild yet."
            : `You are a member of ${guilds.length} ${guilds.length === 1 ? "guild" : "guilds"}.`}
        </p>
      </div>
      {guilds.length === 0 ? <GuildListEmpty /> : <GuildList guilds={guilds} />}
      <Card className="p-4 sm:p-6">
        <h2 className="font-semibold">Create a guild</h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          You will own it; it starts with a #general channel.
        </p>
        <CreateGuildForm action={createGuildAction} />
      </Card>
    </div>
  );
}
