// Helpers of the browser tests: Chromium's launch options and `annals
// serve` on a free loopback port.
import { spawn } from "node:child_process";

// LAUNCH starts Debian's Chromium (or $CHROMIUM) headless, with nothing
// that reaches the network on its own.
export const LAUNCH = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
};

// startServe runs `annals serve` on a free port and resolves to its base
// URL once it prints its address.
export function startServe(annals, db) {
  return new Promise((ok, fail) => {
    const p = spawn(annals, ["serve", "--db", db, "--addr", "127.0.0.1:0", "--quiet"], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    const timer = setTimeout(() => fail(new Error("annals serve printed no address in 20 s:\n" + err)), 20000);
    p.stderr.on("data", (b) => {
      err += b;
      const m = /http:\/\/(127\.0\.0\.1:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok({ proc: p, base: "http://" + m[1] });
      }
    });
    p.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`annals serve exited with ${code}:\n${err}`));
    });
  });
}

export function stopServe(s) {
  if (!s || s.proc.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    s.proc.once("exit", ok);
    s.proc.kill("SIGTERM");
  });
}

