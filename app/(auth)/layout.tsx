import Link from "next/link";
import { Brand } from "@/components/app/brand";

// Signed-out pages: one centred card under the brand mark.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="relative flex min-h-screen flex-col items-center justify-center overflow-hidden px-4 py-10 sm:py-16">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-80 bg-gradient-to-b from-brand-100/70 to-transparent dark:from-brand-500/10"
      />
      <Link href="/" className="mb-8 rounded-md focus-visible:outline-2 focus-visible:outline-brand-500" aria-label="Fluxer Invites home">
        <Brand className="text-lg" />
      </Link>
      <main className="w-full max-w-sm">{children}</main>
    </div>
  );
}
