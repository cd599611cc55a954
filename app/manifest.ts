import type { MetadataRoute } from "next";

// GET /manifest.webmanifest: what a phone needs to put the app on its home screen. The icons are drawn by
// scripts/make-icons.mts from the app's mark (lib/brand-mark.ts).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Fluxer Invites",
    short_name: "Fluxer",
    description: "Invite people to your Fluxer guilds.",
    start_url: "/guilds",
    display: "standalone",
    background_color: "#fafafa",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
