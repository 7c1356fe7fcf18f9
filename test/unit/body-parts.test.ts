/**
 * Snapshot bodies are stored in parts (lib/ingest/body-parts.ts): the parts put back together are the body,
 * each part is valid text (no surrogate pair cut in two), and none is larger than asked.
 */
import { describe, expect, it } from "vitest";
import { bodyParts } from "@/lib/ingest/body-parts";

describe("bodyParts", () => {
  it("cuts a body into parts of the given size that join back into it", () => {
    expect(bodyParts("abcdefgh", 3)).toEqual(["abc", "def", "gh"]);
    expect(bodyParts("abcdef", 3)).toEqual(["abc", "def"]);
    expect(bodyParts("", 3)).toEqual([""]);
  });

  it("never cuts a surrogate pair: the part before it ends one code unit early", () => {
    const body = "ab😀cd😀"; // 😀 is two UTF-16 code units
    const parts = bodyParts(body, 3);
    expect(parts).toEqual(["ab", "😀c", "d😀"]);
    expect(parts.join("")).toBe(body);
    for (const p of parts) expect(p.isWellFormed()).toBe(true);
  });

  it("keeps every part well formed on a body of astral characters only, whatever the size", () => {
    const body = "𝄞".repeat(1000);
    for (const size of [2, 3, 7, 64]) {
      const parts = bodyParts(body, size);
      expect(parts.join("")).toBe(body);
      expect(parts.every((p) => p.isWellFormed() && p.length <= size)).toBe(true);
    }
  });
});
