import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { ReturnInviteCard } from "@/components/auth/return-invite-card";
import { signInErrorMessage } from "@/lib/messages";
import { afterLoginPath, safeNextPath, withNextParam } from "@/lib/urls";
import { getPageUser } from "@/server/auth/page-user";
import { registrationMode } from "@/server/config/registration";
import { loadReturnInvite } from "@/server/landing/load-return-invite";
import { loginAction } from "../actions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  // Auth.js's own endpoints send refused sign-ins here as ?error=CredentialsSignin&code=…
  const error = signInErrorMessage(params.error, params.code);
  if (await getPageUser()) redirect(afterLoginPath(next));
  const invite = await loadReturnInvite(next);
  return (
    <AuthCard
      title="Welcome back"
      invite={invite ? <ReturnInviteCard invite={invite} /> : null}
      subtitle={
        invite
          ? "Log in to accept your invite."
          : next
            ? "Log in to continue where you left off."
            : "Log in to manage your guilds and invites."
      }
      footer={
        // A closed instance takes no new accounts: no link to a page that would only say so.
        registrationMode() === "closed" ? null : (
          <>
            New here?{" "}
            <a
              href={withNextParam("/register", next)}
              className="font-medium text-brand-600 hover:underline dark:text-brand-400"
            >
              Create an account
            </a>
          </>
        )
      }
    >
      <LoginForm action={loginAction} next={next} error={error} />
    </AuthCard>
  );
}
