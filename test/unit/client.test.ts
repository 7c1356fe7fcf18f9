/** lib/server/client.ts: the rate-limit client and the public origin come from configuration and the socket. */
import { describe, expect, it } from "vitest";
import { bucketOf, clientAddress, originVary, publicOrigin } from "@/lib/server/client";

const h = (o: Record<string, string>) => new Headers(o);

describe("clientAddress", () => {
  it("is the TCP peer; X-Forwarded-For is ignored without trusted proxies", () => {
    expect(clientAddress(h({ "x-modelshare-peer": "192.0.2.1", "x-forwarded-for": "1.2.3.4" }), {})).toBe("192.0.2.1");
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4" }), {})).toBe("unknown");
    expect(clientAddress(h({ "x-forwarded-for": "5.6.7.8" }), {})).toBe("unknown");
  });
  it("takes the address n hops left of the peer behind n trusted proxies", () => {
    const headers = h({ "x-modelshare-peer": "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.1" });
    expect(clientAddress(headers, { TRUSTED_PROXY_HOPS: "1" })).toBe("10.0.0.1");
    expect(clientAddress(headers, { TRUSTED_PROXY_HOPS: "2" })).toBe("198.51.100.7");
    expect(clientAddress(h({ "x-modelshare-peer": "10.0.0.2" }), { TRUSTED_PROXY_HOPS: "3" })).toBe("10.0.0.2");
  });
  it("counts IPv6 per /64 and IPv4-mapped addresses as IPv4", () => {
    expect(bucketOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(bucketOf("2001:0db8:0:0:ffff::2")).toBe("2001:db8:0:0::/64");
    expect(bucketOf("::ffff:192.0.2.9")).toBe("192.0.2.9");
    expect(bucketOf("::1")).toBe("0:0:0:0::/64");
  });
});

describe("publicOrigin", () => {
  it("is PUBLIC_ORIGIN when set, whatever the request says", () => {
    expect(publicOrigin(h({ host: "evil.example", "x-forwarded-host": "evil.example" }), { PUBLIC_ORIGIN: "https://m.example/x" })).toBe("https://m.example");
    expect(originVary({ PUBLIC_ORIGIN: "https://m.example" })).toEqual({});
  });
  it("uses an allowed Host only, never X-Forwarded-Host without a trusted proxy", () => {
    expect(publicOrigin(h({ host: "localhost:3000" }), {})).toBe("http://localhost:3000");
    expect(publicOrigin(h({ host: "127.0.0.1:4000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }), {})).toBe("http://127.0.0.1:4000");
    expect(publicOrigin(h({ host: "evil.example" }), { PORT: "8080" })).toBe("http://localhost:8080");
    expect(publicOrigin(h({ host: "evil.example" }), { ALLOWED_HOSTS: "charts.example" })).toBe("http://charts.example");
    expect(publicOrigin(h({ host: "charts.example:8443" }), { ALLOWED_HOSTS: "charts.example" })).toBe("http://charts.example:8443");
    expect(publicOrigin(h({ host: "a@evil.example" }), { ALLOWED_HOSTS: "a@evil.example" })).toBe("http://localhost:3000");
    expect(originVary({})).toEqual({ vary: "Host" });
  });
  it("reads X-Forwarded-Host/-Proto behind a trusted proxy, still only for allowed hosts", () => {
    const env = { TRUSTED_PROXY_HOPS: "1", ALLOWED_HOSTS: "charts.example" };
    expect(publicOrigin(h({ host: "10.0.0.5:3000", "x-forwarded-host": "charts.example", "x-forwarded-proto": "https" }), env)).toBe("https://charts.example");
    expect(publicOrigin(h({ host: "charts.example", "x-forwarded-host": "evil.example" }), env)).toBe("http://charts.example");
  });
});
