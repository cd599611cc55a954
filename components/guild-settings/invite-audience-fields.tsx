// The create-invite form's "who gets what" part: roles the invite gives (only those the viewer may give, as
// the server computed them) and "Only for specific people" with the people it is for. The people box shows
// only while the switch is on, by CSS (no JavaScript needed); it is sent either way and read only when on.
import { cx } from "@/components/ui/cx";
import type { RoleOption } from "@/lib/guild-settings/views";

const colorOf = (color: number) => (color === 0 ? "#a1a1aa" : `#${color.toString(16).padStart(6, "0")}`);

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-red-600 dark:text-red-400">
      {message}
    </p>
  ) : null;
}

export function InviteRolePicker({
  roles,
  checked,
  error,
}: {
  roles: RoleOption[];
  checked: string[];
  error?: string;
}) {
  if (roles.length === 0) return null;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "invite-roles-error" : "invite-roles-hint"}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Give roles <span className="font-normal text-zinc-500">(optional)</span>
      </legend>
      <p id="invite-roles-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
        Everyone who accepts gets these roles, members who already joined included. Only roles you can give
        are listed.
      </p>
      <div className="flex max-h-40 flex-wrap gap-2 overflow-y-auto" data-testid="invite-role-picker">
        {roles.map((role) => (
          <label
            key={role.id}
            className="flex cursor-pointer items-center gap-2 rounded-full border border-zinc-200 px-3 py-1 text-sm has-checked:border-brand-500 has-checked:bg-brand-50 dark:border-zinc-700 dark:has-checked:bg-brand-950"
          >
            <input
              type="checkbox"
              name="role_ids"
              value={role.id}
              defaultChecked={checked.includes(role.id)}
              className="size-4 accent-brand-600"
            />
            <span
              aria-hidden
              className="size-2.5 rounded-full"
              style={{ backgroundColor: colorOf(role.color) }}
            />
            {role.name}
          </label>
        ))}
      </div>
      <FieldError id="invite-roles-error" message={error} />
    </fieldset>
  );
}

export function InviteTargetsField({
  isTargeted,
  targets,
  error,
}: {
  isTargeted: boolean;
  targets: string;
  error?: string;
}) {
  return (
    <div className="group space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <label htmlFor="invite-targeted" className="flex cursor-pointer items-start justify-between gap-4">
        <span>
          <span className="block text-sm font-medium">Only for specific people</span>
          <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">
            Nobody else can see or use the link; to them it looks like an invalid invite.
          </span>
        </span>
        <input
          id="invite-targeted"
          name="targeted"
          type="checkbox"
          defaultChecked={isTargeted}
          className="mt-0.5 size-4 accent-brand-600"
        />
      </label>
      <div className="hidden space-y-1.5 group-has-[#invite-targeted:checked]:block">
        <label
          htmlFor="invite-targets"
          className="block text-sm font-medium text-zinc-800 dark:text-zinc-200"
        >
          People
        </label>
        <textarea
          id="invite-targets"
          name="targets"
          rows={3}
          defaultValue={targets}
          placeholder={"alice\nbob#0042\n123456789012345678"}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "invite-targets-error" : "invite-targets-hint"}
          className={cx(
            "block w-full rounded-lg border bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs dark:bg-zinc-900 dark:text-zinc-100",
            error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700",
          )}
        />
        <p id="invite-targets-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
          Usernames, name#tag or user ids, one per line or separated by commas; up to 1000 people.
        </p>
        <FieldError id="invite-targets-error" message={error} />
      </div>
    </div>
  );
}
