"use client";

import { useEffect } from "react";
import { openGatewayStream } from "@/lib/gateway-stream";

// Holds the gateway event stream open while a signed-in page is shown, so the user counts as online.
// It reconnects after any loss; closing on unmount ends the presence connection.
export function PresenceStream() {
  useEffect(() => openGatewayStream("/api/v1/gateway/events", {}), []);
  return null;
}
