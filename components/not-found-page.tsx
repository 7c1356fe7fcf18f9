import Link from "next/link";

const LINKS = [
  { href: "/models", label: "All models" },
  { href: "/apps", label: "Apps leaderboard" },
  { href: "/vendors", label: "Vendors" },
  { href: "/", label: "Overview" },
];

/** The body of every 404 page: what was not found, how to find it, and where to go from here. */
export function NotFoundPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">{children}</p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Search models, apps and vendors with the search box at the top of the page (press <kbd className="rounded border px-1 font-mono text-xs">/</kbd>), or
        browse:
      </p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="text-indigo-700 underline dark:text-indigo-300">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
