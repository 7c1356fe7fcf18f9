/**
 * Who is asking and where links point, from configuration and the connection — never from a header a
 * client can set (docs/sharing.md, "Clients, proxies and hosts"):
 *
 * - **The client address** (rate limits): the TCP peer, which the server records in `x-modelshare-peer`
 *   for every request (lib/server/request-hook.ts, overwriting any value a client sent). X-Forwarded-For is
 *   ignored unless `TRUSTED_PROXY_HOPS` = n > 0 says that n reverse proxies stand in front: then the client
 *   is the address n hops left of the peer in `X-Forwarded-For, peer` (what the nearest trusted proxy
 *   appended). IPv6 clients count per /64 (one host holds a whole /64), IPv4-mapped IPv6 as IPv4.
 * - **The public origin** of absolute links (permalinks, oEmbed, embeds' links, Open Graph): `PUBLIC_ORIGIN`
 *   when set. Otherwise the request's Host only when it is allowed (`ALLOWED_HOSTS`, default the loopback
 *   names localhost, 127.0.0.1 and [::1] on any port), else `http://localhost:<PORT>`. X-Forwarded-Host and
 *   -Proto count only with `TRUSTED_PROXY_HOPS` set (and the host must still be allowed). Answers whose links
 *   depend on the request then carry `Vary` (originVary).
 */
import "server-only";
import { isIP } from "node:net";

/** Set by the server itself from the socket on every request (never trusted from the client). */
export const PEER_HEADER = "x-modelshare-peer";

type Env = Record<string, string | undefined>;

function trustedProxyHops(env: Env = process.env): number {
  const raw = (env.TRUSTED_PROXY_HOPS ?? "").trim().toLowerCase();
  if (raw === "true") return 1;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? Math.min(n, 16) : 0;
}

export function clientAddress(headers: Headers, env: Env = process.env): string {
  const peer = (headers.get(PEER_HEADER) ?? "").trim() || "unknown";
  const hops = trustedProxyHops(env);
  if (hops === 0) return bucketOf(peer);
  const chain = [...(headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean), peer];
  return bucketOf(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** The rate-limit bucket of an address: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 by /64. */
export function bucketOf(address: string): string {
  const a = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) return mapped[1];
  if (isIP(a) === 4) return a;
  if (isIP(a) === 6) return `${expandV6(a).slice(0, 4).join(":")}::/64`;
  return a.slice(0, 100) || "unknown";
}

function expandV6(a: string): string[] {
  const [head, tail = ""] = a.toLowerCase().split("::");
  const h = head ? head.split(":") : [];
  const t = a.includes("::") && tail ? tail.split(":") : [];
  const groups = a.includes("::") ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t] : h;
  return groups.map((g) => (g.includes(".") ? g : g.replace(/^0+(?=.)/, "")));
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function configuredOrigin(env: Env): string | null {
  if (!env.PUBLIC_ORIGIN) return null;
  try {
    return new URL(env.PUBLIC_ORIGIN).origin;
  } catch {
    return null;
  }
}

/** A host name or [IPv6] with an optional port: nothing a URL could read as user info or a path. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

function allowedHosts(env: Env): string[] {
  return (env.ALLOWED_HOSTS ?? "").split(",").map((s) => s.trim().toLowerCase()).filter((h) => HOST.test(h));
}

function isAllowedHost(host: string, env: Env): boolean {
  const allowed = allowedHosts(env);
  if (allowed.length) return allowed.includes(host) || allowed.includes(host.replace(/:\d+$/, ""));
  return LOOPBACK.has(host.replace(/:\d+$/, ""));
}

function last(v: string | null): string {
  const parts = (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return parts[parts.length - 1] ?? "";
}

/** The origin of absolute links; see the module comment. */
export function publicOrigin(headers: Headers, env: Env = process.env): string {
  const fixed = configuredOrigin(env);
  if (fixed) return fixed;
  const proxied = trustedProxyHops(env) > 0;
  const candidates = [proxied ? last(headers.get("x-forwarded-host")) : "", headers.get("host") ?? ""];
  const proto = proxied && last(headers.get("x-forwarded-proto")) === "https" ? "https" : "http";
  for (const c of candidates) {
    const host = c.trim().toLowerCase();
    if (!HOST.test(host) || !isAllowedHost(host, env)) continue;
    try {
      const url = new URL(`${proto}://${host}`);
      if (url.host === host) return url.origin;
    } catch {
      // not a host: try the next
    }
  }
  const fallback = allowedHosts(env)[0];
  return fallback ? `http://${fallback}` : `http://localhost:${Number(env.PORT) || 3000}`;
}

/**
 * The Vary header for answers containing absolute links: none when PUBLIC_ORIGIN fixes them, else the
 * headers publicOrigin read.
 */
export function originVary(env: Env = process.env): Record<string, string> {
  if (configuredOrigin(env)) return {};
  return { vary: trustedProxyHops(env) > 0 ? "Host, X-Forwarded-Host, X-Forwarded-Proto" : "Host" };
}
