/** POST /api/collect (a CLI run sent to the server) refuses what it must before any request to OpenRouter. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const saved = { ...process.env };
beforeAll(() => {
  process.env.INGEST_TOKEN = "route-test-token";
  delete process.env.OPENROUTER_API_KEY;
});
afterAll(() => {
  process.env = saved;
});

async function post(body: string, token: string | null = "route-test-token") {
  const { POST } = await import("@/app/api/collect/route");
  const res = await POST(
    new Request("http://localhost/api/collect", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    }),
  );
  return { status: res.status, json: (await res.json()) as { error: { message: string; details: { path: string; message: string }[] } } };
}

describe("POST /api/collect", () => {
  it("needs the ingest token", async () => {
    expect((await post("{}", null)).status).toBe(401);
    expect((await post("{}", "wrong")).json.error.message).toBe("invalid ingest token");
  });

  it("refuses a malformed request with located details", async () => {
    const r = await post(JSON.stringify({ apiKey: 42, from: "yesterday", dryRun: "yes" }));
    expect(r.status).toBe(400);
    expect(r.json.error.details.map((d) => d.path)).toEqual(["apiKey", "from", "dryRun"]);
    expect((await post("not json")).status).toBe(400);
  });

  it("refuses a run with no key on either side", async () => {
    const r = await post(JSON.stringify({ apiKey: "" }));
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/no OpenRouter API key: neither the request nor the server has one/);
  });
});
