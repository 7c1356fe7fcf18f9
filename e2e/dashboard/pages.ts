import { FLASH, HAIKU, JAN_2026 } from "./helpers";

/** Every dashboard page, with a state that has data on the sample. */
export const PAGES = [
  { name: "overview", url: "/", heading: "Where LLM tokens go" },
  { name: "model", url: `/models/${FLASH}`, heading: "Gemini 3 Flash Preview" },
  { name: "compare", url: `/compare?models=${FLASH},${HAIKU}&${JAN_2026}`, heading: "Compare models" },
  { name: "vendors", url: "/vendors?from=2025-04-01&to=2025-09-30", heading: "Vendors: free vs paid" },
  { name: "app", url: "/apps/kilo-code?from=2025-06-01&to=2026-02-28", heading: "Kilo Code" },
] as const;
