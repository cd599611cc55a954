// `npm run db:seed`: seeds the demo world into DATABASE_URL when it has no users yet.
import { openDatabase } from "../server/db/index";
import { seedDemoIfEmpty } from "../server/demo/seed-demo";

const database = await openDatabase();
await seedDemoIfEmpty(database.prisma);
await database.close();
