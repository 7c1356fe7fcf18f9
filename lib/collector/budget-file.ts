/** The daily request count, persisted as a small JSON file (default: $DATA_DIR/collector-state.json). */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BudgetStore } from "./rate-limit";

interface StateFile {
  version: 1;
  /** Times (ms since the epoch) of the requests of the last 24 hours. */
  requests: number[];
}

export class FileBudgetStore implements BudgetStore {
  constructor(readonly file: string) {}

  load(): number[] {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return []; // first run
    }
    try {
      const state = JSON.parse(text) as Partial<StateFile>;
      return Array.isArray(state.requests) ? state.requests.filter((t) => typeof t === "number") : [];
    } catch {
      // A corrupt file must not lift the limit silently: assume the worst case, a full budget spent just now.
      throw new Error(`collector state file ${this.file} is not valid JSON; delete it only if no collector ran in the last 24 h`);
    }
  }

  save(times: number[]): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, requests: times } satisfies StateFile));
    renameSync(tmp, this.file); // atomic: a crash never leaves half a file
  }
}
