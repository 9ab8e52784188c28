// Browser test of the dashboard: it ingests the news documents of
// testdata/ with `annals ingest`, starts `annals serve` on a free loopback
// port, drives Debian's Chromium headless with playwright-core, and checks
// that the map's points, the timeline and an event's evidence appear and
// that a filter changes them. It saves screenshots to docs/screenshots/.
//
//   ANNALS_BIN=/path/to/annals node --test web/test/
//
// web/test/run.sh builds everything and runs it (that is what CI calls).
// CHROMIUM names another browser binary (default /usr/bin/chromium);
// ANNALS_SCREENSHOTS another folder for the pictures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { LAUNCH, startServe, stopServe } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const bin = process.env.ANNALS_BIN || join(root, "annals");
const shots = process.env.ANNALS_SCREENSHOTS || join(root, "docs", "screenshots");

let dir, server, base, browser;
const problems = []; // console errors and failed requests, by page

// page opens a page that records console errors and failed requests; an
// offline dashboard must not ask any other host for anything.
async function page(opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...opts });
  const p = await ctx.newPage();
  p.on("console", (m) => { if (m.type() === "error") problems.push(`${p.url()}: console: ${m.text()}`); });
  p.on("pageerror", (e) => problems.push(`${p.url()}: ${e.message}`));
  p.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`request to another host: ${r.url()}`); });
  p.on("response", (r) => { if (r.status() >= 500) problems.push(`${r.url()}: HTTP ${r.status()}`); });
  return p;
}

async function snap(p, name) {
  mkdirSync(shots, { recursive: true });
  await p.screenshot({ path: join(shots, name + ".png"), fullPage: true });
}

// mapReady waits until the map drew the events of the current filters.
async function mapReady(p) {
  await p.waitForFunction(() => {
    const m = document.getElementById("map");
    return m && m.dataset.events !== undefined && !m.hasAttribute("aria-busy");
  });
  return p.evaluate(() => ({
    events: Number(document.getElementById("map").dataset.events),
    markers: document.querySelectorAll("#map .pt").length,
    clustered: [...document.querySelectorAll("#map .pt")].reduce((n, e) => n + Number(e.dataset.n), 0),
  }));
}

