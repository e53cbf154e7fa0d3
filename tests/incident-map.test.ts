import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IncidentMap } from "@/components/incidents/incident-map";
import { countryPaths } from "@/lib/map/countries";
import {
  LOCATION_PRECISIONS,
  NO_COORDINATES,
  OUT_OF_RANGE,
  placeIncidents,
  type LocationPrecision,
  type MapIncident,
} from "@/lib/map/map-incident";
import { overlap, placeLabels } from "@/lib/map/mark-labels";
import { MAP_HEIGHT, MAP_WIDTH, MIN_SPAN, PRECISION_RADIUS, REGION, fitProjection, viewBox } from "@/lib/map/map-view";
import { ShortPath } from "@/lib/map/short-path";

// The server-drawn incident map (components/incidents/incident-map.tsx, lib/map/): what is drawn, where, how it is
// named and listed, and what is left off the drawing and why.

let counter = 0;
function incident(over: Partial<MapIncident> = {}): MapIncident {
  counter += 1;
  const slug = over.slug ?? `incident-${counter}`;
  return {
    slug,
    title: `Incident ${counter}`,
    latitude: 33,
    longitude: 69,
    precision: "TOWN",
    href: `/incidents/${slug}`,
    ...over,
  };
}

const KABUL = { latitude: 34.53, longitude: 69.17 };
const ISLAMABAD = { latitude: 33.69, longitude: 73.05 };
const QUETTA = { latitude: 30.18, longitude: 66.99 };

function render(incidents: MapIncident[], focusSlug?: string): string {
  return renderToStaticMarkup(
    createElement(IncidentMap, { incidents, title: "Where the incidents happened", focusSlug }),
  );
}

type Mark = { href: string; label: string; precision: string; cx: number; cy: number; r: number; current: boolean };

/** The marks of a rendered map: each link around a circle inside the svg. */
function marks(html: string): Mark[] {
  const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
  return [...svg.matchAll(/<a ([^>]*)><title>[^<]*<\/title><circle cx="([^"]+)" cy="([^"]+)" r="([^"]+)"/g)].map(
    (m) => {
      const attrs = m[1]!;
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1] ?? "";
      return {
        href: attr("href"),
        label: attr("aria-label"),
        precision: attr("data-precision"),
        cx: Number(m[2]),
        cy: Number(m[3]),
        r: Number(m[4]),
        current: attrs.includes('aria-current="true"'),
      };
    },
  );
}

function insideMapArea(m: Pick<Mark, "cx" | "cy" | "r">): boolean {
  return m.cx - m.r >= 0 && m.cx + m.r <= MAP_WIDTH && m.cy - m.r >= 0 && m.cy + m.r <= MAP_HEIGHT;
}

