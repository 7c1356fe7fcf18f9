/**
 * Runs once when the server starts: migrate and load sample data before the first request, not during it;
 * then leave the address and ingest token beside the PGlite folder's lock (so `npm run ingest` and
 * `npm run collect` can send their work here) and start the scheduled collector.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestHook } = await import("@/lib/server/request-hook");
  installRequestHook(); // client address from the socket, pages from memory, compressed static files
  if (process.env.NODE_ENV === "production") {
    // The built scripts and styles, Brotli-compressed in the background (`next dev` rewrites them: not there).
    const { precompressStaticAssets } = await import("@/lib/server/static-assets");
    void precompressStaticAssets();
  }
  const { closeDatabaseOnSignals, getDbHandle } = await import("@/lib/server/db");
  closeDatabaseOnSignals();
  const started = Date.now();
  try {
    const handle = await getDbHandle();
    console.log(`[modelshare] database ready (${handle.driver}: ${handle.location}) in ${Date.now() - started} ms`);
    if (handle.driver === "pglite") {
      const { writeServerRecord } = await import("@/db/server-record");
      writeServerRecord(handle.location, { url: `http://127.0.0.1:${process.env.PORT || 3000}`, token: process.env.INGEST_TOKEN || null });
    }
  } catch (err) {
    // The server still starts; requests answer 503 and retry the connection.
    console.error("[modelshare] database not reachable at start-up:", err instanceof Error ? err.message : err);
  }
  const { startServerCollector } = await import("@/lib/server/collector");
  startServerCollector();
}
