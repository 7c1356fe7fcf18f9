import Link from "next/link";
import { cleanText } from "@/lib/labels";

/** A model or app page whose subject is not stored: the reason, and a way back. */
export function UnknownSubject({ title, error, children }: { title: string; error: string | null; children?: React.ReactNode }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">{cleanText(title)}</h1>
      <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
        {/* The reason quotes the id from the URL: an external string. */}
        {error && cleanText(error)}
      </p>
      <p className="text-sm">
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
          Back to the overview
        </Link>
        {children}
      </p>
    </div>
  );
}
