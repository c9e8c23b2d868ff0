/**
 * Where a warning goes (lib/content/placement.ts), as geometry: boxes in, a
 * spot out. The e2e test (test/e2e/placement.test.ts) measures the same on
 * the demo screens in Chromium; these pin down the choices one by one.
 */
import { describe, expect, it } from 'vitest';
import { findSpot, GAP, leastCovering, meets, tetherPath, type Box } from '../../lib/content/placement';

const box = (left: number, top: number, w: number, h: number): Box => ({ left, top, right: left + w, bottom: top + h });
const VIEW = box(0, 0, 1000, 600);
const FIELD = box(400, 300, 80, 20);
const PILL = { w: 120, h: 24 };

const spot = (obstacles: Box[], field = FIELD, bounds = VIEW, within?: number, rings?: Box[]) =>
  findSpot(PILL.w, PILL.h, field, obstacles, bounds, within, rings);

describe('findSpot', () => {
  it('puts the pill right of its field, centred on it, when that side is free', () => {
    expect(spot([FIELD])).toEqual(box(FIELD.right + GAP, 298, PILL.w, PILL.h));
  });

  it('goes left when the right side is taken, above or below when both are, never onto anything', () => {
    const right = box(484, 290, 300, 40);
    const left = spot([FIELD, right]);
    expect(left).toEqual(box(FIELD.left - GAP - PILL.w, 298, PILL.w, PILL.h));
    const leftToo = box(100, 290, 296, 40);
    const below = spot([FIELD, right, leftToo])!;
    // Above and below are as near; either way it keeps GAP from everything.
    expect([
      box(400, FIELD.bottom + GAP + 10, PILL.w, PILL.h).top,
      box(400, 330 + GAP, PILL.w, PILL.h).top,
      290 - GAP - PILL.h,
    ]).toContain(below.top);
    for (const o of [FIELD, right, leftToo]) expect(meets(below, o, GAP - 0.5)).toBe(false);
  });

  it('shifts along a band to the nearest free stretch, and keeps away from other pills placed before', () => {
    const other = box(484, 298, 120, 24); // a pill already right of the field
    const s = spot([FIELD, other])!;
    expect(meets(s, other, GAP - 0.5)).toBe(false);
    expect(meets(s, FIELD, GAP - 0.5)).toBe(false);
  });

  it('stays inside the viewport: a field at its right edge gets its pill on the left', () => {
    const edge = box(900, 300, 96, 20);
    expect(spot([edge], edge)).toEqual(box(edge.left - GAP - PILL.w, 298, PILL.w, PILL.h));
  });

  it('says none when nothing is free within the distance asked for', () => {
    const wall = box(0, 200, 1000, 220); // everything around the field is taken
    expect(spot([wall], FIELD, VIEW, 40)).toBeNull();
    // Without a limit, the nearest free band above or below.
    const far = spot([wall])!;
    expect(far.bottom <= wall.top - GAP || far.top >= wall.bottom + GAP).toBe(true);
  });

  it('prefers a spot inside the field’s own panel to a nearer one in another part of the screen', () => {
    // Everything is taken but two holes: A above the field, inside its panel (50 px away), and B left of it, outside (34 px away).
    const obstacles = [
      box(0, 0, 1000, 222),
      box(0, 222, 400, 32),
      box(530, 222, 470, 32), // beside hole A (400–530 × 222–254)
      box(0, 254, 1000, 40),
      box(0, 294, 230, 32),
      box(370, 294, 30, 32),
      FIELD,
      box(480, 294, 520, 32), // beside hole B (230–370 × 294–326)
      box(0, 326, 1000, 274),
    ];
    const panel = box(380, 210, 600, 200);
    const b = spot(obstacles)!;
    expect(b.right).toBeLessThanOrEqual(370 - GAP); // hole B: nearer
    const a = spot(obstacles, FIELD, VIEW, Infinity, [panel])!;
    expect(a.top).toBeGreaterThanOrEqual(222 + GAP); // hole A: inside the panel
    expect(a.bottom).toBeLessThanOrEqual(254 - GAP);
    for (const o of obstacles) expect(meets(a, o, GAP - 0.5)).toBe(false);
  });

  it('returns null when the pill is larger than the viewport', () => {
    expect(findSpot(2000, 24, FIELD, [], VIEW)).toBeNull();
  });
});

describe('tetherPath', () => {
  it('runs straight down from a pill above its field, through a gap in what lies between', () => {
    const pill = box(380, 200, 120, 24);
    const header = box(400, 240, 50, 14); // a header's text under part of the pill
    const [x1, y1, x2, y2] = tetherPath(pill, FIELD, [header]) as [number, number, number, number];
    expect(y1).toBe(pill.bottom);
    expect(y2).toBe(FIELD.top);
    expect(x1).toBe(x2);
    expect(x1 > header.right || x1 < header.left).toBe(true);
    expect(x1 >= FIELD.left && x1 <= FIELD.right).toBe(true);
  });

  it('goes round by a free column when the pill is off to one side and above', () => {
    const pill = box(600, 200, 120, 24);
    const text = box(490, 240, 100, 40); // a description right of the field, up to the pill's band
    const path = tetherPath(pill, FIELD, [text]);
    expect(path.length).toBe(8); // field → column → up → into the pill
    const [fx, fy, cx, , , py, px] = path;
    expect(fx).toBe(FIELD.right);
    expect(fy).toBe(310);
    expect(cx! > FIELD.right && cx! < text.left).toBe(true);
    expect(py).toBe(pill.bottom);
    expect(px).toBe(pill.left);
  });

  it('draws corner to corner when there is no clear way', () => {
    const pill = box(600, 200, 120, 24);
    const wall = box(481, 230, 200, 220);
    expect(tetherPath(pill, FIELD, [wall])).toHaveLength(4);
  });
});

describe('leastCovering', () => {
  it('opens a card where it hides least, never over the pill or the field', () => {
    const pill = box(500, 200, 120, 24);
    const below = box(480, 230, 400, 300); // text below the pill
    const card = leastCovering(300, 150, pill, [pill, FIELD], [below], VIEW);
    expect(card.bottom).toBeLessThanOrEqual(pill.top); // above the pill, where nothing is
    expect(meets(card, pill)).toBe(false);
  });

  it('keeps the card inside the viewport', () => {
    const pill = box(900, 10, 90, 24);
    const card = leastCovering(352, 160, pill, [pill], [], VIEW);
    expect(card.right).toBeLessThanOrEqual(VIEW.right);
    expect(card.top).toBeGreaterThanOrEqual(VIEW.top);
  });
});
