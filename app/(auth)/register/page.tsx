import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { ReturnInviteCard } from "@/components/auth/return-invite-card";
import { buttonClasses } from "@/components/ui/button";
import { isLookupCode } from "@/lib/invite-code";
import { REGISTER_MESSAGES } from "@/lib/messages";
import { afterLoginPath, inviteCodeOfPath, safeNextPath, withNextParam } from "@/lib/urls";
import { getPageUser } from "@/server/auth/page-user";
import { registrationMode } from "@/server/config/registration";
import { loadReturnInvite } from "@/server/landing/load-return-invite";
import { registerAction } from "../actions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The code to fill in: the invite's page sends `?invite=CODE`; the login page's link keeps only `next`. */
function prefilledCode(invite: unknown, next: string | null): string {
  if (typeof invite === "string" && isLookupCode(invite)) return invite;
  return inviteCodeOfPath(next) ?? "";
}

export default async function RegisterPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getPageUser()) redirect(afterLoginPath(next));
  const mode = registrationMode();
  const logInLink = (
    <a
      href={withNextParam("/login", next)}
      className="font-medium text-brand-600 hover:underline dark:text-brand-400"
    >
      Log in
    </a>
  );
  // Closed: no form to fill in for nothing. The instance's admins register through the API (docs/api.md).
  if (mode === "closed") {
    return (
      <AuthCard title={REGISTER_MESSAGES.closedTitle} subtitle={REGISTER_MESSAGES.closed} footer={null}>
        <a href={withNextParam("/login", next)} className={buttonClasses({ className: "w-full" })}>
          Log in
        </a>
      </AuthCard>
    );
  }
  const invite = await loadReturnInvite(next);
  const isInviteOnly = mode === "invite";
  return (
    <AuthCard
      title="Create your account"
      invite={invite ? <ReturnInviteCard invite={invite} /> : null}
      subtitle={
        invite
          ? "Create an account to accept your invite."
          : isInviteOnly
            ? REGISTER_MESSAGES.inviteOnly
            : "Start a guild, invite your friends, join theirs."
      }
      footer={<>Already have an account? {logInLink}</>}
    >
      <RegisterForm
        action={registerAction}
        next={next}
        inviteCode={isInviteOnly ? { defaultValue: prefilledCode(params.invite, next) } : null}
      />
    </AuthCard>
  );
}
