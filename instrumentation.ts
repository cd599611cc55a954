// Runs once when the server process starts: open the database (applying migrations) before the first
// request, and seed the demo world on an empty embedded database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./server/boot/boot");
  await boot();
}
