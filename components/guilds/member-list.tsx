import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { CrownIcon } from "@/components/ui/icons";
import type { OverviewMember } from "@/lib/guilds/overview";

function roleColor(color: number): string | undefined {
  return color > 0 ? `#${color.toString(16).padStart(6, "0")}` : undefined;
}

function MemberRow({ member }: { member: OverviewMember }) {
  const name = member.nick ?? member.username;
  const topColor = roleColor(member.roles[0]?.color ?? 0);
  return (
    <li className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-1 px-4 py-2.5 sm:grid-cols-[auto_minmax(0,1fr)_auto]">
      <Avatar
        name={member.username}
        size="sm"
        className="row-span-2 self-start sm:row-span-1 sm:self-center"
      />
      <div className="min-w-0">
        <p
          className="flex items-center gap-1.5 text-sm font-medium"
          style={topColor ? { color: topColor } : undefined}
        >
          <span className="truncate">{name}</span>
          {member.isOwner ? (
            <CrownIcon className="size-3.5 shrink-0 text-amber-500" aria-label="Owner" />
          ) : null}
        </p>
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
          {member.username}#{String(member.discriminator).padStart(4, "0")}
        </p>
      </div>
      {member.isBot || member.roles.length > 0 ? (
        <div className="col-start-2 flex flex-wrap gap-1 sm:col-start-3 sm:justify-end" aria-label="Roles">
          {member.isBot ? <Badge tone="brand">Bot</Badge> : null}
          {member.roles.map((role) => (
            <Badge key={role.id} dotColor={roleColor(role.color) ?? "#a1a1aa"}>
              {role.name}
            </Badge>
          ))}
        </div>
      ) : null}
    </li>
  );
}

/** The first members with their roles; the header gives the guild's total. */
export function MemberList({ members, total }: { members: OverviewMember[]; total: number }) {
  const shown =
    members.length < total
      ? `${members.length} of ${total.toLocaleString("en-US")}`
      : total.toLocaleString("en-US");
  return (
    <Card>
      <CardHeader title="Members" aside={shown} id="members-heading" />
      <ul
        aria-labelledby="members-heading"
        className="divide-y divide-zinc-100 dark:divide-zinc-800"
        data-testid="member-list"
      >
        {members.map((member) => (
          <MemberRow key={member.userId} member={member} />
        ))}
      </ul>
      {members.length < total ? (
        <p className="border-t border-zinc-100 px-4 py-3 text-center text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          Showing the first {members.length} members.
        </p>
      ) : null}
    </Card>
  );
}
