/** Page addresses of the things pages link to; ids are encoded per path segment. */

/** `/models/google/gemini-3-flash-preview` (a model id's "/" stays a path separator). */
export function modelHref(id: string): string {
  return `/models/${id.split("/").map(encodeURIComponent).join("/")}`;
}

export function appHref(appId: string): string {
  return `/apps/${encodeURIComponent(appId)}`;
}

/** A vendor's page by its slug (`/vendors/x-ai`); pages show vendorName(slug) as its text. */
export function vendorHref(slug: string): string {
  return `/vendors/${encodeURIComponent(slug)}`;
}
