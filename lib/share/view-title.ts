/** The title of a view (its page heading), from its data: the context line of embeds, images and oEmbed. */
import { cleanText, shortName } from "@/lib/labels";
import type { ViewData } from "@/lib/pages/view-data-types";

export function viewTitle(d: ViewData): string {
  switch (d.view) {
    case "overview":
      return "Where LLM tokens go";
    case "model":
      return d.detail ? shortName(d.detail.model.name, d.detail.model.publicId) : cleanText(d.ref);
    case "compare": {
      const c = d.compare;
      return c && c.models.length ? `Compare ${c.models.map((m) => shortName(m.label, m.key)).join(" vs ")}` : "Compare models";
    }
    case "vendors":
      return "Vendors: free vs paid";
    case "app":
      return d.mix ? cleanText(d.mix.app.name) : `App ${cleanText(d.appId)}`;
  }
}

