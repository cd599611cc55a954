import Link from "next/link";

// A static page (prerendered at build time): what the product is. `npm run bench` also uses it as the
// framework's ceiling for serving HTML.
export const dynamic = "force-static";

export const metadata = { title: "About" };

export default function AboutPage() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Fluxer Invites</h1>
      <p className="mt-4 text-zinc-600 dark:text-zinc-300">
        A self-hostable invite service for Fluxer guilds: share a link, show people who they are joining, and
        let them in with one click. Guild admins create, pause and revoke invites and set a vanity URL; bots
        use the REST API under <code>/api/v1</code>.
      </p>
      <ul className="mt-6 list-disc space-y-1 pl-6 text-zinc-600 dark:text-zinc-300">
        <li>
          API reference:{" "}
          <a className="text-brand-600 underline dark:text-brand-400" href="/api/v1/openapi.json">
            OpenAPI document
          </a>
        </li>
        <li>
          <Link className="text-brand-600 underline dark:text-brand-400" href="/login">
            Log in
          </Link>{" "}
          or{" "}
          <Link className="text-brand-600 underline dark:text-brand-400" href="/register">
            create an account
          </Link>
        </li>
      </ul>
    </main>
  );
}
