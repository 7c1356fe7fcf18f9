/**
 * The server's one request hook, before Next sees a request: the client's address, pages from memory, and
 * compressed static files.
 *
 * Next's route handlers do not expose the socket, and Next only fills in X-Forwarded-For when a request has
 * none (so a client's own header would pass for its address). The server therefore records the TCP peer of
 * every request in `x-modelshare-peer` before Next sees it, overwriting whatever a client sent under that
 * name; lib/server/client.ts reads it. The same hook answers pages already drawn for the current data
 * version from memory (lib/server/page-cache.ts), and the build's scripts and styles Brotli-compressed
 * (lib/server/static-assets.ts). Installed once per process from instrumentation.ts.
 */
import "server-only";
import http from "node:http";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PEER_HEADER } from "./client";
import { servePage } from "./page-cache";
import { serveStaticAsset } from "./static-assets";

const KEY = Symbol.for("modelshare.request-hook");

export function installRequestHook(): void {
  const g = globalThis as { [KEY]?: true };
  if (g[KEY]) return;
  g[KEY] = true;
  for (const proto of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" || event === "checkContinue" || event === "checkExpectation") tagPeer(args[0] as IncomingMessage);
      if (event === "request") {
        // The build's scripts and styles, Brotli-compressed once (lib/server/static-assets.ts).
        if (serveStaticAsset(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
        // Pages drawn before for this data version are answered from memory (lib/server/page-cache.ts).
        void servePage(args[0] as IncomingMessage, args[1] as ServerResponse, () => emit.call(this, event, ...args));
        return true;
      }
      return emit.call(this, event, ...args);
    };
  }
}

function tagPeer(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
}
