/**
 * Sample apps (names, URLs and categories as OpenRouter lists them) and the share of each model's
 * monthly tokens each app accounts for. A share is a constant, or points [month, share] joined by
 * straight lines (0 before the first point, the last value after the last), so an app's model mix
 * can move over time: Kilo Code shifts from Claude Haiku 4.5 toward Gemini 3 Flash after Flash's launch.
 * Shares of one model across apps stay well under 1, so app totals never exceed the model's total.
 */
import type { AppRecord } from "@/lib/ingest/types";

/** "YYYY-MM" → share of that model's monthly tokens. */
export type Share = number | Array<[month: string, share: number]>;

export interface SampleApp {
  record: AppRecord;
  /** Average tokens per request, for the `requests` column. */
  tokensPerRequest: number;
  /** First month the app appears (default: whenever its models exist). */
  since?: string;
  /** Model public id → share of that model's monthly tokens. */
  uses: Record<string, Share>;
}

function app(appId: string, name: string, url: string, categories: string[], tokensPerRequest: number,
  uses: Record<string, Share>, since?: string): SampleApp {
  return { record: { appId, name, slug: appId, url, categories }, tokensPerRequest, since, uses };
}

export const SAMPLE_APPS: SampleApp[] = [
  app("lemonade", "Lemonade", "https://lemonade.gg/", ["programming-app"], 12_000, {
    "google/gemini-2.5-flash": [["2025-08", 0.02], ["2025-11", 0.05]],
    "google/gemini-3-pro-preview": 0.04,
    "google/gemini-3-flash-preview": 0.08,
  }, "2025-08"),
  app("kilo-code", "Kilo Code", "https://kilocode.ai/", ["cli-agent", "ide-extension"], 30_000, {
    "anthropic/claude-3.7-sonnet": 0.04,
    "google/gemini-2.5-pro": 0.04,
    "anthropic/claude-sonnet-4": 0.06,
    "x-ai/grok-code-fast-1": 0.25,
    "anthropic/claude-sonnet-4.5": 0.05,
    "anthropic/claude-haiku-4.5": [["2025-10", 0.12], ["2025-12", 0.1], ["2026-01", 0.05], ["2026-02", 0.02]],
    "google/gemini-3-flash-preview": [["2025-12", 0.01], ["2026-01", 0.025], ["2026-02", 0.04]],
    "z-ai/glm-4.6": 0.05,
    "minimax/minimax-m2": 0.06,
  }, "2025-04"),
  app("roo-code", "Roo Code", "https://github.com/RooVetGit/Roo-Cline", ["ide-extension", "cloud-agent"], 28_000, {
    "anthropic/claude-3.5-sonnet": 0.03,
    "anthropic/claude-3.7-sonnet": 0.05,
    "google/gemini-2.5-pro-preview-03-25": 0.08,
    "google/gemini-2.5-pro-exp-03-25:free": 0.1,
    "deepseek/deepseek-chat-v3-0324:free": 0.03,
    "anthropic/claude-sonnet-4": 0.04,
    "google/gemini-2.5-pro": 0.05,
    "anthropic/claude-sonnet-4.5": 0.03,
    "google/gemini-3-flash-preview": [["2025-12", 0.015], ["2026-01", 0.02]],
  }),
  app("claude-code", "Claude Code", "https://claude.ai/code", ["cli-agent"], 35_000, {
    "anthropic/claude-sonnet-4": 0.05,
    "anthropic/claude-sonnet-4.5": 0.1,
    "anthropic/claude-haiku-4.5": 0.15,
    "anthropic/claude-opus-4.5": 0.12,
    "anthropic/claude-opus-4.6": 0.12,
  }, "2025-06"),
  app("cline", "Cline", "https://cline.bot/", ["ide-extension", "cli-agent"], 30_000, {
    "anthropic/claude-3.5-sonnet": 0.08,
    "anthropic/claude-3.7-sonnet": 0.1,
    "google/gemini-2.5-pro-preview-03-25": 0.06,
    "google/gemini-2.5-pro-exp-03-25:free": 0.08,
    "deepseek/deepseek-chat-v3-0324": 0.03,
    "anthropic/claude-sonnet-4": 0.05,
    "google/gemini-2.5-pro": 0.04,
    "x-ai/grok-code-fast-1": 0.05,
    "anthropic/claude-sonnet-4.5": 0.03,
    "google/gemini-3-flash-preview": 0.015,
  }),
  app("sillytavern", "SillyTavern", "https://sillytavern.app/", ["roleplay"], 9_000, {
    "deepseek/deepseek-chat": 0.1,
    "deepseek/deepseek-r1": 0.08,
    "google/gemini-2.0-flash-exp:free": 0.1,
    "deepseek/deepseek-chat-v3-0324": 0.1,
    "deepseek/deepseek-chat-v3-0324:free": 0.08,
    "google/gemini-2.5-pro-exp-03-25:free": 0.05,
    "anthropic/claude-3.7-sonnet": 0.03,
    "google/gemini-2.5-pro": 0.04,
    "deepseek/deepseek-v3.2": 0.06,
    "google/gemini-3-flash-preview": 0.012,
  }),
  app("janitor-ai", "Janitor AI", "https://janitorai.com/", ["roleplay"], 7_000, {
    "deepseek/deepseek-chat": 0.15,
    "deepseek/deepseek-r1": 0.1,
    "deepseek/deepseek-chat-v3-0324": 0.2,
    "deepseek/deepseek-chat-v3-0324:free": 0.25,
    "deepseek/deepseek-v3.2": 0.2,
    "meta-llama/llama-3.3-70b-instruct": 0.05,
    "mistralai/mistral-small-3.1-24b-instruct": 0.05,
    "google/gemini-2.0-flash-001": 0.03,
  }),
  app("open-webui", "Open WebUI", "https://openwebui.com/", ["general-chat"], 3_000, {
    "openai/gpt-4o-mini": 0.04,
    "openai/gpt-4o": 0.05,
    "meta-llama/llama-3.3-70b-instruct": 0.04,
    "google/gemini-2.0-flash-001": 0.02,
    "openai/gpt-4.1": 0.03,
    "qwen/qwen3-235b-a22b": 0.05,
    "openai/gpt-5": 0.02,
    "openai/gpt-oss-120b": 0.03,
    "google/gemini-2.5-flash": 0.01,
    "google/gemini-3-flash-preview": 0.005,
  }),
  app("aider", "Aider", "https://aider.chat/", ["cli-agent"], 20_000, {
    "anthropic/claude-3.5-sonnet": 0.02,
    "deepseek/deepseek-r1": 0.01,
    "anthropic/claude-3.7-sonnet": 0.02,
    "google/gemini-2.5-pro-preview-03-25": 0.03,
    "deepseek/deepseek-chat-v3-0324": 0.02,
    "openai/gpt-4.1": 0.01,
    "google/gemini-2.5-pro": 0.02,
  }),
  app("librechat", "LibreChat", "https://librechat.ai/", ["general-chat"], 3_000, {
    "openai/gpt-4o-mini": 0.03,
    "openai/gpt-4o": 0.04,
    "anthropic/claude-3.5-sonnet": 0.01,
    "google/gemini-2.0-flash-001": 0.01,
    "openai/gpt-4.1": 0.02,
    "openai/gpt-5": 0.01,
  }),
  app("chub-ai", "Chub AI", "https://chub.ai/", ["roleplay"], 8_000, {
    "deepseek/deepseek-chat": 0.04,
    "meta-llama/llama-3.3-70b-instruct": 0.05,
    "mistralai/mistral-small-3.1-24b-instruct": 0.1,
    "deepseek/deepseek-chat-v3-0324:free": 0.05,
    "deepseek/deepseek-v3.2": 0.03,
  }),
  app("openhands", "OpenHands", "https://docs.all-hands.dev/", ["cli-agent"], 25_000, {
    "anthropic/claude-sonnet-4": 0.02,
    "qwen/qwen3-coder": 0.06,
    "anthropic/claude-sonnet-4.5": 0.01,
    "z-ai/glm-4.6": 0.03,
    "minimax/minimax-m2": 0.03,
  }),
  app("continue", "Continue", "https://www.continue.dev/", ["ide-extension"], 10_000, {
    "google/gemini-2.0-flash-001": 0.01,
    "mistralai/mistral-small-3.1-24b-instruct": 0.05,
    "openai/gpt-4.1": 0.01,
    "qwen/qwen3-coder": 0.03,
  }),
  app("openclaw", "OpenClaw", "https://openclaw.ai/", ["personal-agent", "cli-agent"], 15_000, {
    "anthropic/claude-opus-4.5": 0.03,
    "anthropic/claude-opus-4.6": 0.05,
    "minimax/minimax-m2": 0.05,
    "google/gemini-3-flash-preview": [["2026-01", 0.01], ["2026-02", 0.02]],
  }, "2026-01"),
];
