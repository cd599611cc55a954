"use client";

import { useEffect } from "react";

// Holds the gateway event stream open while a signed-in page is shown, so the user counts as online
// (spec section 8). EventSource reconnects by itself; closing on unmount ends the presence connection.
export function PresenceStream() {
  useEffect(() => {
    const source = new EventSource("/api/v1/gateway/events");
    return () => source.close();
  }, []);
  return null;
}
