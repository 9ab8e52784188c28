// Entry point of the dashboard's bundle (internal/web/build writes it to
// internal/web/static/dist/app.js). The pages work without it; it adds the
// map, the interactive timeline and in-place filtering.
import "./app.css";
import { dashboard } from "./dashboard.js";
import { eventPage, actorPage } from "./pages.js";

document.documentElement.classList.add("js");

function start() {
  switch (document.body.dataset.page) {
    case "dashboard": dashboard(); break;
    case "event": eventPage(); break;
    case "actor": actorPage(); break;
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
