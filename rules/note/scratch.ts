/**
 * Per-token working arrays, reused from one reading to the next instead of
 * allocated afresh (a 1 MB note has some 200,000 tokens; fresh typed arrays of
 * that size for every edit cost more in garbage collection than the reading).
 * The reader is synchronous and never re-entered, so one set suffices. They hold
 * offsets, ids and flags, never the note's text.
 */
type Typed = Int32Array | Uint8Array | Uint16Array | Float64Array;

const pool = new Map<string, Typed>();

function take<T extends Typed>(name: string, length: number, make: (n: number) => T, fill: number): T {
  let buffer = pool.get(name) as T | undefined;
  if (!buffer || buffer.length < length) {
    buffer = make(Math.max(length, 1024, buffer ? buffer.length * 2 : 0));
    pool.set(name, buffer);
  }
  const view = buffer.subarray(0, length) as T;
  view.fill(fill);
  return view;
}

export const scratchInt32 = (name: string, length: number, fill = 0) => take(name, length, (n) => new Int32Array(n), fill);
export const scratchUint8 = (name: string, length: number, fill = 0) => take(name, length, (n) => new Uint8Array(n), fill);
export const scratchUint16 = (name: string, length: number, fill = 0) => take(name, length, (n) => new Uint16Array(n), fill);
export const scratchFloat64 = (name: string, length: number, fill = 0) => take(name, length, (n) => new Float64Array(n), fill);
