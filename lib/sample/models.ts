/**
 * The sample catalogue: real model ids, permaslugs, launch dates, context windows and list prices
 * (per 1M tokens, as OpenRouter listed them), each with the adoption curve the sample gives it.
 * Volumes are in billions of tokens per day, sized to OpenRouter's scale (≈100B/day in early 2025,
 * ≈1T/day by early 2026). The April-2025 Google figures are then calibrated exactly in generate.ts.
 */
import type { ModelRecord } from "@/lib/ingest/types";
import type { Curve } from "./curves";

export interface SampleModel {
  record: ModelRecord;
  curve: Curve;
  /** Share of total tokens that are prompt tokens (the rest are completion tokens). */
  promptShare: number;
  /** Average tokens per request, for the `requests` column. */
  tokensPerRequest: number;
}

type Prices = [input: string, output: string, cacheRead: string | null];
const FREE: Prices = ["0", "0", "0"];

function model(
  publicId: string,
  permaslug: string,
  name: string,
  launchDate: string,
  contextLength: number,
  [inputPerM, outputPerM, cacheReadPerM]: Prices,
  curve: Curve,
  usage: { promptShare?: number; tokensPerRequest?: number } = {},
): SampleModel {
  const colon = publicId.lastIndexOf(":");
  return {
    record: {
      permaslug,
      variant: colon < 0 ? "standard" : publicId.slice(colon + 1),
      publicId,
      author: publicId.slice(0, publicId.indexOf("/")),
      name,
      launchDate,
      contextLength,
      price: { inputPerM, outputPerM, cacheReadPerM },
    },
    curve,
    promptShare: usage.promptShare ?? 0.9,
    tokensPerRequest: usage.tokensPerRequest ?? 8_000,
  };
}

// Coding agents send long prompts; roleplay and chat send shorter ones and get longer answers.
const CODING = { promptShare: 0.96, tokensPerRequest: 30_000 };
const CHAT = { promptShare: 0.8, tokensPerRequest: 4_000 };

