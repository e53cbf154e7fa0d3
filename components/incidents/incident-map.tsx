import { useId } from "react";
import { AFGHANISTAN, PAKISTAN, countryPaths } from "@/lib/map/countries";
import { placeLabels, type Box, type Circle } from "@/lib/map/mark-labels";
import { PRECISION_LABEL, formatCoordinates, placeIncidents, type MapIncident } from "@/lib/map/map-incident";
import {
  LABEL_FONT,
  LEGEND,
  LEGEND_HEIGHT,
  MAP_HEIGHT,
  MAP_WIDTH,
  PRECISION_RADIUS,
  fitProjection,
  viewBox,
} from "@/lib/map/map-view";

// The incident map, drawn on the server as inline svg: country outlines from Natural Earth (lib/map/countries.ts),
// one linked circle per placed incident sized by how precisely its place is known, numbered and keyed to the list
// under the drawing, which also names the incidents that could not be placed and why. No client JavaScript; the
// list carries everything the drawing shows, for screen readers and for anyone who cannot read the drawing
// (docs/decisions/0027-server-drawn-map.md). A div, not a figure: a figure would be named by its caption, here the
// whole list; the drawing is named by its own <title>.

export function IncidentMap({
  incidents,
  title,
  focusSlug,
}: {
  incidents: MapIncident[];
  title: string;
  focusSlug?: string;
}) {
  const id = useId();
  const { placed, unplaced } = placeIncidents(incidents);
  const box = viewBox(placed);
  const projection = fitProjection(box, placed);
  const countries = countryPaths(projection);

  const circles: Circle[] = placed.map((p) => {
    const [x, y] = projection([p.longitude, p.latitude]) ?? [MAP_WIDTH / 2, MAP_HEIGHT / 2];
    return { x: round(x), y: round(y), r: PRECISION_RADIUS[p.precision] };
  });
  const countryLabels = countries.filter((c) => c.labelAt);
  const reserved: Box[] = countryLabels.map((c) => {
    const width = c.name.length * LABEL_FONT * 0.55;
    const [x, y] = c.labelAt!;
    return { x: x - width / 2, y: y - LABEL_FONT * 0.8, width, height: LABEL_FONT };
  });
  const numbers = placed.map((_, i) => String(i + 1));
  const labels = placeLabels(circles, numbers, reserved);
  // The focused incident is drawn last, on top of the others.
  const order = placed.map((_, i) => i).sort((a, b) => focusRank(placed[a]!.slug) - focusRank(placed[b]!.slug));
  function focusRank(slug: string) {
    return slug === focusSlug ? 1 : 0;
  }

  const summary =
    placed.length === 0
      ? "No incident has a place on the map."
      : `${placed.length === 1 ? "One incident" : `${placed.length} incidents`} on a map of ${describeCountries(countries.map((c) => c.name))}, numbered as in the list below. Circle size shows how precisely the place is known: the larger the circle, the larger the area (town, district, province, country) it may lie in.`;

  return (
    <div className="incident-map" data-testid="incident-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT + LEGEND_HEIGHT}`}
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <rect className="map-sea" width={MAP_WIDTH} height={MAP_HEIGHT} />
        <g aria-hidden="true">
          {countries.map((c) => (
            <path
              key={c.id + c.name}
              className={c.id === AFGHANISTAN || c.id === PAKISTAN ? "map-country map-country-main" : "map-country"}
              data-country={c.name}
              d={c.d}
            />
          ))}
          {countryLabels.map((c) => (
            <text key={c.id + c.name} className="map-country-name" x={round(c.labelAt![0])} y={round(c.labelAt![1])}>
              {c.name}
            </text>
          ))}
        </g>
        {order.map((i) => {
          const incident = placed[i]!;
          const circle = circles[i]!;
          const focused = incident.slug === focusSlug;
          return (
            <a
              key={incident.slug}
              href={incident.href}
              aria-label={incident.title}
              aria-current={focused ? "true" : undefined}
              className={focused ? "map-mark map-mark-focus" : "map-mark"}
              data-precision={incident.precision}
            >
              <title>{incident.title}</title>
              <circle cx={circle.x} cy={circle.y} r={circle.r} />
            </a>
          );
        })}
        {/* The numbers sit outside the links, above every circle: a link's name is the incident's title alone, and
            visible text inside it that its name does not contain is what axe's label-content-name-mismatch flags. */}
        <g className="map-numbers" aria-hidden="true">
          {labels.map((label, i) => (
            <g key={placed[i]!.slug}>
              {label.leader ? (
                <line
                  className="map-leader"
                  x1={round(label.leader.x1)}
                  y1={round(label.leader.y1)}
                  x2={round(label.leader.x2)}
                  y2={round(label.leader.y2)}
                />
              ) : null}
              <text x={round(label.x)} y={round(label.y)} textAnchor={label.anchor}>
                {numbers[i]}
              </text>
            </g>
          ))}
        </g>
        <Legend />
      </svg>
      <div className="incident-map-lists">
        {placed.length > 0 ? (
          <ol className="incident-map-key">
            {placed.map((p) => (
              <li key={p.slug} aria-current={p.slug === focusSlug ? "true" : undefined}>
                <a href={p.href}>{p.title}</a>{" "}
                <span className="muted">
                  — place known to the {PRECISION_LABEL[p.precision]}, {formatCoordinates(p.latitude, p.longitude)}
                </span>
              </li>
            ))}
          </ol>
        ) : null}
        {unplaced.length > 0 ? (
          <>
            <p className="incident-map-unplaced-title">Not on the map</p>
            <ul className="incident-map-unplaced">
              {unplaced.map(({ incident, reason }) => (
                <li key={incident.slug}>
                  <a href={incident.href}>{incident.title}</a> <span className="muted">— {reason}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Circle sizes with their meaning, along the bottom of the drawing; the description says the same in words. */
function Legend() {
  const y = MAP_HEIGHT + LEGEND_HEIGHT / 2;
  return (
    <g className="map-legend" aria-hidden="true">
      {LEGEND.map(({ precision, r, x, label }) => (
        <g key={precision}>
          <circle cx={round(x)} cy={y} r={r} />
          <text x={round(x + r + 4)} y={round(y + LABEL_FONT * 0.35)}>
            {label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** "Afghanistan, Pakistan and neighbouring countries", or the names of the countries a far-away view shows. */
function describeCountries(names: string[]): string {
  const main = ["Afghanistan", "Pakistan"].filter((n) => names.includes(n));
  const named = main.length > 0 ? main : names.slice(0, 3);
  if (named.length === 0) return "the region";
  const rest = names.length > named.length ? " and neighbouring countries" : "";
  return rest ? `${named.join(", ")}${rest}` : named.join(" and ");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
