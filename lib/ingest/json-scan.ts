/**
 * A second look at a JSON text for what JSON.parse accepts silently or reports without a place:
 *
 * - a key repeated in one object (JSON.parse keeps the last: `"totalTokens":"5","totalTokens":"7"` stores 7);
 * - `\u0000` (Postgres text cannot hold NUL) and lone surrogates such as `\ud800` (not encodable as UTF-8),
 *   written as escapes, in any string;
 * - nesting deeper than our formats use;
 * - and, when JSON.parse gave no position ("Unexpected token ']', … is not valid JSON"), where the syntax
 *   error is.
 *
 * Iterative (a hostile `[[[[…` cannot overflow the stack) and strict; every problem has an offset so the
 * caller can name its line and column.
 */
import { LIMITS } from "./limits";

export interface JsonProblem {
  pos: number;
  message: string;
  /** true: the text is not JSON (400); false: JSON we refuse (422). */
  syntax: boolean;
}

interface Frame {
  object: boolean;
  keys: string[] | Set<string> | null;
}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_SPECIAL_RE = /["\\\u0000-\u001f]/g;
const HEX4_RE = /^[0-9a-fA-F]{4}$/;

class Stop {
  constructor(readonly problem: JsonProblem) {}
}

function fail(pos: number, message: string, syntax = true): never {
  throw new Stop({ pos, message, syntax });
}

/** The first problem in `text`, or null. */
export function scanJson(text: string, maxDepth: number = LIMITS.jsonDepth): JsonProblem | null {
  try {
    scan(text, maxDepth);
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}

function skipWs(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/** Reads the string starting at the quote at `i`; returns the index after its closing quote and its key form. */
function readString(text: string, i: number, wantValue: boolean): { end: number; value: string } {
  STRING_SPECIAL_RE.lastIndex = i + 1;
  let escaped = false;
  for (;;) {
    const m = STRING_SPECIAL_RE.exec(text);
    if (!m) fail(text.length, "unterminated string");
    const j = m.index;
    const c = text.charCodeAt(j);
    if (c === 34) {
      const end = j + 1;
      if (!wantValue) return { end, value: "" };
      return { end, value: escaped ? (JSON.parse(text.slice(i, end)) as string) : text.slice(i + 1, j) };
    }
    if (c !== 92) fail(j, "control character in a string (write it as an escape)");
    escaped = true;
    const e = text[j + 1];
    if (e === "u") {
      const hex = text.slice(j + 2, j + 6);
      if (!HEX4_RE.test(hex)) fail(j, "bad \\u escape");
      const code = parseInt(hex, 16);
      if (code === 0) fail(j, "\\u0000 (NUL) is not allowed in a string", false);
      if (code >= 0xdc00 && code <= 0xdfff) fail(j, `lone surrogate \\u${hex} (not a Unicode character)`, false);
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = text.slice(j + 6, j + 12);
        const lowCode = low.startsWith("\\u") && HEX4_RE.test(low.slice(2)) ? parseInt(low.slice(2), 16) : -1;
        if (lowCode < 0xdc00 || lowCode > 0xdfff) fail(j, `lone surrogate \\u${hex} (not a Unicode character)`, false);
        STRING_SPECIAL_RE.lastIndex = j + 12;
      } else {
        STRING_SPECIAL_RE.lastIndex = j + 6;
      }
    } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
      STRING_SPECIAL_RE.lastIndex = j + 2;
    } else {
      fail(j, "bad escape in a string");
    }
  }
}

/** Remembers an object's keys; small objects (every row of ours) use an array, not a Set. */
function addKey(frame: Frame, key: string, pos: number): void {
  const keys = frame.keys;
  if (keys === null) {
    frame.keys = [key];
    return;
  }
  const seen = Array.isArray(keys) ? keys.includes(key) : keys.has(key);
  if (seen) fail(pos, `duplicate key ${JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key)} in one object`, false);
  if (Array.isArray(keys)) {
    if (keys.length < 16) keys.push(key);
    else frame.keys = new Set([...keys, key]);
  } else keys.add(key);
}

function readKey(text: string, i: number, frame: Frame): number {
  i = skipWs(text, i);
  if (text.charCodeAt(i) !== 34) fail(i, "expected a double-quoted property name");
  const { end, value } = readString(text, i, true);
  addKey(frame, value, i);
  i = skipWs(text, end);
  if (text.charCodeAt(i) !== 58) fail(i, "expected ':' after a property name");
  return i + 1;
}

function scan(text: string, maxDepth: number): void {
  const stack: Frame[] = [];
  let i = 0;
  for (;;) {
    // A value starts at i.
    i = skipWs(text, i);
    const c = text.charCodeAt(i);
    let closed = false;
    if (c === 123 || c === 91) {
      if (stack.length >= maxDepth) fail(i, `nested deeper than ${maxDepth} levels`, false);
      const frame: Frame = { object: c === 123, keys: null };
      const next = skipWs(text, i + 1);
      if (text.charCodeAt(next) === (c === 123 ? 125 : 93)) {
        i = next + 1;
        closed = true;
      } else {
        stack.push(frame);
        i = frame.object ? readKey(text, i + 1, frame) : i + 1;
        continue;
      }
    } else if (c === 34) {
      i = readString(text, i, false).end;
    } else if (text.startsWith("true", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else if (text.startsWith("null", i)) i += 4;
    else {
      NUMBER_RE.lastIndex = i;
      if (!NUMBER_RE.test(text)) fail(i, i >= text.length ? "unexpected end of input" : "unexpected character");
      i = NUMBER_RE.lastIndex;
    }
    void closed;
    // After a value: a comma, the end of its container, or the end of the text.
    for (;;) {
      i = skipWs(text, i);
      const frame = stack[stack.length - 1];
      if (!frame) {
        if (i < text.length) fail(i, "unexpected text after the JSON value");
        return;
      }
      const ch = text.charCodeAt(i);
      if (ch === 44) {
        i = frame.object ? readKey(text, i + 1, frame) : i + 1;
        break;
      }
      if (ch === (frame.object ? 125 : 93)) {
        stack.pop();
        i++;
        continue;
      }
      fail(i, i >= text.length ? "unexpected end of input" : `expected ',' or '${frame.object ? "}" : "]"}'`);
    }
  }
}
