/**
 * A local OpenRouter: replays the real fixtures in ../shared/fixtures for GET /api/v1/models,
 * /api/v1/datasets/rankings-daily (rows filtered to the requested window) and /api/v1/datasets/app-rankings
 * (one fixture per category), checks the bearer key, records every request with the fake clock's time,
 * and injects faults: any status with headers (429 + Retry-After, 500, 401…), a hung response (timeout),
 * a dropped connection, a truncated body, or a changed schema.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Clock } from "@/lib/collector/clock";
import { readFixture } from "../fixtures";

export const RANKINGS_FIXTURE = "rankings-daily/rankings-daily-2026-09-22.json";
export const MODELS_FIXTURE = "models/openrouter-models-2026-08.json";
export const CATEGORIES = ["coding", "productivity", "creative", "entertainment"];
export const appRankingsFixture = (category: string) => `app-rankings/app-rankings-${category}-2026-09-22.json`;

export interface RankingsRow {
  date: string;
  model_permaslug: string;
  total_tokens: string;
}
export interface RankingsBody {
  data: RankingsRow[];
  meta: { as_of: string; version?: string; start_date: string; end_date: string };
}

export interface Fault {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (the client's timeout fires); released when the server closes or `until` resolves. */
  hang?: boolean;
  /** Answer normally once this promise resolves (holds a request open). */
  until?: Promise<void>;
  /** Drop the connection without an answer. */
  destroy?: boolean;
  /** Answer 200 with the first half of the normal body. */
  truncate?: boolean;
  /** Change the normal JSON body (schema drift). */
  // The replayed body is JSON of a shape each test knows; it narrows the argument itself.
  transform?: (body: never) => unknown;
}

export interface RecordedRequest {
  path: string;
  query: Record<string, string>;
  at: number;
  authorization: string | undefined;
}

export interface ReplayServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Faults for a path ("/models", "/datasets/rankings-daily", "/datasets/app-rankings"): used once each, in order. */
  failNext(path: string, ...faults: Fault[]): void;
  /** A fault for every request to a path. */
  failAlways(path: string, fault: Fault): void;
  /** Requests to one path. */
  to(path: string): RecordedRequest[];
  close(): Promise<void>;
}

let cache: { rankings: RankingsBody; models: string; apps: Record<string, string> } | null = null;
function fixtures() {
  cache ??= {
    rankings: JSON.parse(readFixture(RANKINGS_FIXTURE)) as RankingsBody,
    models: readFixture(MODELS_FIXTURE),
    apps: Object.fromEntries(CATEGORIES.map((c) => [c, readFixture(appRankingsFixture(c))])),
  };
  return cache;
}

export function rankingsFixture(): RankingsBody {
  return structuredClone(fixtures().rankings);
}

/** What the API would answer for a window: the fixture's rows inside it, meta echoing the resolved window. */
export function rankingsWindow(start: string, end: string): RankingsBody {
  const f = fixtures().rankings;
  const s = start < "2025-01-01" ? "2025-01-01" : start;
  return { data: f.data.filter((r) => r.date >= s && r.date <= end), meta: { ...f.meta, start_date: s, end_date: end } };
}

export async function startReplayServer(opts: { clock: Clock; key: string }): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  const once = new Map<string, Fault[]>();
  const always = new Map<string, Fault>();
  const sockets = new Set<Socket>();
  const hung: ServerResponse[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: { message: String(e) } }));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/^\/api\/v1/, "");
    const query = Object.fromEntries(url.searchParams);
    requests.push({ path, query, at: opts.clock.now(), authorization: req.headers.authorization });

    const fault = once.get(path)?.shift() ?? always.get(path);
    if (fault?.hang) {
      hung.push(res);
      return;
    }
    if (fault?.destroy) {
      req.socket.destroy();
      return;
    }
    if (fault?.until) await fault.until;
    if (fault?.status) return send(res, fault.status, fault.body ?? JSON.stringify({ error: { message: `injected ${fault.status}` } }), fault.headers);

    if (req.headers.authorization !== `Bearer ${opts.key}`) {
      // Like many APIs, echo what was presented: the collector must still never print it.
      const presented = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      return send(res, 401, JSON.stringify({ error: { code: 401, message: `No auth credentials found or invalid key ${presented}` } }));
    }

    let body: string;
    if (path === "/models") body = fixtures().models;
    else if (path === "/datasets/rankings-daily") {
      const end = query.end_date ?? fixtures().rankings.meta.end_date;
      const start = query.start_date ?? end;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end) || end < "2025-01-01" || start > end) {
        return send(res, 400, JSON.stringify({ error: { message: "bad date window" } }));
      }
      body = JSON.stringify(rankingsWindow(start, end));
    } else if (path === "/datasets/app-rankings") {
      const text = fixtures().apps[query.category ?? ""];
      if (!text) return send(res, 400, JSON.stringify({ error: { message: `no fixture for category ${query.category}` } }));
      body = text;
    } else return send(res, 404, JSON.stringify({ error: { message: "not found" } }));

    if (fault?.transform) body = JSON.stringify(fault.transform(JSON.parse(body) as never));
    if (fault?.truncate) {
      res.writeHead(200, { "content-type": "application/json" }); // chunked: the cut is invisible to HTTP
      res.end(body.slice(0, Math.floor(body.length / 2)));
      return;
    }
    send(res, 200, body);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    failNext: (path, ...faults) => once.set(path, [...(once.get(path) ?? []), ...faults]),
    failAlways: (path, fault) => always.set(path, fault),
    to: (path) => requests.filter((r) => r.path === path),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
}
