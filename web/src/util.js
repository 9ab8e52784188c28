// Small helpers shared by the dashboard's modules.
import data from "annals:data";

export const QUAD_NAMES = ["", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"];
export const QUAD_COLORS = ["#8a96a3", "#4477aa", "#228833", "#ccbb44", "#ee6677"];

// The event filters of the API that the dashboard puts in its URL.
export const FILTER_KEYS = [
  "q", "country", "actor", "source", "target", "actor_text", "root", "cameo", "quad_class", "plover",
  "acled_type", "acled_subtype", "from", "to", "min_sources", "bbox", "near", "radius_km", "id",
];

// el creates an element: el("a", {href: "/"}, "text", child…).
export function el(tag, attrs = {}, ...children) {
  const ns = attrs.svg ? "http://www.w3.org/2000/svg" : null;
  const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "svg" || v === undefined || v === null || v === false) continue;
    e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

export function codeName(code) {
  const n = data.codes[code];
  if (!n) return code || "";
  return n === n.toUpperCase() ? n[0] + n.slice(1).toLowerCase() : n;
}

export function countryName(iso3) {
  return data.countries[iso3] || iso3 || "";
}

// iso3OfFeature returns the alpha-3 code of a world-atlas country.
export function iso3OfFeature(f) {
  if (f.id !== undefined && data.numeric[f.id]) return data.numeric[f.id];
  if (f.properties && f.properties.name === "Kosovo") return "XKX";
  return "";
}

export function fmt(n) {
  return Number(n).toLocaleString("en-GB");
}

// filtersOf returns the dashboard filters of a query string, without empty
// values or paging.
export function filtersOf(search) {
  const p = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const [k, v] of p) {
    if (k === "cursor" || k === "limit" || v.trim() === "") continue;
    out.append(k, v.trim());
  }
  return out;
}

export function without(params, ...keys) {
  const out = new URLSearchParams(params);
  for (const k of keys) out.delete(k);
  return out;
}

// fetchJSON gets url and parses it, throwing the API's message on error.
export async function fetchJSON(url, signal) {
  const r = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!r.ok) {
    let msg = `${r.status} ${r.statusText}`;
    try {
      const b = await r.json();
      if (b && b.error && b.error.message) msg = b.error.message;
    } catch (_) { /* not JSON */ }
    throw new Error(msg);
  }
  return r.json();
}

// Dates as the API writes them, in UTC.
export function dayString(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayMs(s) {
  return Date.parse(s + "T00:00:00Z");
}

export const DAY = 86400000;
