"use client";

/** Any page that fails to render (most often: the database is unreachable) gets this instead of a blank 500. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <h1 className="text-lg font-semibold">This view could not be loaded</h1>
      <p className="mt-2 text-sm">
        The data store did not answer. It usually comes back by itself: try again in a moment. If it keeps failing,
        check that the database is running (<code>GET /api/health</code> says whether it is reachable).
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      >
        Try again
      </button>
    </section>
  );
}
