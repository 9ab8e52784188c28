// The timeline: events per day as stacked bars by quad class (uPlot), with
// a draggable selection that sets the date filters. On an actor page, the
// actor's events as source rise above the axis and as target hang below.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { el, QUAD_COLORS, QUAD_NAMES, DAY, dayMs, dayString, fmt } from "./util.js";

const BRAND = "#1d3557";

// days returns every day (in ms) from the first to the last point of the
// lists, and one array of counts per list aligned with them.
function align(lists) {
  let lo = Infinity, hi = -Infinity;
  for (const pts of lists) {
    for (const p of pts) {
      const t = dayMs(p.start);
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
  }
  if (!isFinite(lo)) return null;
  const n = Math.round((hi - lo) / DAY) + 1;
  const xs = new Array(n);
  for (let i = 0; i < n; i++) xs[i] = (lo + i * DAY) / 1000;
  const ys = lists.map((pts) => {
    const a = new Array(n).fill(0);
    for (const p of pts) a[Math.round((dayMs(p.start) - lo) / DAY)] = p.events;
    return a;
  });
  return { xs, ys, lo, hi };
}

export class Timeline {
  // opts.onRange(from, to) is called with YYYY-MM-DD strings when the user
  // drags across the chart; opts.label describes the chart.
  constructor(container, opts = {}) {
    this.c = container;
    this.opts = opts;
    this.plot = null;
    this.range = null;
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(container);
  }

  size() {
    const w = Math.max(200, this.c.clientWidth);
    return { width: w, height: w < 500 ? 150 : 190 };
  }

  resize() {
    if (this.plot) this.plot.setSize(this.size());
  }

  // setRange shades from–to (strings, either may be empty).
  setRange(from, to) {
    this.range = from || to ? { from, to } : null;
    if (this.plot) this.plot.redraw(false);
  }

  // setQuad draws the four series of /api/stats/timeline, one per quad
  // class (index 1 to 4), stacked.
  setQuad(byQuad) {
    const a = align(byQuad.slice(1));
    if (!a) return this.empty();
    const raw = a.ys; // raw[q-1][i]
    const n = a.xs.length;
    const stacked = [];
    for (let q = 4; q >= 1; q--) {
      const s = new Array(n);
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < q; j++) sum += raw[j][i];
        s[i] = sum;
      }
      stacked.push(s);
    }
    const total = raw.reduce((t, s) => t + s.reduce((x, y) => x + y, 0), 0);
    const series = [{ value: (u, v) => (v == null ? "" : dayString(v * 1000)) }];
    for (let q = 4; q >= 1; q--) {
      series.push({
        label: QUAD_NAMES[q], fill: QUAD_COLORS[q], stroke: QUAD_COLORS[q], width: 0,
        paths: uPlot.paths.bars({ size: [0.92, 48], align: 1 }),
        value: (u, v, si, i) => (i == null ? "" : fmt(raw[q - 1][i])),
        points: { show: false },
      });
    }
    this.draw([a.xs, ...stacked], series,
      `${fmt(total)} events from ${dayString(a.lo)} to ${dayString(a.hi)}, by day and quad class`);
  }

  // setActor draws an actor's events as source (up) and target (down).
  setActor(src, tgt) {
    const a = align([src, tgt]);
    if (!a) return this.empty();
    const [up, down] = a.ys;
    const series = [
      { value: (u, v) => (v == null ? "" : dayString(v * 1000)) },
      { label: "As source", fill: BRAND, stroke: BRAND, width: 0, paths: uPlot.paths.bars({ size: [0.92, 48], align: 1 }), points: { show: false } },
      {
        label: "As target", fill: QUAD_COLORS[4], stroke: QUAD_COLORS[4], width: 0,
        paths: uPlot.paths.bars({ size: [0.92, 48], align: 1 }), points: { show: false },
        value: (u, v) => (v == null ? "" : fmt(Math.abs(v))),
      },
    ];
    const sum = (s) => s.reduce((x, y) => x + y, 0);
    this.draw([a.xs, up, down.map((v) => -v)], series,
      `${fmt(sum(up))} events as source and ${fmt(sum(down))} as target from ${dayString(a.lo)} to ${dayString(a.hi)}`);
  }

  empty() {
    this.destroy();
    this.c.replaceChildren(el("p", { class: "empty" }, "No dated event matches."));
    this.c.removeAttribute("aria-label");
  }

  destroy() {
    if (this.plot) this.plot.destroy();
    this.plot = null;
  }

  draw(data, series, label) {
    this.destroy();
    this.c.replaceChildren();
    this.c.setAttribute("role", "figure");
    this.c.setAttribute("aria-label", label);
    const self = this;
    const opts = {
      ...this.size(),
      series,
      legend: { live: true },
      cursor: {
        drag: { x: !!this.opts.onRange, y: false, setScale: false },
        points: { show: false },
      },
      select: { show: !!this.opts.onRange },
      // Each bar starts at its day and lasts one; short spans get room
      // for a week so that a lone day is not a wall.
      scales: { x: { time: true, range: (u, min, max) => [min, Math.max(max + 86400, min + 7 * 86400)] } },
      axes: [
        { stroke: "#4d5b6a", grid: { stroke: "#e3e7ec" }, ticks: { stroke: "#c5ccd4" },
          incrs: [1, 2, 7, 14, 28, 91, 182, 364, 728, 1820].map((d) => d * 86400),
          values: (u, splits) => splits.map((s) => dayString(s * 1000)) },
        { stroke: "#4d5b6a", grid: { stroke: "#e3e7ec" }, ticks: { stroke: "#c5ccd4" }, size: 56,
          values: (u, vals) => vals.map((v) => fmt(Math.abs(v))) },
      ],
      hooks: {
        drawClear: [(u) => self.shade(u)],
        setSelect: [(u) => self.selected(u)],
      },
    };
    this.plot = new uPlot(opts, data, this.c);
  }

  // shade paints the selected date range under the bars.
  shade(u) {
    if (!this.range) return;
    const x0 = u.scales.x.min, x1 = u.scales.x.max;
    const from = this.range.from ? dayMs(this.range.from) / 1000 : x0;
    const to = this.range.to ? dayMs(this.range.to) / 1000 + 86400 : x1 + 86400;
    const a = u.valToPos(Math.max(from, x0 - 86400), "x", true);
    const b = u.valToPos(Math.min(to, x1 + 86400), "x", true);
    const ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = "rgba(242, 169, 0, 0.22)";
    ctx.fillRect(Math.max(a, u.bbox.left), u.bbox.top, Math.min(b, u.bbox.left + u.bbox.width) - Math.max(a, u.bbox.left), u.bbox.height);
    ctx.restore();
  }

  selected(u) {
    const { left, width } = u.select;
    if (!this.opts.onRange || width < 3) return;
    const a = u.posToVal(left, "x"), b = u.posToVal(left + width, "x");
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    const day = (s) => dayString(Math.floor(s * 1000 / DAY) * DAY);
    this.opts.onRange(day(a), day(b));
  }
}
