import { geoConicEquidistant, type GeoProjection } from "d3-geo";
import {
  LOCATION_PRECISIONS,
  PRECISION_LABEL,
  type LocationPrecision,
  type PlacedIncident,
} from "@/lib/map/map-incident";

// The frame of the incident map: a fixed viewBox (the svg scales to its container, so a phone gets the same drawing
// smaller), a projection fitted to the marks, and mark sizes. Text sizes are in user units: at 360 px the drawing is
// about 328 px wide (main's 1rem padding on each side), so 15 units show at about 12.3 px.

export const MAP_WIDTH = 400;
export const MAP_HEIGHT = 300;
/** the legend strip under the map area */
export const LEGEND_HEIGHT = 44;
export const LABEL_FONT = 15;

/** Circle radius by how precisely the place is known: the larger the area the place may lie in, the larger the mark. */
export const PRECISION_RADIUS: Record<LocationPrecision, number> = {
  TOWN: 4,
  DISTRICT: 8,
  PROVINCE: 13,
  COUNTRY: 19,
};
/** The legend under the map area: each precision's circle at its real size and its name, left to right. */
export const LEGEND: { precision: LocationPrecision; label: string; x: number; r: number }[] = [];
{
  let left = 4;
  for (const precision of LOCATION_PRECISIONS) {
    const r = PRECISION_RADIUS[precision];
    const label = PRECISION_LABEL[precision];
    LEGEND.push({ precision, label, x: left + r, r });
    left += 2 * r + 4 + label.length * LABEL_FONT * 0.55 + 14;
  }
}

/** room kept between the outermost marks and the edge, so the largest circle and its number stay inside */
const EDGE = PRECISION_RADIUS.COUNTRY + 4;

export type GeoBox = { west: number; south: number; east: number; north: number };

/** Afghanistan, Pakistan and the edges of their neighbours: the view when nothing is placed. */
export const REGION: GeoBox = { west: 60, south: 23.5, east: 78, north: 38.5 };
/**
 * The smallest box a view may show, in degrees (about 650 km across here): one incident, or several in one valley,
 * are shown with enough country around them to tell where they are rather than zoomed to a street.
 */
export const MIN_SPAN = 6;

/** The box to show: the marks' extent, padded, at least MIN_SPAN each way, or the region when there are no marks. */
export function viewBox(placed: Pick<PlacedIncident, "latitude" | "longitude">[]): GeoBox {
  if (placed.length === 0) return REGION;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const p of placed) {
    west = Math.min(west, p.longitude);
    east = Math.max(east, p.longitude);
    south = Math.min(south, p.latitude);
    north = Math.max(north, p.latitude);
  }
  const [w, e] = widen(west, east, -180, 180);
  const [s, n] = widen(south, north, -89, 89);
  return { west: w, south: s, east: e, north: n };
}

function widen(low: number, high: number, min: number, max: number): [number, number] {
  const pad = Math.max((high - low) * 0.08, 0.3);
  let lo = low - pad;
  let hi = high + pad;
  if (hi - lo < MIN_SPAN) {
    const mid = (lo + hi) / 2;
    lo = mid - MIN_SPAN / 2;
    hi = mid + MIN_SPAN / 2;
  }
  return [Math.max(lo, min), Math.min(hi, max)];
}

/** Points along the box's edges: a conic projection bends parallels, so the corners alone do not bound the box. */
export function boxOutline(box: GeoBox, steps = 16): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const lon = box.west + ((box.east - box.west) * i) / steps;
    const lat = box.south + ((box.north - box.south) * i) / steps;
    points.push([lon, box.south], [lon, box.north], [box.west, lat], [box.east, lat]);
  }
  return points;
}

/**
 * An equidistant conic centred on the view, with standard parallels inside it: little distortion at these latitudes,
 * north up, and it stays finite for any coordinates, so a mark far outside the region is still drawn inside the frame.
 * Fitted to the box's outline and the marks themselves, inset by EDGE, and clipped to the map area.
 */
export function fitProjection(box: GeoBox, placed: Pick<PlacedIncident, "latitude" | "longitude">[]): GeoProjection {
  const centreLon = (box.west + box.east) / 2;
  const third = (box.north - box.south) / 3;
  const projection = geoConicEquidistant()
    .rotate([-centreLon, 0])
    .parallels([clampLat(box.south + third), clampLat(box.north - third)]);
  const points = [...boxOutline(box), ...placed.map((p): [number, number] => [p.longitude, p.latitude])];
  projection.fitExtent(
    [
      [EDGE, EDGE],
      [MAP_WIDTH - EDGE, MAP_HEIGHT - EDGE],
    ],
    { type: "MultiPoint", coordinates: points },
  );
  // No adaptive resampling: 1:50m outlines already have a point every few kilometres, and resampling them tripled
  // the time to draw a view.
  return projection.precision(0).clipExtent([
    [0, 0],
    [MAP_WIDTH, MAP_HEIGHT],
  ]);
}

function clampLat(lat: number): number {
  return Math.max(-80, Math.min(80, lat));
}

/** The longitude/latitude box the map area shows (wider than the fitted box on one axis), for choosing countries. */
export function shownBox(projection: GeoProjection): GeoBox {
  const box: GeoBox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  const steps = 12;
  for (let i = 0; i <= steps; i++) {
    const x = (MAP_WIDTH * i) / steps;
    const y = (MAP_HEIGHT * i) / steps;
    for (const point of [
      [x, 0],
      [x, MAP_HEIGHT],
      [0, y],
      [MAP_WIDTH, y],
    ] as [number, number][]) {
      const geo = projection.invert?.(point);
      if (!geo || !Number.isFinite(geo[0]) || !Number.isFinite(geo[1])) continue;
      box.west = Math.min(box.west, geo[0]);
      box.east = Math.max(box.east, geo[0]);
      box.south = Math.min(box.south, geo[1]);
      box.north = Math.max(box.north, geo[1]);
    }
  }
  return box;
}
