"use client";

/** Downloads the given CSV text as a file; built on click so it always matches what is on screen. */
export function CsvButton({ filename, build, label }: { filename: string; build: () => string; label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => {
        const blob = new Blob([build()], { type: "text/csv;charset=utf-8" });
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = filename;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
      className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      CSV
    </button>
  );
}
