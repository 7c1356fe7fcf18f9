/**
 * Link previews and oEmbed discovery of every shareable page (generateMetadata): a title and a description
 * saying what the page's main chart shows (its summary, from the data), Open Graph and Twitter cards whose
 * image is that chart drawn from the same state (/api/image/…, 1200×630), and the oEmbed discovery link.
 */
import "server-only";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { figureFor } from "@/lib/figures";
import { publicOrigin } from "@/lib/server/client";
import { chartHref, pageHref, permalinkPath, type ChartTarget, type ViewAddress } from "@/lib/view/address";
import { DEFAULT_CHART, type ChartId } from "@/lib/view/charts";
import { oembedUrl } from "./oembed";
import type { ViewData } from "@/lib/pages/view-data";
import { viewTitle } from "./view-title";

export { viewTitle };

const SITE_DESCRIPTION = "Open dashboard of LLM token usage: adoption curves, free vs paid share, apps per model, side-by-side comparison.";

export async function shareMetadata(
  address: ViewAddress,
  data: ViewData,
  opts: { chart?: ChartId; permalink?: { id: string; pinned: boolean; asOf: string | null } } = {},
): Promise<Metadata> {
  const origin = publicOrigin(await headers());
  const chart = opts.chart ?? DEFAULT_CHART[address.view];
  const figure = figureFor(data, chart, address.state);
  const title = opts.permalink?.pinned ? `${viewTitle(data)} (pinned)` : viewTitle(data);
  const description = figure ? `${figure.title}: ${figure.summary}` : SITE_DESCRIPTION;
  const pagePath = opts.permalink ? permalinkPath(opts.permalink.id) : pageHref(address);
  const pageUrl = `${origin}${pagePath}`;
  const target: ChartTarget = opts.permalink ? { kind: "permalink", id: opts.permalink.id, chart } : { kind: "live", address, chart };
  const image = { url: `${origin}${chartHref("/api/image", target)}`, width: 1200, height: 630, alt: figure ? `${figure.title}. ${figure.summary}` : title };
  return {
    // The overview keeps the site's own title (app/layout.tsx); every other page is titled by its view.
    ...(address.view === "overview" && !opts.permalink ? {} : { title }),
    description,
    alternates: {
      canonical: pageUrl,
      types: { "application/json+oembed": [{ url: oembedUrl(origin, pageUrl), title: figure ? `${figure.title} (Modelshare)` : title }] },
    },
    openGraph: { type: "website", siteName: "Modelshare", title, description, url: pageUrl, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}
