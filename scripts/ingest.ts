/**
 * npm run ingest -- [--as-of YYYY-MM-DD] <file>...
 * Ingests files straight into the configured database (DATABASE_URL, else the PGlite folder DATA_DIR)
 * through the same code as POST /api/ingest, printing the same summary. Each file is its own snapshot.
 */
import { readFile } from "node:fs/promises";
import { dbOptionsFromEnv, openDb } from "@/db";
import { describeSummary, ingestText } from "@/lib/ingest";
import { parseAsOfOrThrow } from "@/lib/ingest/as-of";
import { IngestError } from "@/lib/ingest/errors";
import { decodeUtf8OrThrow } from "@/lib/ingest/utf8";

async function main() {
  const args = process.argv.slice(2);
  let asOfArg: string | undefined;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--as-of") asOfArg = args[++i];
    else if (args[i].startsWith("--as-of=")) asOfArg = args[i].slice(8);
    else if (args[i] === "--json") json = true;
    else if (args[i] === "--help" || args[i] === "-h") return usage(0);
    else files.push(args[i]);
  }
  if (!files.length) return usage(2);
  const asOf = parseAsOfOrThrow(asOfArg, "--as-of");

  const handle = await openDb(dbOptionsFromEnv());
  let failed = 0;
  try {
    for (const file of files) {
      try {
        const summary = await ingestText(handle.db, decodeUtf8OrThrow(await readFile(file)), { asOf });
        console.log(json ? JSON.stringify({ file, ...summary }) : describeSummary(summary, file));
      } catch (err) {
        failed++;
        if (!(err instanceof IngestError)) throw err;
        console.error(`${file}: rejected (${err.status}): ${err.message}`);
        for (const d of err.details.slice(0, 10)) console.error(`  ${d.path}: ${d.message}`);
      }
    }
  } finally {
    await handle.close();
  }
  process.exitCode = failed ? 1 : 0;
}

function usage(code: number) {
  console.log("usage: npm run ingest -- [--as-of YYYY-MM-DD] [--json] <file>...");
  process.exitCode = code;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
