-- Browser sessions carry the session version of their user from the moment they were signed in; raising it
-- (log out everywhere, a password change) ends every session issued before. Sessions issued before this
-- column existed carry none and count as version 0, so they keep working until the first raise.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
