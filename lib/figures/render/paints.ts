import type { ColorRef } from "../types";
import type { Paint } from "../palette";

export function colorPaint(c: ColorRef): Paint {
  return c === "other" ? "other" : `s${c}`;
}
