import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/caller";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? "/guilds" : "/login");
}
