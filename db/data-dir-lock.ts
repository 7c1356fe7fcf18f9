import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own and two processes on one folder silently lose writes, so the process that
 * opens a data folder records itself there and another process finding a live owner refuses.
 *
 * A pid alone is not an owner: a container restarted after a crash gets the same pid again (a fresh pid
 * namespace numbers from 1), and a rebooted machine reuses pids. So the record is the pid, the process's
 * start time (/proc/<pid>/stat) and the boot id; an owner is live only when all three still match.
 */
interface Owner {
  pid: number;
  /** Start time of the process in clock ticks since boot (Linux); null where /proc is absent. */
  start: string | null;
  boot: string | null;
}

const LOCK_FILE = "modelshare.pid";
/** Folders this process holds (a record naming this pid is stale unless listed here). */
const held = new Set<string>();

export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const dir = path.resolve(dataDir);
  const lockFile = path.join(dir, LOCK_FILE);
  const me = currentOwner(process.pid);
  // Create the file exclusively, so two processes starting together cannot both get it.
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw e;
      const owner = readOwner(lockFile);
      if (owner && (held.has(dir) || isLive(owner))) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${owner.pid}` +
            (held.has(dir) ? " (this process already has it open)" : "") +
            ". Stop that process, or ingest through the running server (POST /api/ingest), or set DATABASE_URL.",
        );
      }
      rmSync(lockFile, { force: true }); // left by a process that is gone (crashed, or before a restart)
    }
  }
  held.add(dir);
  const release = () => {
    if (!held.delete(dir)) return;
    const owner = readOwner(lockFile);
    if (owner && sameOwner(owner, me)) rmSync(lockFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

/** The pid of the live process (not this one) holding the data folder; null when none does. */
export function liveOwnerPid(dataDir: string): number | null {
  const owner = readOwner(path.join(path.resolve(dataDir), LOCK_FILE));
  return owner && isLive(owner) ? owner.pid : null;
}

/** Is the recorded owner a running process other than this one? */
function isLive(owner: Owner): boolean {
  if (owner.pid === process.pid) return false; // not in `held`: a predecessor that had our pid
  if (!isAlive(owner.pid)) return false;
  const now = currentOwner(owner.pid);
  if (owner.boot && now.boot && owner.boot !== now.boot) return false;
  if (owner.start && now.start && owner.start !== now.start) return false;
  return true;
}

function sameOwner(a: Owner, b: Owner): boolean {
  return a.pid === b.pid && a.start === b.start && a.boot === b.boot;
}

function currentOwner(pid: number): Owner {
  return { pid, start: processStart(pid), boot: readText("/proc/sys/kernel/random/boot_id") };
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? null;
}

function readOwner(file: string): Owner | null {
  const text = readText(file);
  if (!text) return null;
  if (/^\d+$/.test(text)) return { pid: Number(text), start: null, boot: null }; // written by an older version
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    return Number.isInteger(o.pid) && o.pid! > 0 ? { pid: o.pid!, start: o.start ?? null, boot: o.boot ?? null } : null;
  } catch {
    return null;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
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
