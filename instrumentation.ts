/** Runs once when the server starts: migrate and load sample data before the first request, not during it. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { recordPeerAddresses } = await import("@/lib/server/peer-address");
  recordPeerAddresses(); // the client address of rate limits comes from the socket (lib/server/client.ts)
  const { closeDatabaseOnSignals, getDbHandle } = await import("@/lib/server/db");
  closeDatabaseOnSignals();
  const started = Date.now();
  try {
    const handle = await getDbHandle();
    console.log(`[modelshare] database ready (${handle.driver}: ${handle.location}) in ${Date.now() - started} ms`);
  } catch (err) {
    // The server still starts; requests answer 503 and retry the connection.
    console.error("[modelshare] database not reachable at start-up:", err instanceof Error ? err.message : err);
  }
}
