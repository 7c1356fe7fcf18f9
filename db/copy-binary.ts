/**
 * Rows in COPY's binary format (PostgreSQL docs, "COPY", Binary Format): a header, then per row a 16-bit field
 * count and per field a 32-bit length (−1 for null) and the value as the server stores it, then a trailer.
 * Cheaper for the server than text, which it parses value by value: a text COPY of 1M model-day rows took
 * 1.4–1.8 s where the same rows in binary took 1.1 s (measured here). Only the types the usage tables use.
 */

/** Signature, flags (none), header extension length (none). */
export const COPY_BINARY_HEADER = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** Bytes a row can take: its field count and, per field, a length and at most 8 bytes of value. */
export const rowBytes = (fields: number) => 2 + fields * 12;

const POSTGRES_EPOCH_DAYS = 10_957; // 2000-01-01, in days since 1970-01-01
const POSTGRES_EPOCH_MS = POSTGRES_EPOCH_DAYS * 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date, for any year (no Date quirks for years below 100). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** A fixed-size buffer that rows are written into; `done()` is what was written. */
export class BinaryRows {
  private readonly buf: Buffer;
  private at = 0;
  private readonly days = new Map<string, number>();

  constructor(bytes: number) {
    this.buf = Buffer.allocUnsafe(bytes);
  }

  row(fields: number): void {
    this.at = this.buf.writeInt16BE(fields, this.at);
  }

  int4(value: number): void {
    this.at = this.buf.writeInt32BE(value, this.buf.writeInt32BE(4, this.at));
  }

  /** A validated YYYY-MM-DD. */
  date(day: string): void {
    let d = this.days.get(day);
    if (d === undefined) {
      d = daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))) - POSTGRES_EPOCH_DAYS;
      this.days.set(day, d);
    }
    this.int4(d);
  }

  /** A validated non-negative decimal below 2^63 (token counts are never JavaScript numbers beyond 2^53). */
  int8Digits(digits: string): void {
    const at = this.buf.writeInt32BE(8, this.at);
    if (digits.length <= 15) {
      const n = Number(digits);
      this.buf.writeUInt32BE(Math.floor(n / 4_294_967_296), at);
      this.buf.writeUInt32BE(n % 4_294_967_296, at + 4);
      this.at = at + 8;
    } else {
      this.at = this.buf.writeBigInt64BE(BigInt(digits), at);
    }
  }

  null(): void {
    this.at = this.buf.writeInt32BE(-1, this.at);
  }

  /** Fields written once and repeated on every row (e.g. a snapshot id and its as_of). */
  raw(fields: Buffer): void {
    this.at += fields.copy(this.buf, this.at);
  }

  done(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

/** The fields `snapshot_id int8, as_of timestamptz` of one snapshot, encoded once. */
export function provenanceFields(snapshotId: number, asOfIso: string): Buffer {
  const b = Buffer.alloc(24);
  b.writeInt32BE(8, 0);
  b.writeBigInt64BE(BigInt(snapshotId), 4);
  b.writeInt32BE(8, 12);
  b.writeBigInt64BE(BigInt(Date.parse(asOfIso) - POSTGRES_EPOCH_MS) * 1000n, 16); // microseconds since 2000-01-01
  return b;
}
