-- The vanity URL's use count belongs to the guild, not to one spelling of it: when a guild changes or removes
-- its vanity code, the uses of the code it gives up are kept here, and GET /guilds/{id}/vanity-url answers
-- this plus the current code's own uses.
ALTER TABLE "guilds" ADD COLUMN "retired_vanity_uses" INTEGER NOT NULL DEFAULT 0;
