import { expect } from "vitest";
import { IngestError } from "@/lib/ingest/errors";

/** Runs `fn`, which must throw an IngestError, and returns it (status, message and located details to assert). */
export function rejects(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error("expected an IngestError");
}
