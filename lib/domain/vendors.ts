/**
 * Vendor (author) names as people write them. Sources identify a vendor by the slug before the "/" in a
 * model id (`x-ai`, `meta-llama`, `mistralai`); pages show the name and keep the slug for URLs only
 * (`/vendors/x-ai`). Every place that shows a vendor goes through vendorName, so one table decides.
 */

/** Slugs whose written name is not their capitalised slug. Slugs not listed fall back to vendorNameFromSlug. */
const NAMES: Readonly<Record<string, string>> = {
  ai21: "AI21",
  "aion-labs": "Aion Labs",
  allenai: "Ai2",
  amazon: "Amazon",
  anthropic: "Anthropic",
  "arcee-ai": "Arcee AI",
  baidu: "Baidu",
  bytedance: "ByteDance",
  "bytedance-seed": "ByteDance Seed",
  cohere: "Cohere",
  deepcogito: "Deep Cogito",
  deepseek: "DeepSeek",
  google: "Google",
  "ibm-granite": "IBM Granite",
  inclusionai: "inclusionAI",
  kwaipilot: "Kwaipilot",
  liquid: "Liquid",
  meituan: "Meituan",
  meta: "Meta",
  "meta-llama": "Meta",
  microsoft: "Microsoft",
  minimax: "MiniMax",
  mistralai: "Mistral",
  moonshotai: "Moonshot AI",
  "nex-agi": "Nex AGI",
  nousresearch: "Nous Research",
  nvidia: "NVIDIA",
  openai: "OpenAI",
  openrouter: "OpenRouter",
  perplexity: "Perplexity",
  qwen: "Qwen",
  rekaai: "Reka AI",
  sao10k: "Sao10K",
  stepfun: "StepFun",
  tencent: "Tencent",
  thedrummer: "TheDrummer",
  thinkingmachines: "Thinking Machines",
  undi95: "Undi95",
  upstage: "Upstage",
  "x-ai": "xAI",
  xiaomi: "Xiaomi",
  "z-ai": "Z.ai",
};

/** "dots-studio" → "Dots Studio": a slug nobody listed still reads as a name. */
function vendorNameFromSlug(slug: string): string {
  return slug
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/** The written name of a vendor slug ("x-ai" → "xAI", "meta-llama" → "Meta"); `other` is the bucket's author. */
export function vendorName(slug: string): string {
  if (slug === "other") return "Other";
  return NAMES[slug] ?? (vendorNameFromSlug(slug) || slug);
}
