/**
 * One progress line on a terminal, rewritten in place ("model-days written 400,000 of 1,000,000"); nothing
 * at all when the output is not a terminal (cron, pipes, logs stay exactly as before). Lines printed
 * through `print` first erase the progress line so they never mix with it.
 */
export interface Progress {
  /** Replace the progress line (throttled; a no-op off a terminal). */
  update(line: string): void;
  /** Erase the progress line, then run `print` (for every ordinary line of output). */
  print(print: () => void): void;
}

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export function terminalProgress(stream: Terminal, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { update: () => {}, print: (print) => print() };
  let shown = false;
  let lastAt = -Infinity;
  const erase = () => {
    if (shown) stream.write("\r\x1b[K");
    shown = false;
  };
  return {
    update(line) {
      const t = now();
      if (t - lastAt < 100) return; // a repaint per statement would slow the work it reports
      lastAt = t;
      const width = Math.max(20, (stream.columns || 80) - 1); // a terminal of unknown size reports 0
      stream.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      shown = true;
    },
    print(print) {
      erase();
      print();
    },
  };
}

/** "model-days written 400,000 of 1,000,000 (40%)" */
export function describeIngestProgress(p: { stage: "parsed"; rows: number } | { stage: "written"; rows: number; of: number }, label: string): string {
  const n = (v: number) => v.toLocaleString("en-US");
  return p.stage === "parsed"
    ? `${label}: parsed ${n(p.rows)} rows; writing…`
    : `${label}: model-days written ${n(p.rows)} of ${n(p.of)} (${Math.floor((p.rows / Math.max(1, p.of)) * 100)}%)`;
}
