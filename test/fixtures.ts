import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The shared real-data fixtures (never copied into the project; CI always has ../shared). */
export const FIXTURES_DIR = path.resolve(__dirname, "../../shared/fixtures");

if (!existsSync(FIXTURES_DIR)) {
  throw new Error(
    `Real-data fixtures are missing: expected ${FIXTURES_DIR} (the shared folder beside this checkout). ` +
      "Tests of parsing and aggregation need them; see DEVELOPERS.md.",
  );
}

export function fixturePath(rel: string): string {
  return path.join(FIXTURES_DIR, rel);
}

export function readFixture(rel: string): string {
  return readFileSync(fixturePath(rel), "utf8");
}
