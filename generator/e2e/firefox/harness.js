// The Firefox harness: builds the bundled site once, serves it over HTTP,
// and starts Debian's firefox-esr through puppeteer-core over WebDriver
// BiDi. The key flows run here as well as in Chromium (the Go tests in
// generator/e2e), because Firefox keeps file:// storage differently.
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { pathToFileURL, URL } = require("node:url");
const puppeteer = require("puppeteer-core");

const ROOT = path.resolve(__dirname, "..", "..", "..");
const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";

// build builds content/ into a new temporary folder and returns it.
function build() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "joinedup-firefox-"));
  const out = path.join(dir, "site");
  execFileSync("go", ["run", "./generator", "build", "-out", out], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  return { dir, out };
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".xml": "application/xml" };

// serve serves the folder on 127.0.0.1 with the site's strictest policy,
// as the Go tests' server does; it resolves to {url, close}.
function serve(folder) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = path.join(folder, path.normalize(rel).replace(/^(\.\.[/\\])+/, ""));
    fs.readFile(file.endsWith(path.sep) ? path.join(file, "index.html") : file, (err, body) => {
      if (err) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Content-Security-Policy": "default-src 'self'" });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ url: "http://127.0.0.1:" + server.address().port + "/", close: () => new Promise((r) => server.close(r)) }));
  });
}

// launch starts firefox-esr headless with a fresh profile. Puppeteer's
// profile lets file:// pages share storage (security.fileuri.
// strict_origin_policy false, for its own tests); a reader's Firefox does
// not, so the test sets it back.
function launch() {
  if (!fs.existsSync(FIREFOX)) throw new Error(FIREFOX + " is not installed; run \"make firefox-deps\" or \"apt-get install firefox-esr\"");
  return puppeteer.launch({
    browser: "firefox", executablePath: FIREFOX, headless: true,
    extraPrefsFirefox: { "security.fileuri.strict_origin_policy": true }
  });
}

// origins are the two ways to open the site: over HTTP and from disk.
function origins(site, server) {
  return [{ mode: "http", base: server.url }, { mode: "file", base: pathToFileURL(site.out).href + "/" }];
}

// open opens a page in a new tab, failing the test on any error the page
// reports, and waits until its components have started.
async function open(browser, url, problems) {
  const page = await browser.newPage();
  page.on("pageerror", (e) => problems.push(url + ": " + e.message));
  page.on("console", (m) => { if (m.type() === "error") problems.push(url + ": console: " + m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => document.readyState === "complete" && !!document.querySelector("[data-module-started]"));
  return page;
}

module.exports = { build, serve, launch, origins, open };
