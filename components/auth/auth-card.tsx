import { Card } from "@/components/ui/card";
import type { ReactNode } from "react";

type Props = {
  title: string;
  subtitle: string;
  /** The line under the card; null leaves it out. */
  footer: ReactNode;
  children: ReactNode;
  invite?: ReactNode;
};

/** The login/register card: the invite being accepted (if any), heading, the form, and a line linking to the other page. */
export function AuthCard({ title, subtitle, footer, children, invite }: Props) {
  return (
    <>
      <Card className="p-6 sm:p-8">
        {invite}
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600 dark:text-zinc-400">{subtitle}</p>
        {children}
      </Card>
      {footer ? <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">{footer}</p> : null}
    </>
  );
}
