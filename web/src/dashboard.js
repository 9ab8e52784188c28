// The dashboard's behaviour: filters kept in the URL, and the map, the
// timeline and the list refreshed in place when they change.
import { WorldMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { el, filtersOf, without, fetchJSON, fmt } from "./util.js";

// The map loads located events in pages of GEO_PAGE, up to GEO_MAX.
const GEO_PAGE = 10000;
const GEO_MAX = 50000;

// mark records, once, when a part of the view is first drawn, for the
// performance test (performance.getEntriesByName).
function mark(name) {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

export function dashboard() {
  const form = document.getElementById("filters");
  const mapEl = document.getElementById("map");
  const tlEl = document.getElementById("timeline");
  const listEl = document.getElementById("list");
  const mapStatus = document.getElementById("map-status");
  const listStatus = document.getElementById("list-status");
  const legend = document.getElementById("map-legend");
  if (!form || !mapEl || !tlEl || !listEl) return;
  if (legend) legend.hidden = false;
  // On a phone the map comes first: the filters fold away until asked for.
  const box = document.getElementById("filters-box");
  if (box && window.matchMedia("(max-width: 56rem)").matches) box.open = false;
  const formFields = new Set([...form.elements].filter((e) => e.name && e.type !== "hidden").map((e) => e.name));

  let filters = filtersOf(location.search);
  let ctrl = null;

  const map = new WorldMap(mapEl, {
    onCountry: (iso3) => {
      const f = new URLSearchParams(filters);
      if ((f.get("country") || "").toUpperCase() === iso3) f.delete("country");
      else f.set("country", iso3);
      go(f);
    },
    onEvent: (id) => { location.href = "/events/" + id; },
  });
  const timeline = new Timeline(tlEl, {
    onRange: (from, to) => {
      const f = new URLSearchParams(filters);
      f.set("from", from);
      f.set("to", to);
      go(f);
    },
  });

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    go(filtersOf(new URLSearchParams(new FormData(form)).toString()));
  });
  form.addEventListener("change", (e) => {
    if (e.target.matches("select")) form.requestSubmit();
  });
  const clear = document.getElementById("f-clear");
  if (clear) clear.addEventListener("click", (e) => {
    e.preventDefault();
    go(new URLSearchParams());
  });
  window.addEventListener("popstate", () => {
    filters = filtersOf(location.search);
    fillForm();
    refresh(new URLSearchParams(location.search));
  });
  listEl.addEventListener("click", (e) => {
    const a = e.target.closest("a.next");
    if (!a) return;
    e.preventDefault();
    const u = new URL(a.href);
    history.pushState(null, "", u.pathname + u.search);
    loadList(u.searchParams, null).then(() => {
      const h = document.getElementById("list-h");
      if (h) {
        h.setAttribute("tabindex", "-1");
        h.focus();
      }
    });
  });

  // go shows the view of filters f and records it in the URL.
  function go(f) {
    filters = f;
    const qs = f.toString();
    history.pushState(null, "", qs ? "/?" + qs : "/");
    fillForm();
    refresh(f);
  }

  function fillForm() {
    for (const e of [...form.elements]) {
      if (e.type === "hidden") e.remove();
      else if (e.name) e.value = filters.get(e.name) || "";
    }
    const actions = form.querySelector(".actions");
    for (const [k, v] of filters) {
      if (!formFields.has(k)) form.insertBefore(el("input", { type: "hidden", name: k, value: v }), actions);
    }
  }

  function refresh(listParams) {
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    const signal = ctrl.signal;
    map.select((filters.get("country") || "").toUpperCase());
    timeline.setRange(filters.get("from"), filters.get("to"));
    const jobs = [loadMap(signal), loadTimeline(signal)];
    if (listParams) jobs.push(loadList(listParams, signal));
    return Promise.allSettled(jobs);
  }

  async function loadList(params, signal) {
    listStatus.textContent = "Loading…";
    listEl.setAttribute("aria-busy", "true");
    try {
      const r = await fetch("/fragment/events?" + params, { signal });
      const html = await r.text();
      const t = document.createElement("template");
      t.innerHTML = html;
      if (!r.ok) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        const msg = doc.querySelector("main p");
        listEl.replaceChildren(el("div", { class: "error", role: "alert" },
          el("p", {}, "These filters cannot be used: ", msg ? msg.textContent : r.statusText)));
        listStatus.textContent = "";
        return;
      }
      listEl.replaceChildren(t.content);
      const n = listEl.querySelectorAll("tbody tr").length;
      listStatus.textContent = n ? `${fmt(n)} shown${listEl.querySelector("a.next") ? ", more on the next page" : ""}` : "";
    } catch (e) {
      if (e.name !== "AbortError") listStatus.textContent = "The list could not be loaded: " + e.message;
    } finally {
      listEl.removeAttribute("aria-busy");
    }
  }

  async function loadMap(signal) {
    mapStatus.textContent = "Loading…";
    mapEl.setAttribute("aria-busy", "true");
    const feats = [];
    let cursor = "";
    let truncated = false;
    try {
      do {
        const p = new URLSearchParams(filters);
        p.set("limit", GEO_PAGE);
        if (cursor) p.set("cursor", cursor);
        const fc = await fetchJSON("/api/events.geojson?" + p, signal);
        for (const f of fc.features) feats.push(f);
        cursor = fc.next || "";
        if (cursor) {
          // Draw what came so far: the latest events first.
          map.setData(feats);
          mark("annals:map-first");
        }
        if (cursor && feats.length >= GEO_MAX) {
          truncated = true;
          break;
        }
      } while (cursor);
      map.setData(feats);
      mapEl.dataset.events = String(feats.length);
      mark("annals:map");
      mapStatus.textContent = `${fmt(feats.length)} located ${feats.length === 1 ? "event" : "events"}` +
        (truncated ? ` (the latest ${fmt(GEO_MAX)})` : "");
    } catch (e) {
      if (e.name !== "AbortError") mapStatus.textContent = "The map could not be loaded: " + e.message;
    } finally {
      mapEl.removeAttribute("aria-busy");
    }
  }

  async function loadTimeline(signal) {
    const base = without(filters, "from", "to", "quad_class", "cursor", "order");
    const only = filters.get("quad_class");
    const byQuad = [null, [], [], [], []];
    try {
      await Promise.all([1, 2, 3, 4].map(async (q) => {
        if (only && String(q) !== only) return;
        const p = new URLSearchParams(base);
        p.set("quad_class", String(q));
        byQuad[q] = (await fetchJSON("/api/stats/timeline?" + p, signal)).points;
      }));
      timeline.setQuad(byQuad);
      timeline.setRange(filters.get("from"), filters.get("to"));
      mark("annals:timeline");
      tlEl.dataset.days = String(byQuad.reduce((n, pts) => n + (pts ? pts.length : 0), 0));
    } catch (e) {
      if (e.name !== "AbortError") tlEl.prepend(el("p", { class: "error" }, "The timeline could not be loaded: " + e.message));
    }
  }

  refresh(null);
}
