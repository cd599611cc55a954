"use client";

import { createElement, useEffect, useState } from "react";
import { ChannelIcon } from "@/components/ui/channel-icon";
import { channelLabel, isVoiceChannel, pickerGroups, type PickerChannel } from "@/lib/channels";
import { SelectField } from "./select-field";
import { useHydrated } from "./use-hydrated";

type ChannelSelectProps = {
  id: string;
  name: string;
  label: string;
  channels: readonly PickerChannel[];
  defaultValue: string;
  /** Choices before the channels, e.g. "All channels". */
  leadingOptions?: ReadonlyArray<{ value: string; label: string }>;
  error?: string;
  hint?: string;
  className?: string;
};

/**
 * Whether this browser draws <option> contents (icons) in its own picker (the customizable select), and,
 * one render later, whether the closed box may mirror the chosen option: <selectedcontent> copies the
 * option's contents when it is inserted, so it must arrive after the icons are in the options.
 */
function useRichSelect(): { isRich: boolean; hasSelectedContent: boolean } {
  const isHydrated = useHydrated();
  const [isRich, setRich] = useState(false);
  const [hasSelectedContent, setSelectedContent] = useState(false);
  // Each flag follows a render on purpose: the second must land one render after the first.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setRich(isHydrated && CSS.supports("appearance", "base-select")), [isHydrated]);
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setSelectedContent(isRich), [isRich]);
  return { isRich, hasSelectedContent };
}

/**
 * A native <select> of channels: categories as option groups, each channel with its type's icon. Every option
 * reads like the guild page ("#general", "Lounge (voice)"): that is all the server renders (so it works
 * without JavaScript and in every browser). Where the browser has the customizable select (`appearance:
 * base-select`, app/globals.css), the options then get their icons, drawn in the list and, through
 * <selectedcontent>, in the closed box; the words stay, visually hidden, for screen readers.
 */
export function ChannelSelect({
  id,
  name,
  label,
  channels,
  defaultValue,
  leadingOptions = [],
  error,
  hint,
  className,
}: ChannelSelectProps) {
  const { isRich, hasSelectedContent } = useRichSelect();
  return (
    <SelectField
      id={id}
      name={name}
      label={label}
      defaultValue={defaultValue}
      options={leadingOptions}
      error={error}
      hint={hint}
      className={className}
      selectClassName="channel-select"
    >
      {/* The closed box shows the chosen option's contents, icon included (added once the browser can). */}
      {hasSelectedContent ? <button type="button">{createElement("selectedcontent")}</button> : null}
      {pickerGroups(channels).map((group, index) =>
        group.category === null ? (
          group.channels.map((channel) => (
            <ChannelOption key={channel.id} channel={channel} isRich={isRich} />
          ))
        ) : (
          <optgroup key={`${group.category}-${index}`} label={group.category}>
            {group.channels.map((channel) => (
              <ChannelOption key={channel.id} channel={channel} isRich={isRich} />
            ))}
          </optgroup>
        ),
      )}
    </SelectField>
  );
}

function ChannelOption({ channel, isRich }: { channel: PickerChannel; isRich: boolean }) {
  if (!isRich) return <option value={channel.id}>{channelLabel(channel)}</option>;
  const isVoice = isVoiceChannel(channel.type);
  // The hidden words keep the option's text ("#general", what a form and a test read); aria-label says it
  // to screen readers in one piece (hidden spans would be read as "# general").
  return (
    <option value={channel.id} aria-label={channelLabel(channel)}>
      <ChannelIcon
        channelType={channel.type}
        className="channel-option-icon size-4 shrink-0 text-zinc-500 dark:text-zinc-400"
      />
      {isVoice ? null : <span className="sr-only">#</span>}
      <span>{channel.name}</span>
      {isVoice ? <span className="sr-only"> (voice)</span> : null}
    </option>
  );
}
