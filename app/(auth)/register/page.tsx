import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { ReturnInviteCard } from "@/components/auth/return-invite-card";
import { afterLoginPath, safeNextPath, withNextParam } from "@/lib/urls";
import { getPageUser } from "@/server/auth/page-user";
import { loadReturnInvite } from "@/server/landing/load-return-invite";
import { registerAction } from "../actions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getPageUser()) redirect(afterLoginPath(next));
  const invite = await loadReturnInvite(next);
  return (
    <AuthCard
      title="Create your account"
      invite={invite ? <ReturnInviteCard invite={invite} /> : null}
      subtitle={
        invite
          ? "Create an account to accept your invite."
          : "Start a guild, invite your friends, join theirs."
      }
      footer={
        <>
          Already have an account?{" "}
          <a
            href={withNextParam("/login", next)}
            className="font-medium text-brand-600 hover:underline dark:text-brand-400"
          >
            Log in
          </a>
        </>
      }
    >
      <RegisterForm action={registerAction} next={next} />
    </AuthCard>
  );
}
