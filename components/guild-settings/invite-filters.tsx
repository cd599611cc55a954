"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { ChannelSelect } from "./channel-select";
import { SelectField } from "./select-field";
import { useHydrated } from "./use-hydrated";
import type { PickerChannel } from "@/lib/channels";

type InviteFiltersProps = {
  basePath: string;
  channels: PickerChannel[];
  inviters: { id: string; username: string }[];
  channel: string | null;
  inviter: string | null;
};

/**
 * Channel and inviter filters as a GET form, so they live in the URL and work without JavaScript (an
 * "Apply" button); with JavaScript a change applies at once.
 */
export function InviteFilters({ basePath, channels, inviters, channel, inviter }: InviteFiltersProps) {
  const router = useRouter();
  const isHydrated = useHydrated();
  const apply = (form: HTMLFormElement) => {
    const query = new URLSearchParams();
    for (const name of ["channel", "inviter"]) {
      const value = new FormData(form).get(name);
      if (typeof value === "string" && value !== "") query.set(name, value);
    }
    const search = query.toString();
    router.replace(search ? `${basePath}?${search}` : basePath, { scroll: false });
  };
  const isFiltered = Boolean(channel || inviter);
  return (
    <form
      method="get"
      action={basePath}
      onChange={(event) => apply(event.currentTarget)}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      aria-label="Filter invites"
    >
      <ChannelSelect
        id="filter-channel"
        name="channel"
        label="Channel"
        channels={channels}
        defaultValue={channel ?? ""}
        leadingOptions={[{ value: "", label: "All channels" }]}
        className="sm:w-56"
      />
      <SelectField
        id="filter-inviter"
        name="inviter"
        label="Inviter"
        defaultValue={inviter ?? ""}
        options={[
          { value: "", label: "Anyone" },
          ...inviters.map((u) => ({ value: u.id, label: u.username })),
        ]}
        className="sm:w-56"
      />
      {!isHydrated ? (
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Apply
        </button>
      ) : null}
      {isFiltered ? (
        <Link href={basePath} scroll={false} className={buttonClasses({ variant: "ghost" })}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
