/**
 * The API key must never reach a log, an error message or a test's output. Everything the collector prints
 * goes through a redactor that knows the key (and hides any `Bearer …` credential, whatever it is).
 */
export type Redactor = (text: string) => string;

export function makeRedactor(secrets: Array<string | undefined | null>): Redactor {
  const keys = secrets.filter((s): s is string => typeof s === "string" && s.length >= 4);
  return (text) => {
    let out = text.replace(/(Bearer\s+)[^\s"',;]+/gi, "$1***");
    for (const key of keys) out = out.split(key).join("***");
    return out;
  };
}