describe("IncidentMap", () => {
  it("draws a mark inside the viewBox for each placed incident, linked to its own page and named by its title", () => {
    const list = [
      incident({ ...KABUL, title: "Kabul strike" }),
      incident({ ...ISLAMABAD, title: "Islamabad blast", precision: "DISTRICT" }),
      incident({ ...QUETTA, title: "Quetta shelling", precision: "PROVINCE" }),
    ];
    const html = render(list);
    const drawn = marks(html);
    expect(drawn.map((m) => [m.href, m.label])).toEqual(expect.arrayContaining(list.map((i) => [i.href, i.title])));
    expect(drawn).toHaveLength(3);
    for (const m of drawn) expect(insideMapArea(m), JSON.stringify(m)).toBe(true);
    expect(html).toContain(`viewBox="0 0 ${MAP_WIDTH} `);
    // A link's only text is its name: the numbers are drawn outside the links, hidden from screen readers.
    expect(html).not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*<text/);
    expect(html).toMatch(/<g class="map-numbers" aria-hidden="true">(<g><text [^>]+>[123]<\/text><\/g>){3}<\/g>/);
    // The list beside the drawing names the same incidents, linked, with precision and coordinates, in mark order.
    const key = html.slice(html.indexOf('<ol class="incident-map-key">'), html.indexOf("</ol>"));
    expect([...key.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual(
      list.map((i) => [i.href, i.title]),
    );
    expect(key).toContain("place known to the town, 34.53° N, 69.17° E");
    expect(key).toContain("place known to the province, 30.18° N, 66.99° E");
  });

  it("puts Kabul west of Islamabad and north of Quetta", () => {
    const list = [incident({ ...KABUL }), incident({ ...ISLAMABAD }), incident({ ...QUETTA })];
    const [kabul, islamabad, quetta] = list.map((i) => marks(render(list)).find((m) => m.href === i.href)!);
    expect(kabul!.cx).toBeLessThan(islamabad!.cx);
    expect(kabul!.cy).toBeLessThan(quetta!.cy);
    // The same on the region's own projection, as the library computes it.
    const projection = fitProjection(REGION, []);
    const at = (p: { latitude: number; longitude: number }) => projection([p.longitude, p.latitude])!;
    expect(at(KABUL)[0]).toBeLessThan(at(ISLAMABAD)[0]);
    expect(at(KABUL)[1]).toBeLessThan(at(QUETTA)[1]);
  });

  it("sizes marks by precision: town smallest, then district, province, country", () => {
    const list = [...LOCATION_PRECISIONS]
      .reverse()
      .map((precision, i) => incident({ precision, latitude: 31 + i, longitude: 66 + 2 * i }));
    const byPrecision = new Map(marks(render(list)).map((m) => [m.precision, m.r]));
    const radii = LOCATION_PRECISIONS.map((p) => byPrecision.get(p)!);
    expect(radii.every((r) => r > 0)).toBe(true);
    expect([...radii].sort((a, b) => a - b)).toEqual(radii);
    expect(new Set(radii).size).toBe(4);
    // The legend says which size means what.
    expect(render(list)).toMatch(/class="map-legend"[\s\S]*town[\s\S]*district[\s\S]*province[\s\S]*country/);
  });

  it("keeps a title with markup or quotes as text, in the mark's name and in the list", () => {
    const title = `Strike "near" Kabul <script>alert('x')</script> & <img src=x onerror=alert(1)>`;
    const html = render([incident({ ...KABUL, title })]);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    const escaped =
      "Strike &quot;near&quot; Kabul &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;";
    expect(marks(html)[0]!.label).toBe(escaped);
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`>${escaped}</a>`);
  });

  it("draws no mark for missing or out-of-range coordinates and lists each as not on the map, with the reason", () => {
    const unplaceable = [
      incident({ title: "No place", latitude: null, longitude: null }),
      incident({ title: "Only a latitude", latitude: 33, longitude: null }),
      incident({ title: "Latitude 91", latitude: 91, longitude: 69 }),
      incident({ title: "Longitude -181", latitude: 33, longitude: -181 }),
      incident({ title: "Not a number", latitude: Number.NaN, longitude: 69 }),
      incident({ title: "Infinite", latitude: 33, longitude: Number.POSITIVE_INFINITY }),
    ];
    const placed = incident({ ...KABUL, title: "Kabul" });
    const html = render([...unplaceable, placed]);
    expect(marks(html).map((m) => m.href)).toEqual([placed.href]);
    const notOnMap = html.slice(html.indexOf("Not on the map"));
    const rows = [...notOnMap.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a> <span class="muted">— ([^<]+)<\/span>/g)];
    expect(rows.map((m) => [m[1], m[3]])).toEqual([
      [unplaceable[0]!.href, NO_COORDINATES],
      [unplaceable[1]!.href, NO_COORDINATES],
      [unplaceable[2]!.href, OUT_OF_RANGE],
      [unplaceable[3]!.href, OUT_OF_RANGE],
      [unplaceable[4]!.href, OUT_OF_RANGE],
      [unplaceable[5]!.href, OUT_OF_RANGE],
    ]);
  });

  it("draws Afghanistan's and Pakistan's outlines, with no incidents, one, and 200", () => {
    const two00 = Array.from({ length: 200 }, (_, i) =>
      incident({
        latitude: 25 + ((i * 37) % 120) / 10,
        longitude: 61 + ((i * 53) % 160) / 10,
        precision: LOCATION_PRECISIONS[i % 4],
      }),
    );
    for (const list of [[], [incident({ ...KABUL })], two00]) {
      const html = render(list);
      for (const country of ["Afghanistan", "Pakistan"]) {
        const d = new RegExp(`data-country="${country}" d="([^"]+)"`).exec(html)?.[1] ?? "";
        expect(d, `${country} with ${list.length} incidents`).toMatch(/^M[-.\d]+ [-.\d]+l/);
        expect(d).toMatch(/^[Mlz\d .-]+$/);
      }
      const drawn = marks(html);
      expect(drawn).toHaveLength(list.length);
      expect(drawn.every(insideMapArea)).toBe(true);
      expect((html.match(/<li[ >]/g) ?? []).length).toBe(list.length);
      expect(html).toMatch(/<svg [^>]*role="group" aria-labelledby="[^"]+-title" aria-describedby="[^"]+-desc"/);
      expect(html).toContain("<title id=");
      expect(html).toContain("<desc id=");
    }
    expect(render([])).toContain("No incident has a place on the map.");
    expect(render(two00)).toContain("200 incidents on a map of Afghanistan, Pakistan and neighbouring countries");
  });

  it("highlights the focused incident and draws it last, on top", () => {
    const list = [incident({ ...KABUL }), incident({ ...ISLAMABAD }), incident({ ...QUETTA })];
    const drawn = marks(render(list, list[0]!.slug));
    expect(drawn.at(-1)).toMatchObject({ href: list[0]!.href, current: true });
    expect(drawn.filter((m) => m.current)).toHaveLength(1);
    expect(render(list, list[0]!.slug)).toContain('class="map-mark map-mark-focus"');
  });

  it("any coordinates in range give a mark inside the viewBox (300 generated sets, rendered)", () => {
    const coordinate = fc.record({
      latitude: fc.double({ min: -90, max: 90, noNaN: true }),
      longitude: fc.double({ min: -180, max: 180, noNaN: true }),
      precision: fc.constantFrom<LocationPrecision>(...LOCATION_PRECISIONS),
    });
    fc.assert(
      fc.property(fc.array(coordinate, { minLength: 1, maxLength: 4 }), (points) => {
        const list = points.map((p) => incident(p));
        const drawn = marks(render(list));
        expect(drawn).toHaveLength(list.length);
        for (const m of drawn) expect(insideMapArea(m), JSON.stringify({ m, points })).toBe(true);
      }),
      { numRuns: 300, seed: 12_2 },
    );
  }, 120_000);
});

