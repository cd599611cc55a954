import { isVoiceChannel } from "@/lib/channels";
import { HashIcon, SpeakerIcon } from "./icons";
import type { SVGProps } from "react";

/** A channel's type as an icon: # for text, a speaker for voice. `data-channel-icon` names it for tests and styles. */
export function ChannelIcon({ channelType, ...props }: { channelType: number } & SVGProps<SVGSVGElement>) {
  return isVoiceChannel(channelType) ? (
    <SpeakerIcon data-channel-icon="voice" {...props} />
  ) : (
    <HashIcon data-channel-icon="text" {...props} />
  );
}
