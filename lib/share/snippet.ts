/**
 * The copy-paste embed code, built in one place for the Share menu and oEmbed: a responsive iframe (full
 * width up to the chart's natural width, a sensible height, a title, lazy loading) and, optionally, the
 * tiny embed.js that resizes it to fit from the embed's height messages.
 */
import { escapeXml as e } from "@/lib/figures/render/svg";

export const EMBED_WIDTH = 720;

export interface SnippetInput {
  /** Absolute URL of the embed (/embed/…). */
  src: string;
  /** The chart's title (an external string: escaped). */
  title: string;
  height: number;
  width?: number;
  /** Absolute URL of embed.js, or null to leave it out. */
  script: string | null;
}

export function embedSnippet({ src, title, height, width, script }: SnippetInput): string {
  const w = width ?? EMBED_WIDTH;
  const iframe =
    `<iframe src="${e(src)}" title="${e(`${title} (Modelshare)`)}" width="${w}" height="${Math.round(height)}" loading="lazy" ` +
    `style="border:0;width:100%;max-width:${w}px" data-modelshare></iframe>`;
  return script ? `${iframe}\n<script async src="${e(script)}"></script>` : iframe;
}
