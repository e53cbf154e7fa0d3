// A geoPath context (d3-geo calls moveTo/lineTo/closePath on it) that writes short svg path data: relative moves
// rounded to a tenth of a unit, and points closer than MIN_STEP to the last one written are skipped. Natural Earth's
// 1:50m outlines carry far more points than a 400-unit drawing can show; skipping them roughly halves the svg.

const MIN_STEP = 0.8;

export class ShortPath {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  private pendingX = 0;
  private pendingY = 0;
  private pending = false;
  private box = emptyBox();

  moveTo(x: number, y: number): void {
    this.flush();
    this.extend(x, y);
    const rx = round(x);
    const ry = round(y);
    this.parts.push(`M${num(rx)} ${num(ry)}`);
    this.x = rx;
    this.y = ry;
  }

  lineTo(x: number, y: number): void {
    this.extend(x, y);
    const rx = round(x);
    const ry = round(y);
    if (Math.hypot(rx - this.x, ry - this.y) < MIN_STEP) {
      // Kept aside: the last point of a run is written if nothing follows, so a line still reaches its end.
      this.pendingX = rx;
      this.pendingY = ry;
      this.pending = true;
      return;
    }
    this.pending = false;
    this.line(rx, ry);
  }

  closePath(): void {
    this.pending = false;
    this.parts.push("z");
  }

  beginPath(): void {
    // Nothing to do: each shape's data is collected by result().
  }

  arc(): void {
    // geoPath draws points as arcs; the map passes it only country shapes, never points.
  }

  /** The path data written since the last call, and the box around it (for placing a country's name). */
  result(): { d: string; box: [[number, number], [number, number]] } {
    this.flush();
    const d = this.parts.join("");
    const { x0, y0, x1, y1 } = this.box;
    this.parts = [];
    this.box = emptyBox();
    return {
      d,
      box: [
        [x0, y0],
        [x1, y1],
      ],
    };
  }

  private extend(x: number, y: number): void {
    const box = this.box;
    if (x < box.x0) box.x0 = x;
    if (x > box.x1) box.x1 = x;
    if (y < box.y0) box.y0 = y;
    if (y > box.y1) box.y1 = y;
  }

  private flush(): void {
    if (this.pending) this.line(this.pendingX, this.pendingY);
    this.pending = false;
  }

  private line(rx: number, ry: number): void {
    this.parts.push(`l${num(round(rx - this.x))}${signed(round(ry - this.y))}`);
    this.x = rx;
    this.y = ry;
  }
}

function emptyBox() {
  return { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** "0.5" → ".5", "-0.5" → "-.5": svg path data allows both. */
function num(n: number): string {
  const s = String(n === 0 ? 0 : n);
  return s.replace(/^(-?)0\./, "$1.");
}

/** A negative number needs no separator before it. */
function signed(n: number): string {
  const s = num(n);
  return s.startsWith("-") ? s : ` ${s}`;
}
