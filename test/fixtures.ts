import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The shared real-data fixtures, never copied into the project: `../shared/fixtures` beside the checkout
 * (CI always has it), or FIXTURES_DIR when the checkout lives elsewhere.
 */
export const FIXTURES_DIR = process.env.FIXTURES_DIR
  ? path.resolve(process.env.FIXTURES_DIR)
  : path.resolve(__dirname, "../../shared/fixtures");

if (!existsSync(FIXTURES_DIR)) {
  throw new Error(
    `Real-data fixtures are missing: expected ${FIXTURES_DIR} (the shared folder beside this checkout). ` +
      "Tests of parsing and aggregation need them: put the checkout beside shared/, or set FIXTURES_DIR.",
  );
}

export function fixturePath(rel: string): string {
  return path.join(FIXTURES_DIR, rel);
}

export function readFixture(rel: string): string {
  return readFileSync(fixturePath(rel), "utf8");
}