async function listed(p) {
  return p.$$eval("#list tbody tr", (rows) => rows.map((r) => r.querySelector("td.where").textContent.trim()));
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "annals-web-"));
  const db = join(dir, "news.db");
  execFileSync(bin, ["ingest", "--db", db, "--progress", "never", join(here, "testdata", "news.jsonl")], { stdio: "pipe" });
  server = await startServe(bin, db);
  base = server.base;
  const r = await fetch(base + "/");
  const type = r.headers.get("content-type") || "";
  assert.ok(type.startsWith("text/html"), `GET / answers ${r.status} ${type}: serve does not mount web.Handler at /`);
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  if (browser) await browser.close();
  await stopServe(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("dashboard shows points, timeline and list", async () => {
  const p = await page();
  await p.goto(base + "/");
  const m = await mapReady(p);
  assert.ok(m.events >= 15, `map has ${m.events} events`);
  assert.ok(m.markers > 0 && m.markers <= m.events, `map draws ${m.markers} markers for ${m.events} events`);
  assert.equal(m.clustered, m.events, "every located event is in one marker");
  await p.waitForSelector("#timeline .uplot canvas");
  const rows = await listed(p);
  assert.ok(rows.length >= 15, `list has ${rows.length} rows`);
  const shaded = await p.$$eval("#map path.country.has-events", (ps) => ps.map((e) => e.dataset.iso3).sort());
  for (const c of ["KEN", "NGA", "PER", "IND"]) assert.ok(shaded.includes(c), `${c} is not shaded: ${shaded}`);
  await snap(p, "dashboard");
  await p.context().close();
});

test("a filter changes the map, the timeline and the list, and the URL", async () => {
  const p = await page();
  await p.goto(base + "/");
  const all = await mapReady(p);
  const daysAll = await p.$eval("#timeline", (e) => Number(e.dataset.days));
  await p.fill("#f-country", "ken");
  await p.click("#filters button[type=submit]");
  await p.waitForURL(/country=ken/i);
  await p.waitForFunction((n) => Number(document.getElementById("map").dataset.events) < n, all.events);
  const kenya = await mapReady(p);
  assert.ok(kenya.events > 0 && kenya.events < all.events, `Kenya: ${kenya.events} of ${all.events}`);
  await p.waitForFunction(() => [...document.querySelectorAll("#list td.where")].every((td) => /Kenya|Nairobi|Mombasa/.test(td.textContent)));
  const rows = await listed(p);
  assert.ok(rows.length > 0 && rows.length < 22, `list has ${rows.length} rows for Kenya`);
  const daysKen = await p.$eval("#timeline", (e) => Number(e.dataset.days));
  assert.ok(daysKen < daysAll, `timeline days: ${daysKen} for Kenya, ${daysAll} for all`);
  assert.ok(await p.$eval("#map path.country.selected", (e) => e.dataset.iso3 === "KEN"), "Kenya is outlined");

  // A select applies at once and stacks with the country.
  await p.selectOption("#f-root", "14");
  await p.waitForURL(/root=14/);
  await p.waitForFunction(() => !document.getElementById("list").hasAttribute("aria-busy"));
  const protests = await p.$$eval("#list td.what .code", (cs) => cs.map((c) => c.textContent));
  assert.ok(protests.length > 0 && protests.every((c) => c.startsWith("14")), `codes ${protests}`);
  const filtered = await listed(p);
  await snap(p, "dashboard-filtered");

  // Back restores the previous view; the URL alone reproduces it.
  await p.goBack();
  await p.waitForFunction(() => document.getElementById("f-root").value === "");
  const shared = await page();
  await shared.goto(base + "/?country=KEN&root=14");
  assert.deepEqual(await listed(shared), filtered);
  assert.equal(await shared.$eval("#f-country", (e) => e.value), "KEN");
  await shared.context().close();
  await p.context().close();
});

test("dragging across the timeline filters by dates", async () => {
  const p = await page();
  await p.goto(base + "/");
  await mapReady(p);
  const over = await p.waitForSelector("#timeline .u-over");
  // The alerts panel can push the timeline below the fold: mouse events
  // only reach what is in the viewport.
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  const y = box.y + box.height / 2;
  await p.mouse.move(box.x + box.width * 0.55, y);
  await p.mouse.down();
  await p.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
  await p.mouse.up();
  await p.waitForURL(/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
  const u = new URL(p.url());
  const from = u.searchParams.get("from"), to = u.searchParams.get("to");
  assert.ok(from <= to, `${from} > ${to}`);
  assert.equal(await p.$eval("#f-from", (e) => e.value), from);
  await p.waitForFunction(() => !document.getElementById("list").hasAttribute("aria-busy"));
  const dates = await p.$$eval("#list td.date", (ds) => ds.map((d) => d.textContent.trim()));
  assert.ok(dates.every((d) => d >= from && d <= to), `dates ${dates} outside ${from}–${to}`);
  await p.context().close();
});

test("an event page shows its evidence with the coded parts marked", async () => {
  const p = await page();
  await p.goto(base + "/?q=%22tear+gas%22&root=17");
  await p.click("#list td.what a");
  await p.waitForURL(/\/events\/\d+$/);
  const marks = await p.$$eval(".evidence mark", (ms) => ms.map((m) => [m.dataset.kind, m.firstChild.textContent]));
  const kinds = new Set(marks.map((m) => m[0]));
  for (const k of ["source", "action", "target", "location"]) assert.ok(kinds.has(k), `no ${k} mark in ${JSON.stringify(marks)}`);
  assert.ok(marks.some(([k, t]) => k === "action" && /tear gas/.test(t)), JSON.stringify(marks));
  const reports = await p.$$eval("li.mention", (ls) => ls.length);
  assert.ok(reports >= 2, `${reports} reports of the tear gas event`);
  await p.waitForSelector("#locator .pt");
  await snap(p, "event");
  // The actor's link leads to its page, with its chart.
  await p.click("dl.record a.actor");
  await p.waitForURL(/\/actors\/[A-Z]+$/);
  await p.waitForSelector("#actor-timeline .uplot");
  assert.ok((await p.$$eval("table.events tbody tr", (r) => r.length)) > 0);
  await snap(p, "actor");
  await p.context().close();
});

test("keyboard: markers are focusable and Enter zooms into a cluster", async () => {
  const p = await page();
  await p.goto(base + "/");
  await mapReady(p);
  const cluster = await p.$("#map .pt.cluster");
  assert.ok(cluster, "no cluster on the world view");
  const label = await cluster.getAttribute("aria-label");
  assert.match(label, /\d+ events/);
  await cluster.focus();
  await p.keyboard.press("Enter");
  await p.waitForFunction(() => document.querySelector("#map .map-svg").classList.contains("zoomed"));
  await p.context().close();
});

test("phone layout and the page without JavaScript", async () => {
  const p = await page({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await p.goto(base + "/");
  await mapReady(p);
  const wide = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `page is ${wide} px wide on a 390 px screen`);
  await snap(p, "mobile");
  await p.context().close();

  const q = await page({ javaScriptEnabled: false });
  await q.goto(base + "/?country=NGA");
  const rows = await listed(q);
  assert.ok(rows.length > 0 && rows.every((r) => /Nigeria|Lagos|Maiduguri/.test(r)), `no-JS list: ${rows}`);
  assert.ok(await q.$("#timeline svg.tl-svg rect.tl-up"), "no server-drawn timeline");
  await q.context().close();
});

test("no console errors, no request to another host", () => {
  assert.deepEqual(problems, []);
});
