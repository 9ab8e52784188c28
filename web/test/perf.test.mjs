// Paint times of the dashboard on a store of 20,000 events, in headless
// Chromium on loopback: first contentful paint, largest contentful paint
// (the first meaningful paint's successor; the goal is ≤ 1 s), and when the
// map and the timeline are drawn. Each load is a fresh browser context
// (cold cache). Run by web/test/run.sh when ANNALS_WEB_PERF=1, which fills
// the store (internal/web TestPerfStore) and sets:
//
//   ANNALS_BIN=annals ANNALS_WEB_PERF_DB=perf.db node --test web/test/perf.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { LAUNCH, startServe, stopServe } from "./helpers.mjs";

const db = process.env.ANNALS_WEB_PERF_DB;
const loads = Number(process.env.ANNALS_WEB_PERF_LOADS || 7);
let server, browser;

before(async () => {
  if (!db) return;
  server = await startServe(process.env.ANNALS_BIN, db);
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  if (browser) await browser.close();
  await stopServe(server);
});

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

test("dashboard paints within 1 s with 20,000 events", { skip: !db && "ANNALS_WEB_PERF_DB is not set" }, async () => {
  const rows = [];
  for (const path of ["/", "/?country=KEN"]) {
    for (let i = 0; i < loads; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      const p = await ctx.newPage();
      await p.goto(server.base + path);
      await p.waitForFunction(() => performance.getEntriesByName("annals:map").length && performance.getEntriesByName("annals:timeline").length, null, { timeout: 30000 });
      const t = await p.evaluate(() => new Promise((ok) => {
        new PerformanceObserver((list) => {
          const lcp = list.getEntries().at(-1);
          const nav = performance.getEntriesByType("navigation")[0];
          ok({
            ttfb: nav.responseStart,
            fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime,
            lcp: lcp.startTime,
            lcpElement: lcp.element ? lcp.element.tagName + (lcp.element.id ? "#" + lcp.element.id : "") : "",
            map: performance.getEntriesByName("annals:map")[0].startTime,
            mapFirst: (performance.getEntriesByName("annals:map-first")[0] || performance.getEntriesByName("annals:map")[0]).startTime,
            timeline: performance.getEntriesByName("annals:timeline")[0].startTime,
            events: Number(document.getElementById("map").dataset.events),
          });
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }));
      rows.push({ path, ...t });
      await ctx.close();
    }
  }
  for (const path of ["/", "/?country=KEN"]) {
    const rs = rows.filter((r) => r.path === path);
    const f = (k) => `${k} ${median(rs.map((r) => r[k])).toFixed(0)} ms (max ${Math.max(...rs.map((r) => r[k])).toFixed(0)})`;
    console.log(`# ${path}: ${rs.length} cold loads, ${rs[0].events} events on the map; median ${["ttfb", "fcp", "lcp", "mapFirst", "map", "timeline"].map(f).join(", ")}; LCP element ${rs[0].lcpElement}`);
    assert.ok(median(rs.map((r) => r.lcp)) <= 1000, `${path}: median largest contentful paint over 1 s`);
    assert.ok(median(rs.map((r) => r.fcp)) <= 1000, `${path}: median first contentful paint over 1 s`);
  }
});
