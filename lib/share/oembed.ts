/**
 * oEmbed (https://oembed.com/, type "rich"): a URL of this site — a page (with `#<chart>` to pick a chart,
 * else the view's default chart), a permalink or an embed — becomes an iframe of that chart. Discovery
 * links on every shareable page point here (lib/share/metadata.ts).
 */
import "server-only";
import { chartHref, chartOfFragment, parseChartPath, parsePageUrl, parsePermalinkPath, type ChartTarget } from "@/lib/view/address";
import { CHARTS, isChartId } from "@/lib/view/charts";
import { CARD_HEIGHT, CARD_WIDTH } from "@/lib/figures/render/card";
import { embedSnippet, EMBED_WIDTH } from "./snippet";

export interface OEmbedRich {
  type: "rich";
  version: "1.0";
  title: string;
  provider_name: "Modelshare";
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
  cache_age: number;
}

/** The chart a URL of this site shows, or null (another site, or not a shareable page). */
export function targetOfUrl(raw: string, origin: string): ChartTarget | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const id = parsePermalinkPath(url.pathname);
  if (id) {
    const chart = url.hash.replace(/^#/, "");
    return { kind: "permalink", id, chart: isChartId(chart) ? chart : null };
  }
  if (url.pathname.startsWith("/embed/")) return parseChartPath(url.pathname.split("/").slice(2), url.searchParams);
  const address = parsePageUrl(url);
  return address ? { kind: "live", address, chart: chartOfFragment(address.view, url.hash) } : null;
}

export function oembedUrl(origin: string, pageUrl: string): string {
  return `${origin}/api/oembed?url=${encodeURIComponent(pageUrl)}&format=json`;
}

/** Size within the consumer's maxwidth/maxheight (positive integers; others ignored). */
export function oembedSize(chartHeight: number, maxwidth: number | null, maxheight: number | null): { width: number; height: number } {
  const width = maxwidth && maxwidth > 0 ? Math.min(EMBED_WIDTH, maxwidth) : EMBED_WIDTH;
  // Narrow frames draw the chart smaller but text wraps more: keep the natural height, capped by maxheight.
  const height = maxheight && maxheight > 0 ? Math.min(chartHeight, maxheight) : chartHeight;
  return { width, height };
}

export function oembedResponse(input: {
  origin: string;
  target: ChartTarget;
  chart: keyof typeof CHARTS;
  title: string;
  maxwidth: number | null;
  maxheight: number | null;
}): OEmbedRich {
  const { origin, target, chart, title } = input;
  const { width, height } = oembedSize(CHARTS[chart].height, input.maxwidth, input.maxheight);
  const resolvedTarget: ChartTarget = target.kind === "permalink" ? { ...target, chart } : target;
  const src = `${origin}${chartHref("/embed", resolvedTarget)}`;
  return {
    type: "rich",
    version: "1.0",
    title,
    provider_name: "Modelshare",
    provider_url: `${origin}/`,
    html: embedSnippet({ src, title, width, height, script: `${origin}/embed.js` }),
    width,
    height,
    thumbnail_url: `${origin}${chartHref("/api/image", resolvedTarget)}`,
    thumbnail_width: CARD_WIDTH,
    thumbnail_height: CARD_HEIGHT,
    cache_age: 3600,
  };
}
