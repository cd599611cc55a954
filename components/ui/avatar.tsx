import { initials } from "@/lib/guild-assets";
import { cx } from "./cx";

const SIZES = {
  xs: "size-6 text-[10px]",
  sm: "size-8 text-xs",
  md: "size-10 text-sm",
  lg: "size-14 text-lg",
  xl: "size-20 text-2xl",
} as const;

// Fallback backgrounds, picked from the name so a guild or user keeps its colour.
// 700 shades: white initials on them pass WCAG AA contrast (4.5:1) even at small sizes.
const PALETTE = [
  "bg-indigo-700",
  "bg-sky-700",
  "bg-emerald-700",
  "bg-amber-700",
  "bg-rose-700",
  "bg-violet-700",
  "bg-teal-700",
  "bg-orange-700",
];

function paletteFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

type AvatarProps = {
  name: string;
  src?: string | null;
  size?: keyof typeof SIZES;
  shape?: "circle" | "rounded";
  className?: string;
};

/** An image, or the name's initials on a colour picked from the name. */
export function Avatar({ name, src, size = "md", shape = "circle", className }: AvatarProps) {
  const classes = cx(
    "inline-flex shrink-0 items-center justify-center overflow-hidden font-semibold select-none",
    SIZES[size],
    shape === "circle" ? "rounded-full" : "rounded-2xl",
    className,
  );
  if (src) {
    // eslint-disable-next-line @next/next/no-img-element -- small local SVGs; next/image adds nothing here
    return <img src={src} alt="" className={cx(classes, "object-cover")} />;
  }
  return (
    <span aria-hidden className={cx(classes, paletteFor(name), "text-white")}>
      {initials(name)}
    </span>
  );
}
