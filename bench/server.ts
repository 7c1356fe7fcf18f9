/** The built app as a child process on a loopback port, for the benchmarks (`npm run build` first). */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface App {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The loopback port of a benchmark's app: BENCH_PORT when set (several people share one machine), else the bench's own. */
export function benchPort(fallback: number): number {
  return Number(process.env.BENCH_PORT) || fallback;
}

export async function startApp(port: number, env: Record<string, string>): Promise<App> {
  const child = spawn(process.execPath, [path.join(process.cwd(), "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let i = 0; i < 720; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child, stop };
    } catch {
      /* starting */
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("the app did not start (run `npm run build` first)");
}
