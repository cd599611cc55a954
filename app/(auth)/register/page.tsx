import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { afterLoginPath, safeNextPath, withNextParam } from "@/lib/urls";
import { getPageUser } from "@/server/auth/page-user";
import { registerAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getPageUser()) redirect(afterLoginPath(next));
  return (
    <AuthCard
      title="Create your account"
      subtitle="Start a guild, invite your friends, join theirs."
      footer={
        <>
          Already have an account?{" "}
          <Link href={withNextParam("/login", next)} className="font-medium text-brand-600 hover:underline dark:text-brand-400">
            Log in
          </Link>
        </>
      }
    >
      <RegisterForm action={registerAction} next={next} />
    </AuthCard>
  );
}
