/**
 * Browsers and crawlers ask for /favicon.ico whatever the page links: send them to the icon (app/icon.svg).
 * A relative Location: absolute links come from configuration only.
 */
export function GET(): Response {
  return new Response(null, { status: 308, headers: { location: "/icon.svg", "cache-control": "public, max-age=86400" } });
}
