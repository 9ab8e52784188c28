// The dashboard on a store someone else filled (the BBC and Reuters corpora,
// say): generic checks and screenshots of the map, the timeline, the list,
// an event page and an actor page. Opt-in:
//
//   ANNALS_BIN=annals ANNALS_WEB_DB=corpus.db ANNALS_SCREENSHOTS=/tmp/shots \
//     node --test web/test/corpus.test.mjs
//
// The screenshots go to $ANNALS_SCREENSHOTS, never to docs/ by default: they
// show the corpus's sentences, and research-only corpora must not be
// republished.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { LAUNCH, startServe, stopServe } from "./helpers.mjs";

const db = process.env.ANNALS_WEB_DB;
const shots = process.env.ANNALS_SCREENSHOTS;
const skip = (!db || !shots) && "ANNALS_WEB_DB and ANNALS_SCREENSHOTS are not both set";
let server, browser;

before(async () => {
  if (skip) return;
  server = await startServe(process.env.ANNALS_BIN, db);
  browser = await chromium.launch(LAUNCH);
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  await stopServe(server);
});

test("the dashboard of a real corpus", { skip }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const p = await ctx.newPage();
  const errors = [];
  p.on("pageerror", (e) => errors.push(e.message));
  p.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await p.goto(server.base + "/");
  await p.waitForFunction(() => document.getElementById("map").dataset.events !== undefined, null, { timeout: 60000 });
  await p.waitForSelector("#timeline .uplot canvas");
  const events = await p.$eval("#map", (m) => Number(m.dataset.events));
  assert.ok(events > 0, "no event on the map");
  await p.screenshot({ path: join(shots, "corpus-dashboard.png") });
  // The most shaded country, as a filter.
  const top = await p.$$eval("#map path.country.has-events", (ps) => ps.map((e) => [e.dataset.iso3, Number(/: ([\d,]+)/.exec(e.textContent)[1].replace(/,/g, ""))]).sort((a, b) => b[1] - a[1])[0]);
  await p.goto(server.base + "/?country=" + top[0]);
  await p.waitForFunction(() => document.getElementById("map").dataset.events !== undefined, null, { timeout: 60000 });
  assert.ok(await p.$$eval("#list tbody tr", (r) => r.length) > 0);
  await p.screenshot({ path: join(shots, "corpus-country.png"), fullPage: true });
  // The most reported event, with its evidence.
  await p.goto(server.base + "/?order=-mentions&country=" + top[0]);
  await p.click("#list td.what a");
  await p.waitForSelector(".evidence mark.m-action");
  await p.screenshot({ path: join(shots, "corpus-event.png"), fullPage: true });
  await p.click("dl.record a.actor");
  await p.waitForSelector("#actor-timeline .uplot");
  await p.screenshot({ path: join(shots, "corpus-actor.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await ctx.close();
});
