/**
 * The app page's heading shows the app's name as text without bidi controls (docs/sharing.md, "External
 * strings stay inert"): the page component is called directly and its element tree searched.
 */
import type { ReactElement, ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { freshDb, type TestDb } from "../db";

const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db", () => ({ getDb: async () => holder.db }));

import AppPage from "@/app/apps/[appId]/page";

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  return textOf((node as ReactElement<{ children?: ReactNode }>).props?.children);
}

function find(node: ReactNode, type: string): ReactElement<{ children?: ReactNode }>[] {
  if (!node || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap((n) => find(n, type));
  const el = node as ReactElement<{ children?: ReactNode }>;
  return [...(el.type === type ? [el] : []), ...find(el.props?.children, type)];
}

describe("app page heading", () => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb("pglite");
    holder.db = h.db;
    await ingestText(
      h.db as Db,
      JSON.stringify({
        format: "modelshare.snapshot/v1",
        source: "test",
        capturedAt: "2026-01-10T00:00:00Z",
        models: [{ id: "acme/rocket-1", name: "Rocket", launchDate: "2026-01-01" }],
        apps: [{ id: "flip", name: "Flip\u202eparC\u2066x\u2069", categories: ["cod\u202eing"] }],
        appUsage: [{ app: "flip", model: "acme/rocket-1", period: "2026-01", totalTokens: "700" }],
      }),
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it("drops bidi controls from the name and categories", async () => {
    const tree = await AppPage({ params: Promise.resolve({ appId: "flip" }), searchParams: Promise.resolve({}) });
    const [h1] = find(tree, "h1");
    expect(textOf(h1)).toBe("FlipparCx");
    expect(textOf(find(tree, "p")[0])).not.toMatch(BIDI);
    // An unknown app is a 404 (./not-found.tsx), whose page never repeats the id from the address.
    await expect(AppPage({ params: Promise.resolve({ appId: "no\u202ebody" }), searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });
});
