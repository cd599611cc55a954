import { Brand } from "@/components/app/brand";

// Signed-out pages: one centred card under the brand mark. Their links are plain anchors, not next/link:
// these pages are a form and little else, and without a Link on them the browser neither loads the client
// router's link code nor prefetches the pages they point to while the visitor is typing (measured with
// `npm run lighthouse`, docs/benchmarks.md).
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="relative flex min-h-screen flex-col items-center justify-center overflow-hidden px-4 py-10 sm:py-16">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-80 bg-gradient-to-b from-brand-100/70 to-transparent dark:from-brand-500/10"
      />
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- plain anchors on purpose, see above */}
      <a
        href="/"
        className="mb-8 rounded-md focus-visible:outline-2 focus-visible:outline-brand-500"
        aria-label="Fluxer Invites home"
      >
        <Brand className="text-lg" />
      </a>
      <main className="w-full max-w-sm">{children}</main>
    </div>
  );
}
