import { ChangePasswordForm } from "@/components/account/change-password-form";
import { LogOutEverywhereForm } from "@/components/account/log-out-everywhere-form";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-user";
import { changePasswordAction, logOutEverywhereAction } from "./actions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requirePageUser("/account");
  const isChanged = (await searchParams).password === "changed";
  return (
    <div className="mx-auto max-w-xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="account-identity">
          {user.username}#{String(user.discriminator).padStart(4, "0")} · {user.email}
        </p>
      </div>
      <Card className="p-4 sm:p-6">
        <h2 className="font-semibold">Change password</h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Every other browser and every API token of yours is signed out; this browser stays signed in.
        </p>
        <ChangePasswordForm action={changePasswordAction} isChanged={isChanged} />
      </Card>
      <Card className="p-4 sm:p-6">
        <h2 className="font-semibold">Log out everywhere</h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Ends every session of your account at once: every browser, this one included, and every API token.
          Bots of your applications keep their tokens.
        </p>
        <LogOutEverywhereForm action={logOutEverywhereAction} />
      </Card>
    </div>
  );
}
