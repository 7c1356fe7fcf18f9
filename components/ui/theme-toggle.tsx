"use client";

import { useEffect, useState } from "react";

type Theme = "auto" | "light" | "dark";
const KEY = "modelshare-theme";
const NEXT: Record<Theme, Theme> = { auto: "light", light: "dark", dark: "auto" };
const LABEL: Record<Theme, string> = { auto: "Theme: auto", light: "Theme: light", dark: "Theme: dark" };

/** Applied before first paint by THEME_SCRIPT in the layout; the toggle cycles auto → light → dark. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("${KEY}");if(t==="light"||t==="dark")document.documentElement.classList.add(t)}catch(e){}`;

function apply(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "auto") root.classList.add(theme);
  try {
    if (theme === "auto") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // storage may be unavailable (private mode, embeds): the choice then lasts for this page only
  }
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("auto");
  useEffect(() => {
    const root = document.documentElement;
    setTheme(root.classList.contains("dark") ? "dark" : root.classList.contains("light") ? "light" : "auto");
  }, []);
  return (
    <button
      type="button"
      onClick={() => {
        const next = NEXT[theme];
        apply(next);
        setTheme(next);
      }}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      aria-label={`${LABEL[theme]} (click to change)`}
      title={LABEL[theme]}
    >
      <span aria-hidden="true">{theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"}</span>
      <span className="ml-1 hidden sm:inline">{theme === "auto" ? "Auto" : theme === "light" ? "Light" : "Dark"}</span>
    </button>
  );
}
