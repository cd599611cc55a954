"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Input } from "@/components/ui/input";
import { LIMITS } from "@/lib/constants";
import { checkVanityDraft, vanityMessage } from "@/lib/guild-settings/vanity-rules";
import { SettingsDialog } from "./settings-dialog";
import { useHydrated } from "./use-hydrated";
import type { VanityAction, VanityFormState } from "@/lib/guild-settings/form-states";

type VanityFormProps = {
  action: VanityAction;
  guildId: string;
  baseUrl: string;
  currentCode: string | null;
  /** The page was opened with ?remove=1 (the no-JavaScript way to open the confirmation). */
  isConfirmingRemove: boolean;
  /** The page itself, without ?remove=1. */
  pagePath: string;
};

type Availability = { code: string; status: "available" | "taken" | "current" | "error" };

const IDLE: VanityFormState = { status: "idle" };
const CHECK_DELAY_MS = 350;

/** Asks the server (debounced) whether the draft's code is free; never more than one request in flight. */
function useAvailability(
  guildId: string,
  code: string,
  isValid: boolean,
  currentCode: string | null,
): Availability | null {
  const isHydrated = useHydrated();
  const [result, setResult] = useState<Availability | null>(null);
  useEffect(() => {
    if (!isHydrated || !isValid || code === currentCode) return;
    const controller = new AbortController();
    const check = async () => {
      try {
        const response = await fetch(
          `/guilds/${guildId}/settings/vanity/availability?code=${encodeURIComponent(code)}`,
          { signal: controller.signal },
        );
        const body = response.ok ? ((await response.json()) as Availability) : null;
        setResult(body && body.code === code ? body : { code, status: "error" });
      } catch (error) {
        if (!controller.signal.aborted) setResult({ code, status: "error" });
        void error;
      }
    };
    const timer = setTimeout(() => void check(), CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [isHydrated, guildId, code, isValid, currentCode]);
  if (isValid && code === currentCode) return { code, status: "current" };
  return result?.code === code ? result : null;
}

type Message = { tone: "error" | "success" | "muted"; text: string };

/** Set, change or clear the vanity code, with the rules checked while typing and a preview of the link. */
export function VanityForm({
  action,
  guildId,
  baseUrl,
  currentCode,
  isConfirmingRemove,
  pagePath,
}: VanityFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const router = useRouter();
  const [isRemoving, setRemoving] = useState(isConfirmingRemove && currentCode !== null);
  const closeRemove = () => {
    setRemoving(false);
    if (new URLSearchParams(window.location.search).has("remove"))
      router.replace(pagePath, { scroll: false });
  };
  const [draft, setDraft] = useState(state.value ?? currentCode ?? "");
  // The server's answer is shown until the field is edited again.
  const [isEdited, setEdited] = useState(false);
  const isHydrated = useHydrated();

  // After a save or a clear, the field shows what the server stored (adjusted while rendering, the moment a
  // new answer arrives, rather than one render late from an effect).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setEdited(false);
    if (state.status === "saved" || state.status === "cleared") setDraft(state.value ?? "");
    if (state.status === "cleared") setRemoving(false);
  }

  const check = checkVanityDraft(draft);
  const isEmpty = draft.trim() === "";
  const availability = useAvailability(guildId, check.code, !check.error, currentCode);
  const isSubmitted = state.status !== "idle" && !isEdited;

  let message: Message | null = null;
  if (isSubmitted && state.status === "error")
    message = { tone: "error", text: state.error ?? "Something went wrong." };
  else if (isSubmitted && state.status === "saved")
    message = { tone: "success", text: `Saved. Your vanity URL is now ${baseUrl}/${state.value}` };
  else if (isSubmitted && state.status === "cleared")
    message = {
      tone: "success",
      text: `Vanity URL removed. It stays reserved for this guild for ${LIMITS.VANITY_CODE_LOCK_DAYS} days.`,
    };
  else if (isEmpty) message = { tone: "muted", text: "3 to 32 characters: letters a-z, digits and hyphens." };
  else if (check.error) message = { tone: "error", text: check.error };
  else if (availability?.status === "current")
    message = { tone: "muted", text: "This is your current vanity URL." };
  else if (availability?.status === "available")
    message = { tone: "success", text: `“${check.code}” is available.` };
  else if (availability?.status === "taken")
    message = { tone: "error", text: vanityMessage("VANITY_URL_CODE_ALREADY_TAKEN") };
  else if (availability?.status === "error")
    message = { tone: "muted", text: "Couldn't check availability right now; saving will tell." };
  else if (isHydrated) message = { tone: "muted", text: "Checking availability…" };

  const isBlocked =
    isHydrated &&
    (isEmpty || Boolean(check.error) || availability?.status === "taken" || check.code === currentCode);
  return (
    <>
      <form action={formAction} className="space-y-4" noValidate>
        <div className="space-y-1.5">
          <label htmlFor="vanity-code" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Vanity code
          </label>
          <Input
            id="vanity-code"
            name="code"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setEdited(true);
            }}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            placeholder="e.g. weekend-raiders"
            isInvalid={message?.tone === "error"}
            aria-describedby="vanity-code-message vanity-preview"
            className="font-mono"
          />
          <p
            id="vanity-code-message"
            role={message?.tone === "error" ? "alert" : "status"}
            data-testid="vanity-message"
            className={cx(
              "min-h-5 text-sm",
              message?.tone === "error" && "text-red-600 dark:text-red-400",
              message?.tone === "success" && "text-emerald-700 dark:text-emerald-400",
              message?.tone === "muted" && "text-zinc-500 dark:text-zinc-400",
            )}
          >
            {message?.text}
          </p>
        </div>
        <div className="rounded-lg bg-zinc-50 px-3 py-2.5 text-sm dark:bg-zinc-950">
          <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">
            Your link will be
          </span>
          <span
            id="vanity-preview"
            data-testid="vanity-preview"
            className={cx(
              "font-mono break-all",
              check.error || isEmpty ? "text-zinc-400" : "text-zinc-900 dark:text-zinc-100",
            )}
          >
            {baseUrl}/{isEmpty ? "your-code" : check.code}
          </span>
        </div>
        <div className="flex flex-col sm:flex-row-reverse">
          <IntentButton
            intent="save"
            label={currentCode ? "Change vanity URL" : "Set vanity URL"}
            pendingLabel="Saving…"
            variant="primary"
            isDisabled={isBlocked}
          />
        </div>
      </form>
      {currentCode ? (
        <RemoveVanity
          url={`${baseUrl}/${currentCode}`}
          code={currentCode}
          formAction={formAction}
          isOpen={isRemoving}
          onOpen={() => setRemoving(true)}
          onClose={closeRemove}
          pagePath={pagePath}
        />
      ) : null}
    </>
  );
}

