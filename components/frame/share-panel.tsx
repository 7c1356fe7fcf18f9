"use client";

import { useEffect, useId, useRef, useState } from "react";
import { embedSnippet } from "@/lib/share/snippet";
import { usePageView } from "@/lib/ui/view-defaults";
import { chartHref, pageHref, permalinkPath, stateQuery, type ChartTarget } from "@/lib/view/address";
import { CHARTS, type ChartId } from "@/lib/view/charts";
import { downloadName } from "@/lib/share/download-name";
import { useViewState } from "@/lib/ui/use-view-state";
import { THEMES, WORD_LIMITS, type Theme, type ViewState } from "@/lib/view/state";

interface Created {
  id: string;
  asOf: string | null;
}

async function copyText(text: string, fallback: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

const item =
  "flex w-full items-center justify-between gap-2 rounded px-2.5 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800";
const field =
  "mt-1 w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-200";

/**
 * What the Share menu (share-menu.tsx) holds: copy the live link, create and copy a pinned permalink, the
 * author's words, the iframe snippet (live or pinned, with or without embed.js), PNG and SVG downloads.
 * Loaded when the menu is first reached for, and kept (hidden) once opened, so what was typed stays.
 */
export default function SharePanel({ chart, title, state, onReady }: { chart: ChartId; title: string; state: ViewState; onReady: () => void }) {
  // `context` is the server-rendered view title: it names the page's subject (a model, an app), which the
  // compare page changes on the client, so there the chart's own title is used.
  const { view, subject, context, pinned } = usePageView();
  const [embedOpen, setEmbedOpen] = useState(false);
  const [pinEmbed, setPinEmbed] = useState(!!pinned);
  const [withScript, setWithScript] = useState(true);
  const [theme, setTheme] = useState<Theme>("auto");
  const { update } = useViewState();
  const [pinnedFor, setCreated] = useState<(Created & { query: string }) | null>(pinned ? { id: pinned.id, asOf: pinned.asOf, query: pinned.query } : null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [shownLink, setShownLink] = useState<string | null>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // Absolute links need the page's origin: known after mount (server and first client render agree on "").
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  useEffect(() => onReady(), [onReady]);

  if (!view) return null;
  // A pinned link made before the author changed their words (or the view) is not this chart's any more.
  const created = pinnedFor && (pinned || pinnedFor.query === stateQuery(view, state)) ? pinnedFor : null;
  const address = { view, subject, state };
  const liveLink = `${origin}${pageHref(address)}#${chart}`;
  const pinnedLink = created ? `${origin}${permalinkPath(created.id)}#${chart}` : null;
  const liveTarget: ChartTarget = { kind: "live", address, chart };
  const pinnedTarget: ChartTarget | null = created ? { kind: "permalink", id: created.id, chart } : null;
  const imageTarget = pinned && pinnedTarget ? pinnedTarget : liveTarget;
  const embedTarget = pinEmbed ? pinnedTarget : liveTarget;
  const snippet = embedTarget
    ? embedSnippet({ src: `${origin}${chartHref("/embed", embedTarget, { theme })}`, title: context && view !== "compare" ? `${context}: ${title}` : title, height: CHARTS[chart].height, script: withScript ? `${origin}/embed.js` : null })
    : "";

  async function ensurePinned(): Promise<Created | null> {
    if (created) return created;
    setBusy(true);
    setStatus("Creating a pinned link…");
    try {
      const res = await fetch("/api/share", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ view, subject, chart, query: stateQuery(view!, state), mode: "pinned" }),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        setStatus(body?.error?.message ? `Could not pin: ${body.error.message}` : `Could not pin (${res.status}).`);
        return null;
      }
      const c = { id: body.id as string, asOf: (body.asOf as string | null) ?? null };
      setCreated({ ...c, query: stateQuery(view!, state) });
      return c;
    } catch {
      setStatus("Could not pin: the server did not answer.");
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function copyLink(link: string, what: string) {
    setShownLink(link);
    // The field renders with the link first, so the fallback can select it.
    await new Promise((r) => setTimeout(r, 0));
    const ok = await copyText(link, linkField.current);
    setStatus(ok ? `${what} copied.` : `${what}: select the link below and copy it.`);
  }

  return (
    <>
      <ul className="space-y-0.5">
        <li>
          <button type="button" className={item} onClick={() => copyLink(pinned && pinnedLink ? pinnedLink : liveLink, pinned ? "Pinned link" : "Link")}>
            {pinned ? "Copy this pinned link" : "Copy link"}
            <span className="text-xs text-slate-500 dark:text-slate-400">{pinned ? "same data" : "follows new data"}</span>
          </button>
        </li>
        <li>
          {pinned ? (
            <button type="button" className={item} onClick={() => copyLink(liveLink, "Live link")}>
              Copy live link <span className="text-xs text-slate-500 dark:text-slate-400">follows new data</span>
            </button>
          ) : (
            <button
              type="button"
              className={item}
              disabled={busy}
              onClick={async () => {
                const c = await ensurePinned();
                if (c) await copyLink(`${origin}${permalinkPath(c.id)}#${chart}`, "Pinned link");
              }}
            >
              Copy pinned link <span className="text-xs text-slate-500 dark:text-slate-400">data as of now</span>
            </button>
          )}
        </li>
      </ul>
      {shownLink && (
        <div className="px-2.5 pb-1">
          <label htmlFor={`${id}-link`} className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Link
          </label>
          <input id={`${id}-link`} ref={linkField} readOnly value={shownLink} data-share-link className={field} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      {!pinned && <AuthorWordsFields chart={chart} state={state} onApply={(words) => update({ ...words, for: chart })} />}
      <button type="button" className={item} aria-expanded={embedOpen} aria-controls={`${id}-embed`} onClick={() => setEmbedOpen((o) => !o)}>
        Embed… <span aria-hidden="true">{embedOpen ? "▴" : "▾"}</span>
      </button>
      <div id={`${id}-embed`} hidden={!embedOpen} className="space-y-2 px-2.5 py-2">
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
          <legend className="sr-only">Embed data</legend>
          <label className="flex items-center gap-1.5">
            <input type="radio" name={`${id}-mode`} checked={!pinEmbed} disabled={!!pinned} onChange={() => setPinEmbed(false)} />
            Live
          </label>
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={pinEmbed}
              onChange={async () => {
                setPinEmbed(true);
                await ensurePinned();
              }}
            />
            Pinned (data as of now)
          </label>
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={withScript} onChange={(e) => setWithScript(e.target.checked)} />
            Auto-resize (embed.js)
          </label>
          <label className="flex items-center gap-1.5">
            Theme
            <select value={theme} data-embed-theme onChange={(e) => setTheme(e.target.value as Theme)} className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-950">
              {THEMES.map((t) => (
                <option key={t} value={t}>
                  {t === "auto" ? "Auto (reader's setting)" : t[0].toUpperCase() + t.slice(1)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <div>
          <label htmlFor={`${id}-snippet`} className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Embed code
          </label>
          <textarea id={`${id}-snippet`} ref={snippetField} readOnly rows={5} value={snippet} data-embed-snippet className={field} onFocus={(e) => e.currentTarget.select()} />
        </div>
        <button
          type="button"
          disabled={!snippet}
          className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700 disabled:opacity-50 dark:bg-indigo-400 dark:text-slate-950"
          onClick={async () => setStatus((await copyText(snippet, snippetField.current)) ? "Embed code copied." : "Select the embed code and copy it.")}
        >
          Copy embed code
        </button>
      </div>
      <ul className="mt-1 space-y-0.5 border-t border-slate-200 pt-1 dark:border-slate-700">
        {(["png", "svg"] as const).map((format) => (
          <li key={format}>
            <a className={item} href={chartHref("/api/image", imageTarget, { format, download: true })} download={downloadName(address, chart, format)}>
              Download {format.toUpperCase()}
              <span className="text-xs text-slate-500 dark:text-slate-400">{format === "png" ? "1200×630 image" : "vector"}</span>
            </a>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="min-h-4 px-2.5 pt-1 text-xs text-slate-600 dark:text-slate-400">
        {status}
      </p>
    </>
  );
}

type Words = Pick<ViewState, "title" | "subtitle" | "note">;

/**
 * Title, subtitle and note written by the author before sharing: applied to the view state (so the link,
 * permalink, embed and images carry them) when a field is left or Enter is pressed, not on every keystroke.
 */
function AuthorWordsFields({ chart, state, onApply }: { chart: string; state: ViewState; onApply: (w: Words) => void }) {
  const mine = state.for === null || state.for === chart;
  const [words, setWords] = useState<Record<keyof Words, string>>({
    title: (mine && state.title) || "",
    subtitle: (mine && state.subtitle) || "",
    note: (mine && state.note) || "",
  });
  const id = useId();
  const apply = () => onApply({ title: words.title.trim() || null, subtitle: words.subtitle.trim() || null, note: words.note.trim() || null });
  const input = (key: keyof Words, label: string, multiline = false) => {
    const props = {
      id: `${id}-${key}`,
      value: words[key],
      maxLength: WORD_LIMITS[key],
      "data-author-field": key,
      className: field.replace("font-mono ", ""),
      onChange: (e: { target: { value: string } }) => setWords((w) => ({ ...w, [key]: e.target.value })),
      onBlur: apply,
    };
    return (
      <div>
        <label htmlFor={props.id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
          {label} <span className="font-normal">(up to {WORD_LIMITS[key]} characters)</span>
        </label>
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} onKeyDown={(e) => e.key === "Enter" && apply()} />}
      </div>
    );
  };
  return (
    <fieldset className="my-1 space-y-1 border-y border-slate-200 px-2.5 py-2 dark:border-slate-700">
      <legend className="text-xs font-semibold text-slate-700 dark:text-slate-300">Your words on this chart</legend>
      {input("title", "Title")}
      {input("subtitle", "Subtitle")}
      {input("note", "Note", true)}
    </fieldset>
  );
}
