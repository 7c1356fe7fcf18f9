/**
 * Odd paths answer 4xx before any route sees them, never a 500: a segment that is not UTF-8 (`%ed%a0%80`,
 * half a surrogate pair) or holds a control character (`%00`, which Postgres cannot even compare).
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const call = (path: string) => proxy(new NextRequest(`http://localhost${path}`));

describe("paths that cannot name anything", () => {
  it.each(["/models/a%00b", "/models/%ed%a0%80", "/apps/%ed%a0%80", "/s/%ed%a0%80", "/embed/app/app-volume/%ed%a0%80", "/vendors/%C0%AF", "/models/a%1Fb/c"])(
    "%s is a 400 page",
    async (path) => {
      const res = await call(path);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("This address cannot be a page");
    },
  );

  it.each(["/api/v1/apps/%ed%a0%80", "/api/image/app/app-volume/%ed%a0%80", "/api/v1/models/%00"])("%s is a 400 in the error envelope", async (path) => {
    const res = await call(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; details: { path: string }[] } };
    expect(body.error.message).toMatch(/^invalid path: the path (is not valid percent-encoded UTF-8|contains control characters)$/);
    expect(body.error.details.map((d) => d.path)).toEqual(["path"]);
  });

  it.each(["/models/google/gemini-2.5-pro", "/apps/kilo-code", "/models/%E2%9C%93", "/api/v1/apps/caf%C3%A9", "/embed/app/app-volume/lemonade"])("%s goes on to its route", async (path) => {
    const res = await call(path);
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });
});