type RemoveVanityProps = {
  url: string;
  code: string;
  formAction: (formData: FormData) => void;
  isOpen: boolean;
  onOpen: () => void;
  onClose: () => void;
  pagePath: string;
};

/**
 * "Remove vanity URL", apart from the save button and behind a confirmation: the link dies at once and the
 * code stays reserved for the guild. Without JavaScript the button loads the page with ?remove=1, which
 * shows the confirmation in place.
 */
function RemoveVanity({ url, code, formAction, isOpen, onOpen, onClose, pagePath }: RemoveVanityProps) {
  const days = LIMITS.VANITY_CODE_LOCK_DAYS;
  return (
    <div className="flex flex-col gap-3 border-t border-zinc-200 pt-4 sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Removing it stops the link at once; the code stays reserved for this guild for {days} days.
      </p>
      <form method="get" action={pagePath}>
        <button
          type="submit"
          name="remove"
          value="1"
          onClick={(event) => {
            event.preventDefault();
            onOpen();
          }}
          className={buttonClasses({ variant: "danger-outline", className: "w-full sm:w-auto" })}
        >
          Remove vanity URL
        </button>
      </form>
      <SettingsDialog
        isOpen={isOpen}
        onClose={onClose}
        title="Remove the vanity URL?"
        closeHref={pagePath}
        testId="remove-vanity-dialog"
      >
        <form action={formAction} className="space-y-4">
          <input type="hidden" name="intent" value="clear" />
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <span className="font-mono break-all">{url}</span> stops working at once: people who open it see
            that the invite is invalid.
          </p>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            The code <span className="font-mono font-semibold">{code}</span> stays reserved for this guild for{" "}
            {days} days: no other guild can take it, and you can set it again meanwhile.
          </p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <a
              href={pagePath}
              onClick={(e) => (e.preventDefault(), onClose())}
              className={buttonClasses({ variant: "secondary" })}
            >
              Cancel
            </a>
            <IntentButton
              intent="clear"
              label="Remove vanity URL"
              pendingLabel="Removing…"
              variant="danger"
            />
          </div>
        </form>
      </SettingsDialog>
    </div>
  );
}

type IntentButtonProps = {
  intent: "save" | "clear";
  label: string;
  pendingLabel: string;
  variant: "primary" | "danger";
  isDisabled?: boolean;
};

function IntentButton({ intent, label, pendingLabel, variant, isDisabled = false }: IntentButtonProps) {
  const { pending, data } = useFormStatus();
  const isMine = pending && data?.get("intent") === intent;
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending || isDisabled}
      className={buttonClasses({ variant })}
    >
      {isMine ? (
        <span
          aria-hidden
          className="size-4 animate-spin rounded-full border-2 border-current/30 border-t-current"
        />
      ) : null}
      {isMine ? pendingLabel : label}
    </button>
  );
}
