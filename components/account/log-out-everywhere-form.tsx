import { SubmitButton } from "@/components/ui/submit-button";

/** One button posting the server action that ends every session of the user, this one included. */
export function LogOutEverywhereForm({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action} aria-label="Log out everywhere">
      <SubmitButton label="Log out everywhere" pendingLabel="Logging out…" size="md" variant="danger" />
    </form>
  );
}