export const SAMPLE_MODELS: SampleModel[] = [
  // ── Anthropic: no free variants at all ──────────────────────────────────────────────────────────
  model("anthropic/claude-3.5-sonnet", "anthropic/claude-3.5-sonnet", "Anthropic: Claude 3.5 Sonnet", "2024-10-22", 200_000, ["3", "15", "0.3"],
    { peak: 22, rampDays: 30, fade: { mid: "2025-04-01", days: 80, floor: 0.05 } }, CODING),
  model("anthropic/claude-3.7-sonnet", "anthropic/claude-3-7-sonnet-20250219", "Anthropic: Claude 3.7 Sonnet", "2025-02-24", 200_000, ["3", "15", "0.3"],
    { peak: 15, rampDays: 20, fade: { mid: "2025-07-01", days: 100, floor: 0.08 } }, CODING),
  model("anthropic/claude-sonnet-4", "anthropic/claude-4-sonnet-20250522", "Anthropic: Claude Sonnet 4", "2025-05-22", 1_000_000, ["3", "15", "0.3"],
    { peak: 60, rampDays: 25, fade: { mid: "2025-11-01", days: 70, floor: 0.15 } }, CODING),
  model("anthropic/claude-sonnet-4.5", "anthropic/claude-4.5-sonnet-20250929", "Anthropic: Claude Sonnet 4.5", "2025-09-29", 1_000_000, ["3", "15", "0.3"],
    { peak: 110, rampDays: 30 }, CODING),
  model("anthropic/claude-haiku-4.5", "anthropic/claude-4.5-haiku-20251001", "Anthropic: Claude Haiku 4.5", "2025-10-15", 200_000, ["1", "5", "0.1"],
    { peak: 20, rampDays: 35, fade: { mid: "2026-01-12", days: 35, floor: 0.4 } }, CODING),
  model("anthropic/claude-opus-4.5", "anthropic/claude-4.5-opus-20251124", "Anthropic: Claude Opus 4.5", "2025-11-24", 200_000, ["5", "25", "0.5"],
    { peak: 60, rampDays: 25, fade: { mid: "2026-02-15", days: 20, floor: 0.5 } }, CODING),
  model("anthropic/claude-opus-4.6", "anthropic/claude-4.6-opus-20260205", "Anthropic: Claude Opus 4.6", "2026-02-05", 1_000_000, ["5", "25", "0.5"],
    { peak: 80, rampDays: 20 }, CODING),

  // ── Google: free experimental variants beside the paid ones ─────────────────────────────────────
  model("google/gemini-flash-1.5", "google/gemini-flash-1.5", "Google: Gemini 1.5 Flash", "2024-05-14", 1_000_000, ["0.075", "0.3", "0.01875"],
    { peak: 7, rampDays: 30, fade: { mid: "2025-05-01", days: 120, floor: 0 }, end: "2025-09-25" }),
  model("google/gemini-2.0-flash-exp:free", "google/gemini-2.0-flash-exp", "Google: Gemini 2.0 Flash Experimental (free)", "2024-12-11", 1_048_576, FREE,
    { peak: 9, rampDays: 20, fade: { mid: "2025-03-15", days: 60, floor: 0.15 }, end: "2026-01-29" }, CHAT),
  model("google/gemini-2.0-flash-001", "google/gemini-2.0-flash-001", "Google: Gemini 2.0 Flash", "2025-02-05", 1_048_576, ["0.1", "0.4", "0.025"],
    { peak: 20, rampDays: 25, fade: { mid: "2025-10-01", days: 150, floor: 0.3 } }),
  model("google/gemini-2.5-pro-preview-03-25", "google/gemini-2.5-pro-preview-03-25", "Google: Gemini 2.5 Pro Preview 03-25", "2025-03-25", 1_048_576, ["1.25", "10", "0.31"],
    { peak: 6, rampDays: 20, fade: { mid: "2025-06-25", days: 14, floor: 0 }, end: "2025-07-15" }, CODING),
  model("google/gemini-2.5-pro-exp-03-25:free", "google/gemini-2.5-pro-exp-03-25", "Google: Gemini 2.5 Pro Experimental (free)", "2025-03-25", 1_048_576, FREE,
    { peak: 7, rampDays: 10, fade: { mid: "2025-05-05", days: 14, floor: 0 }, end: "2025-05-31" }, CODING),
  model("google/gemini-2.5-flash-preview", "google/gemini-2.5-flash-preview-04-17", "Google: Gemini 2.5 Flash Preview 04-17", "2025-04-17", 1_048_576, ["0.15", "0.6", "0.0375"],
    { peak: 8, rampDays: 20, fade: { mid: "2025-06-25", days: 14, floor: 0 }, end: "2025-07-15" }),
  model("google/gemini-2.5-pro", "google/gemini-2.5-pro", "Google: Gemini 2.5 Pro", "2025-06-17", 1_048_576, ["1.25", "10", "0.125"],
    { peak: 30, rampDays: 20, fade: { mid: "2025-12-10", days: 60, floor: 0.3 } }, CODING),
  model("google/gemini-2.5-flash", "google/gemini-2.5-flash", "Google: Gemini 2.5 Flash", "2025-06-17", 1_048_576, ["0.3", "2.5", "0.03"],
    { peak: 55, rampDays: 30, fade: { mid: "2026-01-10", days: 60, floor: 0.5 } }),
  model("google/gemini-3-pro-preview", "google/gemini-3-pro-preview-20251117", "Google: Gemini 3 Pro Preview", "2025-11-18", 1_048_576, ["2", "12", "0.2"],
    { peak: 50, rampDays: 20, fade: { mid: "2026-01-15", days: 40, floor: 0.6 } }, CODING),
  model("google/gemini-3-flash-preview", "google/gemini-3-flash-preview-20251217", "Google: Gemini 3 Flash Preview", "2025-12-17", 1_048_576, ["0.5", "3", "0.05"],
    { peak: 160, rampDays: 50 }, CODING),

  // ── OpenAI ───────────────────────────────────────────────────────────────────────────────────────
  model("openai/gpt-4o-mini", "openai/gpt-4o-mini", "OpenAI: GPT-4o-mini", "2024-07-18", 128_000, ["0.15", "0.6", "0.075"],
    { peak: 12, rampDays: 30, fade: { mid: "2025-09-01", days: 200, floor: 0.3 } }, CHAT),
  model("openai/gpt-4o", "openai/gpt-4o", "OpenAI: GPT-4o", "2024-05-13", 128_000, ["2.5", "10", "1.25"],
    { peak: 6, rampDays: 30, fade: { mid: "2025-06-01", days: 150, floor: 0.2 } }, CHAT),
  model("openai/gpt-4.1", "openai/gpt-4.1-2025-04-14", "OpenAI: GPT-4.1", "2025-04-14", 1_047_576, ["2", "8", "0.5"],
    { peak: 10, rampDays: 20, fade: { mid: "2025-10-01", days: 90, floor: 0.25 } }),
  model("openai/gpt-5", "openai/gpt-5-2025-08-07", "OpenAI: GPT-5", "2025-08-07", 400_000, ["1.25", "10", "0.125"],
    { peak: 30, rampDays: 25, fade: { mid: "2025-12-15", days: 60, floor: 0.5 } }),
  model("openai/gpt-oss-120b", "openai/gpt-oss-120b", "OpenAI: gpt-oss-120b", "2025-08-05", 131_072, ["0.04", "0.17", null],
    { peak: 25, rampDays: 40 }),

  // ── DeepSeek: a free variant of V3 0324 ─────────────────────────────────────────────────────────
  model("deepseek/deepseek-chat", "deepseek/deepseek-chat-v3", "DeepSeek: DeepSeek V3", "2024-12-26", 163_840, ["0.27", "1.1", "0.07"],
    { peak: 18, rampDays: 20, fade: { mid: "2025-04-10", days: 40, floor: 0.2 } }, CHAT),
  model("deepseek/deepseek-r1", "deepseek/deepseek-r1", "DeepSeek: R1", "2025-01-20", 163_840, ["0.55", "2.19", null],
    { peak: 14, rampDays: 10, fade: { mid: "2025-04-01", days: 80, floor: 0.2 } }, CHAT),
  model("deepseek/deepseek-chat-v3-0324", "deepseek/deepseek-chat-v3-0324", "DeepSeek: DeepSeek V3 0324", "2025-03-24", 163_840, ["0.27", "1.1", null],
    { peak: 12, rampDays: 15, fade: { mid: "2025-10-01", days: 100, floor: 0.2 } }, CHAT),
  model("deepseek/deepseek-chat-v3-0324:free", "deepseek/deepseek-chat-v3-0324", "DeepSeek: DeepSeek V3 0324 (free)", "2025-03-24", 163_840, FREE,
    { peak: 16, rampDays: 10, fade: { mid: "2025-08-15", days: 60, floor: 0 }, end: "2025-11-26" }, CHAT),
  model("deepseek/deepseek-v3.2", "deepseek/deepseek-v3.2-20251201", "DeepSeek: DeepSeek V3.2", "2025-12-01", 163_840, ["0.28", "0.42", "0.028"],
    { peak: 40, rampDays: 20 }, CHAT),

  // ── Meta, Mistral, xAI, Qwen, Z.ai, MiniMax ─────────────────────────────────────────────────────
  model("meta-llama/llama-3.3-70b-instruct", "meta-llama/llama-3.3-70b-instruct", "Meta: Llama 3.3 70B Instruct", "2024-12-06", 131_072, ["0.12", "0.3", null],
    { peak: 6, rampDays: 20, fade: { mid: "2025-07-01", days: 200, floor: 0.3 } }, CHAT),
  model("meta-llama/llama-4-maverick", "meta-llama/llama-4-maverick-17b-128e-instruct", "Meta: Llama 4 Maverick", "2025-04-05", 1_048_576, ["0.15", "0.6", null],
    { peak: 4, rampDays: 10, fade: { mid: "2025-07-01", days: 100, floor: 0.3 } }),
  model("mistralai/mistral-small-3.1-24b-instruct", "mistralai/mistral-small-3.1-24b-instruct-2503", "Mistral: Mistral Small 3.1 24B", "2025-03-17", 128_000, ["0.1", "0.3", null],
    { peak: 2.5, rampDays: 20 }, CHAT),
  model("x-ai/grok-3", "x-ai/grok-3", "xAI: Grok 3", "2025-04-09", 131_072, ["3", "15", "0.75"],
    { peak: 3, rampDays: 15, fade: { mid: "2025-08-01", days: 60, floor: 0.3 } }),
  model("x-ai/grok-4", "x-ai/grok-4-07-09", "xAI: Grok 4", "2025-07-09", 256_000, ["3", "15", "0.75"],
    { peak: 8, rampDays: 15, fade: { mid: "2025-10-15", days: 60, floor: 0.4 } }),
  model("x-ai/grok-code-fast-1", "x-ai/grok-code-fast-1", "xAI: Grok Code Fast 1", "2025-08-26", 256_000, ["0.2", "1.5", "0.02"],
    { peak: 100, rampDays: 20, fade: { mid: "2026-01-01", days: 60, floor: 0.45 } }, CODING),
  model("qwen/qwen3-235b-a22b", "qwen/qwen3-235b-a22b-04-28", "Qwen: Qwen3 235B A22B", "2025-04-28", 131_072, ["0.13", "0.6", null],
    { peak: 4, rampDays: 15, fade: { mid: "2025-09-01", days: 80, floor: 0.3 } }),
  model("qwen/qwen3-coder", "qwen/qwen3-coder-480b-a35b-07-25", "Qwen: Qwen3 Coder 480B A35B", "2025-07-22", 262_144, ["0.22", "0.95", null],
    { peak: 20, rampDays: 25 }, CODING),
  model("z-ai/glm-4.6", "z-ai/glm-4.6", "Z.ai: GLM 4.6", "2025-09-30", 204_800, ["0.4", "1.75", "0.08"],
    { peak: 25, rampDays: 25 }, CODING),
  model("minimax/minimax-m2", "minimax/minimax-m2", "MiniMax: MiniMax M2", "2025-10-23", 204_800, ["0.255", "1.02", null],
    { peak: 35, rampDays: 25 }, CODING),
];
