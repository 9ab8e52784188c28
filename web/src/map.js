// The world map: Natural Earth country outlines (world-atlas, drawn with
// d3-geo in SVG, no tile server), events as points clustered on a screen
// grid, coloured by quad class and sized by their number of sources, and
// countries shaded by their number of events.
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { feature, mesh } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { el, QUAD_COLORS, QUAD_NAMES, iso3OfFeature, countryName, codeName, fmt } from "./util.js";

// Purples, light to dark (ColorBrewer), for events per country.
const SHADES = ["#dcd9ec", "#bcb7dc", "#9d95c9", "#7d70b3", "#5e4b9c"];
const CELL = 52; // cluster grid, in viewBox units at the screen's scale
const MAX_ZOOM = 64;

export class WorldMap {
  // container is an empty element; opts.small draws a locator map without
  // clustering or shading; opts.onCountry(iso3) and opts.onEvent(id) are
  // called on clicks.
  constructor(container, opts = {}) {
    this.c = container;
    this.opts = opts;
    this.W = 960;
    this.H = opts.small ? 640 : 480;
    this.t = { k: 1, tx: 0, ty: 0 };
    this.pts = [];
    this.counts = new Map();
    this.selected = "";
    this.frame = 0;

    const { W, H } = this;
    const topo = world;
    const countries = feature(topo, topo.objects.countries).features;
    this.projection = geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: "Sphere" });
    const path = geoPath(this.projection);

    this.svg = el("svg", {
      svg: true, viewBox: `0 0 ${W} ${H}`, class: "map-svg", role: "group", tabindex: 0,
      "aria-label": opts.label || "World map of the events. Plus and minus keys zoom, arrow keys pan.",
    });
    this.zoomG = el("g", { svg: true, class: "zoom" });
    this.zoomG.append(
      el("path", { svg: true, class: "sea", d: path({ type: "Sphere" }) }),
      el("path", { svg: true, class: "graticule", d: path(geoGraticule10()) }),
    );
    this.countryG = el("g", { svg: true, class: "countries" });
    this.paths = [];
    for (const f of countries) {
      const iso3 = iso3OfFeature(f);
      const name = countryName(iso3) || f.properties.name;
      const p = el("path", { svg: true, class: "country", d: path(f), "data-iso3": iso3 });
      const title = el("title", { svg: true }, name);
      p.append(title);
      p.iso3 = iso3;
      p.name = name;
      p.titleEl = title;
      this.paths.push(p);
      this.countryG.append(p);
    }
    this.zoomG.append(this.countryG);
    this.zoomG.append(el("path", {
      svg: true, class: "borders", d: path(mesh(topo, topo.objects.countries, (a, b) => a !== b)),
    }));
    this.pointG = el("g", { svg: true, class: "points" });
    this.svg.append(this.zoomG, this.pointG);

    this.tip = el("div", { class: "map-tip", role: "tooltip", id: "map-tip-" + Math.random().toString(36).slice(2) });
    this.tip.hidden = true;
    const btn = (label, text, fn) => {
      const b = el("button", { type: "button", "aria-label": label, title: label }, text);
      b.addEventListener("click", fn);
      return b;
    };
    this.controls = el("div", { class: "map-controls" },
      btn("Zoom in", "+", () => this.zoomAt(W / 2, H / 2, 2)),
      btn("Zoom out", "−", () => this.zoomAt(W / 2, H / 2, 0.5)),
      btn("Show the whole world", "⟲", () => this.reset()));
    this.key = el("div", { class: "map-key", "aria-hidden": "true" });
    this.key.hidden = true;

    container.replaceChildren(this.svg, this.controls, this.key, this.tip);
    this.listen();
    this.apply();
  }

  listen() {
    const svg = this.svg;
    svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const [x, y] = this.toView(e.clientX, e.clientY);
      this.zoomAt(x, y, Math.exp(-e.deltaY * (e.deltaMode ? 0.05 : 0.002)));
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, tx: this.t.tx, ty: this.t.ty, moved: false, id: e.pointerId };
    });
    svg.addEventListener("pointermove", (e) => {
      if (!drag || e.pointerId !== drag.id) return;
      const s = this.W / svg.getBoundingClientRect().width;
      const dx = (e.clientX - drag.x) * s, dy = (e.clientY - drag.y) * s;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) svg.setPointerCapture(e.pointerId);
      drag.moved = true;
      this.t.tx = drag.tx + dx;
      this.t.ty = drag.ty + dy;
      this.apply();
    });
    const end = (e) => {
      if (drag && drag.moved) {
        this.dragged = true;
        setTimeout(() => { this.dragged = false; }, 0);
      }
      if (drag && svg.hasPointerCapture(e.pointerId)) svg.releasePointerCapture(e.pointerId);
      drag = null;
    };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    svg.addEventListener("keydown", (e) => {
      if (e.target !== svg) return;
      const step = 60;
      const keys = {
        ArrowLeft: () => this.pan(step, 0), ArrowRight: () => this.pan(-step, 0),
        ArrowUp: () => this.pan(0, step), ArrowDown: () => this.pan(0, -step),
        "+": () => this.zoomAt(this.W / 2, this.H / 2, 2), "=": () => this.zoomAt(this.W / 2, this.H / 2, 2),
        "-": () => this.zoomAt(this.W / 2, this.H / 2, 0.5), "0": () => this.reset(),
      };
      if (keys[e.key]) {
        e.preventDefault();
        keys[e.key]();
      }
    });
    this.countryG.addEventListener("click", (e) => {
      const p = e.target.closest("path.country");
      if (!p || this.dragged || !p.iso3 || !this.opts.onCountry) return;
      this.opts.onCountry(p.iso3);
    });
    svg.addEventListener("pointerleave", () => this.hideTip());
  }

  // toView converts a client position to viewBox coordinates.
  toView(cx, cy) {
    const m = this.svg.getScreenCTM();
    if (!m) return [this.W / 2, this.H / 2];
    const p = new DOMPoint(cx, cy).matrixTransform(m.inverse());
    return [p.x, p.y];
  }

  pan(dx, dy) {
    this.t.tx += dx;
    this.t.ty += dy;
    this.apply();
  }

  zoomAt(x, y, factor) {
    const { k, tx, ty } = this.t;
    const k2 = Math.min(MAX_ZOOM, Math.max(1, k * factor));
    this.t = { k: k2, tx: x - (x - tx) * (k2 / k), ty: y - (y - ty) * (k2 / k) };
    this.apply();
  }

  // zoomTo centres lon/lat at zoom k.
  zoomTo(lon, lat, k) {
    const p = this.projection([lon, lat]);
    if (!p) return;
    this.t = { k, tx: this.W / 2 - p[0] * k, ty: this.H / 2 - p[1] * k };
    this.apply();
  }

  reset() {
    this.t = { k: 1, tx: 0, ty: 0 };
    this.apply();
  }

  apply() {
    const { W, H } = this;
    const t = this.t;
    t.tx = Math.min(0, Math.max(W - W * t.k, t.tx));
    t.ty = Math.min(0, Math.max(H - H * t.k, t.ty));
    if (t.k === 1) { t.tx = 0; t.ty = 0; }
    this.zoomG.setAttribute("transform", `translate(${t.tx.toFixed(2)} ${t.ty.toFixed(2)}) scale(${t.k})`);
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }
  }

  // setData shows GeoJSON point features of /api/events.geojson.
  setData(features) {
    this.pts = [];
    this.counts = new Map();
    for (const f of features) {
      const p = this.projection(f.geometry.coordinates);
      if (!p || !isFinite(p[0])) continue;
      this.pts.push({ x: p[0], y: p[1], f });
      const c = f.properties.country;
      if (c) this.counts.set(c, (this.counts.get(c) || 0) + 1);
    }
    if (!this.opts.small) this.shade();
    this.draw();
  }

  select(iso3) {
    this.selected = iso3 || "";
    for (const p of this.paths) p.classList.toggle("selected", !!p.iso3 && p.iso3 === this.selected);
  }

  shade() {
    let max = 0;
    for (const v of this.counts.values()) max = Math.max(max, v);
    const bin = (c) => Math.min(SHADES.length - 1, Math.floor(SHADES.length * Math.log(c) / Math.log(max + 1)));
    for (const p of this.paths) {
      const c = this.counts.get(p.iso3) || (p.iso3 === "XKX" ? this.counts.get("KOS") || 0 : 0);
      p.style.fill = c > 0 ? SHADES[bin(c)] : "";
      p.classList.toggle("has-events", c > 0);
      p.titleEl.textContent = `${p.name}: ${fmt(c)} ${c === 1 ? "event" : "events"}`;
    }
    this.key.replaceChildren();
    this.key.hidden = max === 0;
    if (max > 0) {
      this.key.append(el("span", {}, "events per country"));
      const seen = new Set();
      for (let i = 0; i < SHADES.length; i++) {
        const lo = Math.max(1, Math.ceil(Math.exp(i * Math.log(max + 1) / SHADES.length)));
        if (lo > max || seen.has(lo)) continue;
        seen.add(lo);
        const sw = el("i", {});
        sw.style.background = SHADES[bin(lo)];
        this.key.append(el("span", { class: "step" }, sw, `${fmt(lo)}+`));
      }
    }
  }

  // draw clusters the points on a grid of the current view and draws them.
  draw() {
    const { k, tx, ty } = this.t;
    const { W, H } = this;
    const cell = this.opts.small ? 0 : CELL;
    const groups = new Map();
    for (const p of this.pts) {
      const sx = p.x * k + tx, sy = p.y * k + ty;
      if (sx < -30 || sy < -30 || sx > W + 30 || sy > H + 30) continue;
      const key = cell ? Math.floor(sx / cell) + ":" + Math.floor(sy / cell) : p.f.id;
      let g = groups.get(key);
      if (!g) {
        g = { n: 0, sx: 0, sy: 0, sources: 0, quads: [0, 0, 0, 0, 0], items: [], places: new Map() };
        groups.set(key, g);
      }
      const pr = p.f.properties;
      g.n++;
      g.sx += sx;
      g.sy += sy;
      g.sources += pr.num_sources || 1;
      g.quads[pr.quad_class || 0]++;
      g.items.push(p.f);
      if (pr.place) g.places.set(pr.place, (g.places.get(pr.place) || 0) + 1);
    }
    const list = [...groups.values()];
    for (const g of list) {
      g.x = g.sx / g.n;
      g.y = g.sy / g.n;
      g.r = g.n === 1 ? Math.min(14, 4 + 2.2 * Math.sqrt(g.sources)) : Math.min(CELL / 2, 8 + 2.5 * Math.log2(g.n));
      if (this.opts.small) g.r *= 2;
      let q = 0;
      for (let i = 1; i <= 4; i++) if (g.quads[i] > g.quads[q]) q = i;
      g.quad = q;
    }
    list.sort((a, b) => b.r - a.r);
    const frag = document.createDocumentFragment();
    for (const g of list) frag.append(this.marker(g));
    this.pointG.replaceChildren(frag);
    this.svg.classList.toggle("zoomed", k > 1);
  }

  marker(g) {
    const single = g.n === 1;
    const f = g.items[0];
    const label = single ? describe(f) : clusterLabel(g);
    const m = el("g", {
      svg: true, class: single ? "pt" : "pt cluster", tabindex: 0, role: single ? "link" : "button",
      "aria-label": label, transform: `translate(${g.x.toFixed(1)} ${g.y.toFixed(1)})`,
      "data-n": g.n, "data-quad": g.quad,
    });
    m.append(el("circle", { svg: true, r: g.r.toFixed(1), fill: QUAD_COLORS[g.quad] }));
    if (!single) m.append(el("text", { svg: true, "text-anchor": "middle", dy: "0.35em" }, g.n > 999 ? Math.round(g.n / 1000) + "k" : g.n));
    const open = () => {
      if (single) {
        if (this.opts.onEvent) this.opts.onEvent(f.id);
      } else {
        this.zoomAt(g.x, g.y, 3);
      }
    };
    m.addEventListener("click", (e) => {
      if (this.dragged) return;
      e.stopPropagation();
      open();
    });
    m.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        open();
      }
    });
    m.addEventListener("pointerenter", () => this.showTip(g, m));
    m.addEventListener("focus", () => this.showTip(g, m));
    m.addEventListener("pointerleave", () => this.hideTip());
    m.addEventListener("blur", () => this.hideTip());
    return m;
  }

  showTip(g, m) {
    const tip = this.tip;
    tip.replaceChildren();
    if (g.n === 1) {
      const p = g.items[0].properties;
      tip.append(
        el("strong", {}, codeName(p.cameo)),
        el("div", {}, [p.date || "undated", p.plover].filter(Boolean).join(" · ")),
        el("div", {}, [p.source, p.target].filter(Boolean).join(" → ")),
        el("div", {}, [p.place, countryName(p.country)].filter(Boolean).join(", ")),
        el("div", { class: "muted" }, `${fmt(p.num_sources)} ${p.num_sources === 1 ? "source" : "sources"} · ${fmt(p.num_mentions)} ${p.num_mentions === 1 ? "report" : "reports"}`),
      );
    } else {
      tip.append(el("strong", {}, `${fmt(g.n)} events`), el("div", {}, topPlaces(g)));
      for (let q = 1; q <= 4; q++) {
        if (!g.quads[q]) continue;
        const sw = el("i", { class: `quad q${q}` });
        tip.append(el("div", {}, sw, `${QUAD_NAMES[q]}: ${fmt(g.quads[q])}`));
      }
      tip.append(el("div", { class: "muted" }, "click to zoom in"));
    }
    tip.hidden = false;
    const box = this.c.getBoundingClientRect();
    const r = m.getBoundingClientRect();
    let left = r.left - box.left + r.width / 2 + 8;
    const top = r.top - box.top + r.height + 4;
    if (left + 260 > box.width) left = Math.max(0, r.left - box.left - 260);
    tip.style.left = left + "px";
    tip.style.top = Math.min(top, box.height - 20) + "px";
  }

  hideTip() {
    this.tip.hidden = true;
  }
}

function topPlaces(g) {
  const ps = [...g.places.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map((e) => e[0]);
  return ps.length ? "near " + ps.join(", ") : "";
}

function describe(f) {
  const p = f.properties;
  return [codeName(p.cameo), [p.source, p.target].filter(Boolean).join(" against "), p.place, p.date]
    .filter(Boolean).join(", ") + ` (${QUAD_NAMES[p.quad_class] || "no class"}, ${p.num_sources} sources)`;
}

function clusterLabel(g) {
  return `${g.n} events ${topPlaces(g)}; press Enter to zoom in`;
}
