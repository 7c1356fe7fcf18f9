/**
 * The author's words (title, subtitle, note) travel in the view state and are escaped in every renderer:
 * the embed page, the SVG image, the PNG's elements (next/og) and the oEmbed snippet.
 */
import { isValidElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { withAuthorWords } from "@/lib/figures/author-words";
import { layoutCard } from "@/lib/figures/render/card";
import { sceneToOg } from "@/lib/figures/render/og";
import { sceneToSvg } from "@/lib/figures/render/svg";
import { LIGHT } from "@/lib/figures/palette";
import type { Figure } from "@/lib/figures/types";
import { embedHtml } from "@/lib/share/embed-html";
import { oembedResponse } from "@/lib/share/oembed";
import { DEFAULT_VIEW, parseApiRequest, parseViewState, viewQuery, WORD_LIMITS } from "@/lib/view/state";

const HOSTILE = `</title><script>alert(1)</script>"'&\u202e`;

const base: Figure = {
  chart: "compare-usage",
  title: "Adoption",
  summary: "A used 5B tokens.",
  provenance: { sources: ["test"], asOf: "2026-01-31T00:00:00.000Z", citations: ["Source: test."], sample: false },
  plot: { type: "time", kind: "line", scale: "linear", x: "day", y: "tokens", height: 300, rows: [{ x: "2026-01-01", s0: 1 }, { x: "2026-01-02", s0: 2 }], series: [{ key: "s0", label: "A", color: 0 }] },
  empty: null,
  footnotes: [],
  table: { columns: [], rows: [] },
};

const state = parseViewState(new URLSearchParams({ title: `Title ${HOSTILE}`, subtitle: `Sub ${HOSTILE}`, note: `Note ${HOSTILE}` })).state;
const fig = withAuthorWords(base, state);

function ogTexts(node: ReactNode, out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => ogTexts(n, out));
  else if (isValidElement(node)) ogTexts((node.props as { children?: ReactNode }).children, out);
  return out;
}

describe("the author's words", () => {
  it("round-trip through the view state's query, bidi controls dropped", () => {
    expect(state.title).toBe("Title </title><script>alert(1)</script>\"'&");
    const again = parseViewState(new URLSearchParams(viewQuery(state).slice(1))).state;
    expect({ title: again.title, subtitle: again.subtitle, note: again.note }).toEqual({ title: state.title, subtitle: state.subtitle, note: state.note });
  });

  it("are bounded: the API refuses a longer title with a located 400, pages drop it", () => {
    const long = "x".repeat(WORD_LIMITS.title + 1);
    const { issues } = parseApiRequest(new URLSearchParams({ title: long }));
    expect(issues[0].path).toBe("query.title");
    expect(parseViewState(new URLSearchParams({ title: long })).state.title).toBeNull();
    expect(parseViewState(new URLSearchParams({ title: "x".repeat(WORD_LIMITS.title) })).state.title).toHaveLength(WORD_LIMITS.title);
  });

  it("apply to the chart they were written for only (else the view's default chart)", () => {
    expect(fig).toMatchObject({ title: state.title, subtitle: state.subtitle, footnotes: [`Note: ${state.note}`] });
    expect(withAuthorWords({ ...base, chart: "compare-spend" }, state).title).toBe("Adoption");
    expect(withAuthorWords({ ...base, chart: "compare-spend" }, { ...state, for: "compare-spend" }).title).toBe(state.title);
    expect(withAuthorWords(base, DEFAULT_VIEW)).toBe(base);
  });

  it("are escaped in the embed page", () => {
    const html = embedHtml({ figure: fig, context: "Compare", theme: "auto", viewUrl: "https://m.example/", pinned: null });
    expect(html.match(/<script/g)).toHaveLength(3); // ours only
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("<h1 id=\"t\">Title &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</h1>");
    expect(html).toContain('<p class="sub">Sub &lt;/title&gt;');
    expect(html).toContain('<p class="note">Note: Note &lt;/title&gt;');
    expect(html).toContain("<title>Compare: Title &lt;/title&gt;");
  });

  it("are escaped in the SVG image, and drawn as plain text in the PNG's elements", () => {
    const scene = layoutCard(fig, { context: "Compare" });
    const svg = sceneToSvg(scene, LIGHT, { title: fig.title, desc: fig.summary, standalone: true });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("<title>Title &lt;/title&gt;&lt;script&gt;");
    expect(svg).toContain("Sub &lt;/title&gt;");
    const texts = ogTexts(sceneToOg(scene, LIGHT));
    expect(texts.some((t) => t.startsWith("Title </title><script>"))).toBe(true); // a text child: React escapes it
  });

  it("title the oEmbed answer, whose snippet escapes it", () => {
    const o = oembedResponse({ origin: "https://m.example", target: { kind: "permalink", id: "abcdefghij", chart: null }, chart: "compare-usage", title: `Compare: ${fig.title}`, maxwidth: null, maxheight: null });
    expect(o.title).toBe(`Compare: ${state.title}`);
    expect(o.html).not.toContain("<script>alert");
    expect(o.html).toContain("&lt;script&gt;alert(1)");
  });
});
