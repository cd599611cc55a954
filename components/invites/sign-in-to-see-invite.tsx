"use client";
// On the unknown-invite page: a way to sign in and come back to the very link that was opened. An invite meant
// for specific people shows this page to everyone signed out, so its target needs the way in; every unknown
// code gets the same link, so it tells nobody that this code is real.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { withNextParam } from "@/lib/urls";

export function SignInToSeeInvite() {
  const pathname = usePathname();
  return (
    <p className="mt-4 text-sm text-(--inv-muted)">
      Was this invite sent to you?{" "}
      <Link
        href={withNextParam("/login", pathname)}
        className="font-semibold text-(--inv-link) underline underline-offset-2"
        data-testid="invite-invalid-sign-in"
      >
        Log in to see it
      </Link>
    </p>
  );
}
