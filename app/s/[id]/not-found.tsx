import Link from "next/link";

export default function PermalinkNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Permalink not found</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">This link does not name a shared view of this Modelshare instance. Check that it was copied whole.</p>
      <p className="text-sm">
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
          Go to the overview
        </Link>
      </p>
    </div>
  );
}
