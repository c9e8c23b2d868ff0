/**
 * Per-token working arrays, reused from one reading to the next instead of
 * allocated afresh (a 1 MB note has some 200,000 tokens; fresh typed arrays of
 * that size for every edit cost more in garbage collection than the reading).
 * The reader is synchronous and never re-entered, so one set suffices. They hold
 * offsets, ids and flags, never the note's text.
 *
 * One function per array type, each with its own pool, so the engine's compiled
 * code sees one array type at each site. `fill` undefined: the caller writes
 * every element before reading it, so the old contents may stay.
 */
const int32s = new Map<string, Int32Array>();
const uint8s = new Map<string, Uint8Array>();
const uint16s = new Map<string, Uint16Array>();
const float64s = new Map<string, Float64Array>();

const grown = (length: number, old: { length: number } | undefined) => Math.max(length, 1024, old ? old.length * 2 : 0);

export function scratchInt32(name: string, length: number, fill?: number): Int32Array {
  let buffer = int32s.get(name);
  if (!buffer || buffer.length < length) int32s.set(name, (buffer = new Int32Array(grown(length, buffer))));
  const view = buffer.subarray(0, length);
  if (fill !== undefined) view.fill(fill);
  return view;
}

export function scratchUint8(name: string, length: number, fill?: number): Uint8Array {
  let buffer = uint8s.get(name);
  if (!buffer || buffer.length < length) uint8s.set(name, (buffer = new Uint8Array(grown(length, buffer))));
  const view = buffer.subarray(0, length);
  if (fill !== undefined) view.fill(fill);
  return view;
}

export function scratchUint16(name: string, length: number, fill?: number): Uint16Array {
  let buffer = uint16s.get(name);
  if (!buffer || buffer.length < length) uint16s.set(name, (buffer = new Uint16Array(grown(length, buffer))));
  const view = buffer.subarray(0, length);
  if (fill !== undefined) view.fill(fill);
  return view;
}

export function scratchFloat64(name: string, length: number, fill?: number): Float64Array {
  let buffer = float64s.get(name);
  if (!buffer || buffer.length < length) float64s.set(name, (buffer = new Float64Array(grown(length, buffer))));
  const view = buffer.subarray(0, length);
  if (fill !== undefined) view.fill(fill);
  return view;
}
