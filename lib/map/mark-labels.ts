import { LABEL_FONT, MAP_HEIGHT, MAP_WIDTH } from "@/lib/map/map-view";

// Numbers beside the marks, keyed to the list under the map (components/incidents/incident-map.tsx). A greedy
// collision step: each number tries eight places around its circle, then the same eight further out (joined to its
// circle by a short line), and takes the first that overlaps no number placed before it, no other circle and stays
// inside the map area; when none is free it takes the least crowded.

export type Circle = { x: number; y: number; r: number };
export type Box = { x: number; y: number; width: number; height: number };
export type LabelPlace = {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  box: Box;
  /** from the circle's edge towards the number, when the number sits away from its circle */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
};

const CHAR_WIDTH = LABEL_FONT * 0.62;
const GAP = 2;
const RINGS = [0, 12, 26];
const DIRECTIONS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [Math.SQRT1_2, -Math.SQRT1_2],
  [-Math.SQRT1_2, -Math.SQRT1_2],
  [Math.SQRT1_2, Math.SQRT1_2],
  [-Math.SQRT1_2, Math.SQRT1_2],
];

export function placeLabels(circles: Circle[], texts: string[], reserved: Box[] = []): LabelPlace[] {
  const placed: Box[] = [...reserved];
  return circles.map((circle, i) => {
    const text = texts[i] ?? "";
    const width = text.length * CHAR_WIDTH + 2;
    let best: { place: LabelPlace; cost: number } | null = null;
    search: for (const ring of RINGS) {
      for (const direction of DIRECTIONS) {
        const place = candidate(circle, direction, ring, width, LABEL_FONT);
        const cost = crowding(place.box, placed, circles, i) + ring;
        if (!best || cost < best.cost) best = { place, cost };
        if (cost === ring) break search;
      }
    }
    const chosen = best!.place;
    placed.push(chosen.box);
    return chosen;
  });
}

/** The number's box touches the point at distance r + GAP + ring along the direction, on the side facing away. */
function candidate({ x, y, r }: Circle, [ux, uy]: [number, number], ring: number, width: number, height: number) {
  const d = r + GAP + ring;
  const px = x + ux * d;
  const py = y + uy * d;
  const anchor: LabelPlace["anchor"] = ux > 0.1 ? "start" : ux < -0.1 ? "end" : "middle";
  const left = anchor === "start" ? px : anchor === "end" ? px - width : px - width / 2;
  const top = uy < -0.1 ? py - height : uy > 0.1 ? py : py - height / 2;
  const box = { x: left, y: top, width, height };
  const leader = ring > 0 ? { x1: x + ux * r, y1: y + uy * r, x2: x + ux * (d - GAP), y2: y + uy * (d - GAP) } : null;
  // The text's baseline sits about a quarter of the font below the box's middle.
  return { x: px, y: top + height / 2 + height * 0.35, anchor, box, leader };
}

/** Area overlapped with placed labels and other circles' boxes, plus a heavy cost for leaving the map area. */
function crowding(box: Box, placed: Box[], circles: Circle[], own: number): number {
  let cost = 0;
  for (const other of placed) cost += overlap(box, other);
  circles.forEach((c, j) => {
    if (j !== own) cost += overlap(box, { x: c.x - c.r, y: c.y - c.r, width: 2 * c.r, height: 2 * c.r }) * 0.5;
  });
  const outside =
    Math.max(0, -box.x) +
    Math.max(0, box.x + box.width - MAP_WIDTH) +
    Math.max(0, -box.y) +
    Math.max(0, box.y + box.height - MAP_HEIGHT);
  return cost + outside * 1000;
}

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
