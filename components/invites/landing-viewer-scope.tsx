"use client";
// The wrapper of the landing page's primary action: every viewer's variant is inside, and its attribute says
// which one shows (invite-landing.css). The HTML of a cached page gets the attribute and the viewer's name set
// per response by the HTTP server, after React rendered it for an anonymous viewer, so on those pages the
// DOM, not the props, says who is looking: hydration keeps the DOM's values (suppressHydrationWarning).
//
// Next keeps a page's render in its client-side router cache and mounts it again on Back and Forward. That
// mount builds the DOM from the props (the anonymous render of a cached page), so the values the first mount
// of this render found in the DOM are remembered here and put back.
import { useLayoutEffect, useRef } from "react";
import { VIEWER_ATTRIBUTE, VIEWER_NAME_ATTRIBUTE, type LandingViewerKind } from "@/lib/landing-viewer";

type Props = {
  viewer: LandingViewerKind;
  /** Identifies this render of the page (a new render never reuses what an older one remembered). */
  renderKey: string;
  children: React.ReactNode;
};

const seenByRender = new Map<string, { viewer: string; name: string }>();

export function LandingViewerScope({ viewer, renderKey, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const nameElement = root.querySelector(`[${VIEWER_NAME_ATTRIBUTE}]`);
    const seen = seenByRender.get(renderKey);
    if (seen) {
      root.setAttribute(VIEWER_ATTRIBUTE, seen.viewer);
      if (nameElement) nameElement.textContent = seen.name;
      return;
    }
    seenByRender.set(renderKey, {
      viewer: root.getAttribute(VIEWER_ATTRIBUTE) ?? "anonymous",
      name: nameElement?.textContent ?? "",
    });
  }, [renderKey]);
  const attributes = { [VIEWER_ATTRIBUTE]: viewer };
  return (
    <div ref={ref} {...attributes} suppressHydrationWarning className="mt-6">
      {children}
    </div>
  );
}

/** The viewer the page shows, read from the DOM (see above): what client code must use, never a prop. */
export function viewerShownAround(element: Element | null): string | null {
  return element?.closest(`[${VIEWER_ATTRIBUTE}]`)?.getAttribute(VIEWER_ATTRIBUTE) ?? null;
}
