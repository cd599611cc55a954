"use client";
// A guild icon or user avatar that falls back to initials on a coloured tile when there is no image or
// the media CDN can't be reached (self-hosted instances often run without it).
import { useState } from "react";
import { initials } from "@/lib/guild-assets";

type Props = {
  name: string;
  src: string | null;
  hue: number;
  /** Tailwind size and text classes, e.g. "size-20 text-2xl". */
  className: string;
  shape?: "tile" | "circle";
};

export function InviteAvatar({ name, src, hue, className, shape = "tile" }: Props) {
  const [isBroken, setBroken] = useState(false);
  const rounding = shape === "circle" ? "rounded-full" : "rounded-[28%]";
  if (src && !isBroken) {
    return (
      // The image is decorative next to the visible name; alt="" keeps screen readers from reading it twice.
      // It comes from the platform's media host; next/image would fetch it through this server.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={src}
        alt=""
        referrerPolicy="no-referrer"
        onError={() => setBroken(true)}
        className={`${className} ${rounding} shrink-0 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${className} ${rounding} inline-flex shrink-0 select-none items-center justify-center font-semibold text-white`}
      style={{ background: `linear-gradient(135deg, hsl(${hue} 55% 40%), hsl(${(hue + 35) % 360} 60% 32%))` }}
    >
      {initials(name)}
    </span>
  );
}
