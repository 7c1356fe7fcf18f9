import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own and two processes on one folder silently lose writes, so the
 * process that opens a data folder writes its pid there; another process finding a live pid refuses.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "modelshare.pid");
  const holder = readPid(lockFile);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder}. ` +
        "Stop that process, or ingest through the running server (POST /api/ingest), or set DATABASE_URL.",
    );
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    if (readPid(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
