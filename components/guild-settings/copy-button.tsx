"use client";

import { useEffect, useState } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";
import { useHydrated } from "./use-hydrated";

type CopyButtonProps = {
  value: string;
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

/** Copies `value` to the clipboard and says "Copied!" for two seconds. Hidden without JavaScript (nothing to run). */
export function CopyButton({
  value,
  label = "Copy",
  variant = "primary",
  size = "md",
  className,
}: CopyButtonProps) {
  const isHydrated = useHydrated();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), 2000);
    return () => clearTimeout(timer);
  }, [status]);

  if (!isHydrated) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      setStatus("failed"); // e.g. permission denied, or not a secure context
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      className={buttonClasses({ variant, size, className: `min-w-24 ${className ?? ""}` })}
    >
      {status === "copied" ? <CheckIcon className="size-4" /> : <CopyIcon className="size-4" />}
      <span aria-live="polite">
        {status === "copied" ? "Copied!" : status === "failed" ? "Copy failed" : label}
      </span>
    </button>
  );
}
