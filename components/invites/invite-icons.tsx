// Small inline icons for the landing page (no icon font, no network). Decorative unless labelled.

export function VerifiedBadge() {
  return (
    <svg
      role="img"
      aria-label="Verified"
      viewBox="0 0 24 24"
      className="size-6 shrink-0"
      data-testid="invite-verified"
    >
      <title>Verified</title>
      <path
        fill="var(--inv-accent)"
        d="M12 1.5l2.6 1.9 3.2-.1 1 3 2.6 1.9-1 3 1 3-2.6 1.9-1 3-3.2-.1L12 22.5l-2.6-1.9-3.2.1-1-3L2.6 15.8l1-3-1-3 2.6-1.9 1-3 3.2.1z"
      />
      <path
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M7.8 12.3l2.8 2.8 5.6-5.8"
      />
    </svg>
  );
}

/** The 20×20 line-icon frame every decorative icon here shares. */
function LineIcon({
  children,
  className = "size-4 shrink-0",
}: {
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
    >
      {children}
    </svg>
  );
}

export function HashIcon() {
  return (
    <LineIcon>
      <path d="M8 3L6 17M14 3l-2 14M3.5 7.5h14M2.5 12.5h14" />
    </LineIcon>
  );
}

export function ClockIcon() {
  return (
    <LineIcon>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 6v4.25l2.75 1.75" />
    </LineIcon>
  );
}

export function PeopleIcon() {
  return (
    <LineIcon>
      <circle cx="7.5" cy="7" r="3" />
      <path d="M2 16.5c.6-2.8 2.8-4.5 5.5-4.5s4.9 1.7 5.5 4.5M13 4.2a3 3 0 010 5.6M15 12.4c1.5.6 2.6 2 3 4.1" />
    </LineIcon>
  );
}

export function InfoIcon() {
  return (
    <LineIcon className="mt-0.5 size-4 shrink-0">
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 9v5M10 6.2v.1" />
    </LineIcon>
  );
}
