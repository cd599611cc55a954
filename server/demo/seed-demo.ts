import type { PrismaClient } from "@/server/db";

/** Seeds the demo world once, on an empty database. (Filled in by the demo-data work.) */
export async function seedDemoIfEmpty(prisma: PrismaClient): Promise<void> {
  const users = await prisma.user.count();
  if (users > 0) return;
}
