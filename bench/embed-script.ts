/**
 * The embed's hover script, gzipped as a server would send it (budget 15 KB, issue 14). A size, not a timing:
 * one run is the measurement. (The whole embed's inline JavaScript is measured by e2e/sharing/embed.spec.ts.)
 */
import { gzipSync } from "node:zlib";
import { EMBED_HOVER_SCRIPT } from "@/lib/share/embed-hover";

export const HOVER_BUDGET_BYTES = 15 * 1024;

export function runEmbedScriptBench(): void {
  const rows = [
    ["hover (embed-hover.ts)", EMBED_HOVER_SCRIPT],
  ] as const;
  console.log("\n## Embed hover script (bytes)\n\n| script | raw | gzip |\n| --- | --- | --- |");
  for (const [name, text] of rows) console.log(`| ${name} | ${Buffer.byteLength(text)} | ${gzipSync(text, { level: 9 }).length} |`);
  const hover = gzipSync(EMBED_HOVER_SCRIPT, { level: 9 }).length;
  console.log(`\nhover script: ${hover} B gzip of a ${HOVER_BUDGET_BYTES} B budget (${((hover / HOVER_BUDGET_BYTES) * 100).toFixed(0)}%)`);
  if (hover > HOVER_BUDGET_BYTES) {
    console.error("the hover script is over its budget");
    process.exitCode = 1;
  }
}
