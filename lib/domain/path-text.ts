/**
 * Whether a request path can name anything: each segment must decode as UTF-8 (`%ed%a0%80` is half a
 * surrogate pair) and hold no control characters (`%00` cannot even reach Postgres). proxy.ts answers such
 * paths with a 400 before any route, page or query sees them.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;

/** The problem with `pathname` (as received, still percent-encoded), or null when every segment is text. */
export function pathProblem(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return "the path is not valid percent-encoded UTF-8";
    }
    if (CONTROL_RE.test(text)) return "the path contains control characters";
  }
  return null;
}
