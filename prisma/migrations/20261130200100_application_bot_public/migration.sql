-- AlterTable: whether anyone with MANAGE_GUILD may add the bot to a guild (Discord's default: true), or only
-- the application's owner. Existing applications stay public, as they behaved until now.
ALTER TABLE "applications" ADD COLUMN "bot_public" BOOLEAN NOT NULL DEFAULT true;
