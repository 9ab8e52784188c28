// The scripts of the event and actor pages.
import { WorldMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { fetchJSON } from "./util.js";

// eventPage draws the locator map of an event page.
export function eventPage() {
  const loc = document.getElementById("locator");
  if (!loc) return;
  const lat = Number(loc.dataset.lat), lon = Number(loc.dataset.lon);
  if (!isFinite(lat) || !isFinite(lon)) return;
  const m = new WorldMap(loc, { small: true, label: `Map of ${loc.dataset.name}` });
  m.setData([{
    id: 0,
    geometry: { type: "Point", coordinates: [lon, lat] },
    properties: { quad_class: Number(loc.dataset.quad) || 0, num_sources: Number(loc.dataset.sources) || 1,
      num_mentions: Number(loc.dataset.sources) || 1, place: loc.dataset.name, country: loc.dataset.country },
  }]);
  m.zoomTo(lon, lat, 4);
}

// actorPage replaces the server's chart of an actor page with uPlot's; a
// drag across it opens the dashboard for those dates.
export function actorPage() {
  const box = document.getElementById("actor-timeline");
  if (!box) return;
  const code = encodeURIComponent(box.dataset.code);
  const tl = new Timeline(box, {
    onRange: (from, to) => { location.href = `/?actor=${code}&from=${from}&to=${to}`; },
  });
  Promise.all([
    fetchJSON(`/api/stats/timeline?source=${code}`),
    fetchJSON(`/api/stats/timeline?target=${code}`),
  ]).then(([s, t]) => tl.setActor(s.points, t.points)).catch(() => { /* the server's chart stays */ });
}
