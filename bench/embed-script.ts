/**
 * The embed's own scripts, gzipped as a server would send them: the hover script (budget 15 KB, issue 14) and
 * the height script. Sizes, not timings: one run is the measurement.
 */
import { gzipSync } from "node:zlib";
import { EMBED_SCRIPT } from "@/lib/share/embed-html";
import { EMBED_HOVER_SCRIPT } from "@/lib/share/embed-hover";

export const HOVER_BUDGET_BYTES = 15 * 1024;

export function runEmbedScriptBench(): void {
  const rows = [
    ["hover (embed-hover.ts)", EMBED_HOVER_SCRIPT],
    ["height (embed-html.ts)", EMBED_SCRIPT],
  ] as const;
  console.log("\n## Embed scripts (bytes)\n\n| script | raw | gzip |\n| --- | --- | --- |");
  for (const [name, text] of rows) console.log(`| ${name} | ${Buffer.byteLength(text)} | ${gzipSync(text, { level: 9 }).length} |`);
  const hover = gzipSync(EMBED_HOVER_SCRIPT, { level: 9 }).length;
  console.log(`\nhover script: ${hover} B gzip of a ${HOVER_BUDGET_BYTES} B budget (${((hover / HOVER_BUDGET_BYTES) * 100).toFixed(0)}%)`);
  if (hover > HOVER_BUDGET_BYTES) {
    console.error("the hover script is over its budget");
    process.exitCode = 1;
  }
}