describe("the map's view", () => {
  it("shows the region when nothing is placed, and at least MIN_SPAN degrees around a single incident", () => {
    expect(viewBox([])).toEqual(REGION);
    const box = viewBox([KABUL]);
    expect(box.east - box.west).toBeGreaterThanOrEqual(MIN_SPAN);
    expect(box.north - box.south).toBeGreaterThanOrEqual(MIN_SPAN);
    expect(box.west).toBeLessThan(KABUL.longitude);
    expect(box.north).toBeGreaterThan(KABUL.latitude);
  });

  it("leaves out countries the view does not reach", () => {
    const names = countryPaths(fitProjection(REGION, [])).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Afghanistan", "Pakistan", "Iran", "India"]));
    expect(names).not.toContain("Brazil");
    expect(names).not.toContain("Russia");
  });

  it("splits incidents into placed and not placed without changing their order", () => {
    const list = [incident({ latitude: null }), incident(), incident({ longitude: 200 }), incident()];
    const { placed, unplaced } = placeIncidents(list);
    expect(placed.map((p) => p.slug)).toEqual([list[1]!.slug, list[3]!.slug]);
    expect(unplaced.map((u) => [u.incident.slug, u.reason])).toEqual([
      [list[0]!.slug, NO_COORDINATES],
      [list[2]!.slug, OUT_OF_RANGE],
    ]);
  });
});

describe("placeLabels", () => {
  it("keeps the numbers of a tight cluster of marks apart", () => {
    const circles = Array.from({ length: 6 }, (_, i) => ({
      x: 200 + (i % 3) * 7,
      y: 150 + Math.floor(i / 3) * 7,
      r: 4,
    }));
    const places = placeLabels(
      circles,
      circles.map((_, i) => String(i + 1)),
    );
    for (let a = 0; a < places.length; a++) {
      for (let b = a + 1; b < places.length; b++) expect(overlap(places[a]!.box, places[b]!.box)).toBe(0);
    }
  });
});

describe("ShortPath", () => {
  it("writes relative moves that come back to the points drawn, within rounding and the skipped step", () => {
    const path = new ShortPath();
    path.moveTo(10.04, 20.06);
    path.lineTo(15.5, 20.06);
    path.lineTo(15.6, 20.1); // closer than the minimum step: skipped…
    path.lineTo(15.7, 25.2);
    path.lineTo(15.8, 25.3); // …and the last point of a run is still written
    const { d, box } = path.result();
    expect(d).toBe("M10 20.1l5.5 0l.2 5.1l.1 .1");
    expect(box).toEqual([
      [10.04, 20.06],
      [15.8, 25.3],
    ]);
    path.closePath();
    expect(path.result().d).toBe("z");
  });
});

describe("placeLabels near the edges", () => {
  it("keeps a mark's number inside the map area wherever the mark is (500 generated marks)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCATION_PRECISIONS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (precision, fx, fy) => {
          const r = PRECISION_RADIUS[precision];
          const circle = { x: r + fx * (MAP_WIDTH - 2 * r), y: r + fy * (MAP_HEIGHT - 2 * r), r };
          const [place] = placeLabels([circle], ["12"]);
          const { box } = place!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(MAP_WIDTH);
          expect(box.y + box.height).toBeLessThanOrEqual(MAP_HEIGHT);
        },
      ),
      { numRuns: 500, seed: 27 },
    );
  });
});
