import type { Metadata } from "next";
import Link from "next/link";
import { Providers } from "@/components/providers";
import { NavLinks } from "@/components/ui/nav-links";
import { SiteSearch } from "@/components/search/site-search";
import { THEME_SCRIPT, ThemeToggle } from "@/components/ui/theme-toggle";
import { themeCss } from "@/lib/figures/palette";
import { plotBandsCss } from "@/lib/figures/render/page-plot";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Modelshare — where LLM tokens go", template: "%s · Modelshare" },
  description: "Open dashboard of LLM token usage: adoption curves, free vs paid share, apps per model, side-by-side comparison.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Our own constant script (no external strings): applies a saved theme before first paint. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* Chart colours from the one palette, and which server-drawn width band a chart shows (constants, no external strings). */}
        <style dangerouslySetInnerHTML={{ __html: themeCss() + plotBandsCss() }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
          Skip to content
        </a>
        <Providers>
          <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
              <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <Link href="/" className="text-lg font-semibold tracking-tight">
                  Model<span className="text-indigo-600 dark:text-indigo-400">share</span>
                </Link>
                <span className="hidden text-sm text-slate-500 xl:inline dark:text-slate-400">where LLM tokens go</span>
                <NavLinks />
              </nav>
              <div className="flex w-full items-center gap-2 sm:ml-auto sm:w-auto">
                <div className="min-w-0 flex-1" role="search" aria-label="Site">
                  <SiteSearch />
                </div>
                <ThemeToggle />
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
