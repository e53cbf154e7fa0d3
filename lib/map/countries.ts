import { geoCentroid, geoContains, geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import countries50m from "world-atlas/countries-50m.json";
import { LABEL_FONT, MAP_HEIGHT, MAP_WIDTH, shownBox, type GeoBox } from "@/lib/map/map-view";
import { ShortPath } from "@/lib/map/short-path";

// Country outlines for the incident map: Natural Earth 1:50m shapes shipped in the world-atlas package (no network at
// run time), converted from TopoJSON once per process, and drawn as svg paths once per projection. Paths are clipped to
// the map area and shortened (lib/map/short-path.ts), and countries outside the view are left out, which keeps the svg
// small (docs/decisions/0027-server-drawn-map.md).

/** Each polygon of a country with its longitude/latitude box. */
type Part = { polygon: Polygon; box: GeoBox };
/** centre: the country's centroid, computed the first time a view draws the country */
type Country = { id: string; name: string; parts: Part[]; shape: Feature; centre: [number, number] | null };
export type CountryPath = { id: string; name: string; d: string; labelAt: [number, number] | null };

/** ISO 3166 numeric codes of the two countries the story is about; the map shades them a little darker. */
export const AFGHANISTAN = "004";
export const PAKISTAN = "586";

let parsed: Country[] | null = null;

function countries(): Country[] {
  if (parsed) return parsed;
  const topology = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  parsed = collection.features.map((shape) => {
    // Boxes per polygon, not per country: Russia's box spans the globe, and projecting all of its 1:50m outline for
    // every view cost a tenth of a second. Only the polygons a view overlaps are projected.
    const polygons: Polygon[] =
      shape.geometry.type === "MultiPolygon"
        ? shape.geometry.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }))
        : shape.geometry.type === "Polygon"
          ? [shape.geometry]
          : [];
    const parts = polygons.map((polygon): Part => ({ polygon, box: planarBox(polygon) }));
    return { id: String(shape.id ?? ""), name: shape.properties?.name ?? "", parts, shape, centre: null };
  });
  return parsed;
}

const MEMO_SIZE = 64;
const memo = new Map<string, CountryPath[]>();

/** The outlines of the countries the projection shows, memoised by the projection's parameters. */
export function countryPaths(projection: GeoProjection): CountryPath[] {
  const [tx, ty] = projection.translate();
  const key = [projection.scale(), tx, ty, ...projection.rotate(), ...(projectionParallels(projection) ?? [])]
    .map((n) => n.toFixed(4))
    .join(",");
  const known = memo.get(key);
  if (known) return known;

  const view = shownBox(projection);
  const wide = !(view.east - view.west < 170);
  const context = new ShortPath();
  const path = geoPath(projection, context);
  const paths: CountryPath[] = [];
  for (const country of countries()) {
    const parts = wide ? country.parts : country.parts.filter((part) => overlaps(part.box, view));
    if (parts.length === 0) continue;
    const shape: MultiPolygon = { type: "MultiPolygon", coordinates: parts.map((part) => part.polygon.coordinates) };
    path(shape);
    const { d, box } = context.result();
    if (!d) continue;
    paths.push({ id: country.id, name: country.name, d, labelAt: labelPoint(projection, country, shape, box) });
  }
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, paths);
  return paths;
}

function projectionParallels(projection: GeoProjection): number[] | null {
  const withParallels = projection as GeoProjection & { parallels?: () => [number, number] };
  return typeof withParallels.parallels === "function" ? withParallels.parallels() : null;
}

/**
 * The box of a polygon's points, without spherical geometry: Natural Earth splits shapes at the antimeridian, and at
 * 1:50m no edge is long enough for its curve to leave the box by more than a pixel of this map. geoBounds on every
 * polygon made the first map in a process take a second longer.
 */
function planarBox(polygon: Polygon): GeoBox {
  const box: GeoBox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const ring of polygon.coordinates) {
    for (const [lon, lat] of ring) {
      if (lon! < box.west) box.west = lon!;
      if (lon! > box.east) box.east = lon!;
      if (lat! < box.south) box.south = lat!;
      if (lat! > box.north) box.north = lat!;
    }
  }
  return box;
}

function overlaps(a: GeoBox, b: GeoBox): boolean {
  return a.west <= b.east && a.east >= b.west && a.south <= b.north && a.north >= b.south;
}

/**
 * Where the country's name goes: its centre, or when that is out of view, a point of a 3 × 3 grid over the part in
 * view that lies inside the country; only where the name fits within the part shown.
 */
function labelPoint(
  projection: GeoProjection,
  country: Country,
  shape: MultiPolygon,
  [[x0, y0], [x1, y1]]: [[number, number], [number, number]],
): [number, number] | null {
  const half = (country.name.length * LABEL_FONT * 0.55) / 2;
  const fits = ([x, y]: [number, number]) =>
    x - half > Math.max(x0, 2) &&
    x + half < Math.min(x1, MAP_WIDTH - 2) &&
    y - LABEL_FONT > Math.max(y0, 0) &&
    y + 4 < Math.min(y1, MAP_HEIGHT);
  country.centre ??= geoCentroid(country.shape);
  const centre = projection(country.centre);
  if (centre && fits(centre)) return centre;
  for (const fy of [0.5, 0.3, 0.7]) {
    for (const fx of [0.5, 0.3, 0.7]) {
      const point: [number, number] = [x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy];
      const geo = projection.invert?.(point);
      if (geo && fits(point) && geoContains(shape, geo)) return point;
    }
  }
  return null;
}
