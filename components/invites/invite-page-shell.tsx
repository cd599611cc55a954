// The frame around every landing-page state: full-height page in the invite theme, the card centred,
// the guild's splash (INVITE_SPLASH) or a soft glow behind it, and a quiet footer.
import Link from "next/link";
import "./invite-landing.css";
import { Brand } from "@/components/app/brand";

export function InvitePageShell({
  children,
  splashUrl = null,
}: {
  children: React.ReactNode;
  splashUrl?: string | null;
}) {
  return (
    <div className="invite-theme relative isolate flex min-h-dvh flex-col bg-(--inv-page) text-(--inv-text)">
      {splashUrl ? (
        <div aria-hidden="true" className="fixed inset-0 -z-10" data-testid="invite-splash">
          {/* Decorative background; a failed load just leaves the plain page colour. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- icons come from the platform's media host; next/image would fetch them through this server */}
          <img src={splashUrl} alt="" referrerPolicy="no-referrer" className="size-full object-cover" />
          <div className="absolute inset-0 bg-black/55" />
        </div>
      ) : (
        <div
          aria-hidden="true"
          className="pointer-events-none fixed inset-0 -z-10"
          style={{
            background: "radial-gradient(ellipse 80% 60% at 50% 0%, var(--inv-page-glow), transparent 70%)",
          }}
        />
      )}
      <header className="flex items-center px-5 py-4 sm:px-8">
        {/* On a splash the mark sits on a light pill so it stays readable over any picture. */}
        <Link
          href="/about"
          aria-label="About Fluxer Invites"
          className={`rounded-full ${splashUrl ? "bg-white/90 px-3 py-1 text-zinc-900" : "text-(--inv-text)"}`}
        >
          <Brand />
        </Link>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-10 pt-2 sm:items-center sm:pb-20">
        <div className="w-full max-w-[440px]">{children}</div>
      </main>
    </div>
  );
}
