/**
 * The two kinds of "everything else": the source's own bucket (OpenRouter's `other` row in rankings-daily,
 * "Others" in some trackers) stored as a model of kind 'bucket', and the series a chart or query folds its
 * remaining models into. One identity for each, used by ingest, queries and figures.
 */

/** Permaslug of the stored bucket model (its public id too). */
export const BUCKET_SLUG = "other";

/** Is a model reference in a snapshot the source's bucket? */
export function isBucketName(ref: string): boolean {
  return ref.length <= 6 && (ref.toLowerCase() === "other" || ref.toLowerCase() === "others");
}

/** Key of a folded "Others" series, in query results and figures alike. */
export const OTHERS_KEY = "others";
