// Key flows in Firefox, over HTTP and from file://: what the tools save
// reaches the privacy page (which lists, and deletes, all of it), the
// colour choice follows the reader, and the self-assessment keeps its
// place through Back and reload. From file:// Firefox gives each page its
// own storage; the site keeps answers together in its shared storage page
// (assets/storage.js).
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const h = require("./harness.js");

let site, server, browser;

before(async () => {
  site = h.build();
  server = await h.serve(site.out);
  browser = await h.launch();
}, { timeout: 300000 });

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
  if (site) fs.rmSync(site.dir, { recursive: true, force: true });
});

for (const mode of ["http", "file"]) {
  test(mode + ": the privacy page lists and deletes what the tools saved, and the colours follow", { timeout: 180000 }, async () => {
    const base = h.origins(site, server).find((o) => o.mode === mode).base;
    const problems = [];
    const tools = await h.open(browser, base + "learning/checklists.html", problems);
    await tools.evaluate(() => localStorage.clear());
    await tools.reload();
    await tools.waitForSelector("[data-module=checklist][data-module-started]");
    await tools.click("[data-module=checklist] li:nth-child(2) label");
    // The colour menu is in the header's menu, which folds on a small screen.
    await tools.select(".theme-switch select", "dark");
    await tools.close();

    const privacy = await h.open(browser, base + "about/privacy.html", problems);
    await privacy.waitForSelector("[data-module=your-data][data-module-started]");
    assert.equal(await privacy.evaluate(() => document.documentElement.getAttribute("data-theme")), "dark", "the colour choice follows to another page");
    assert.equal(await privacy.evaluate(() => joinedup.store.scope), mode === "file" ? "hub" : "site");
    const rows = await privacy.evaluate(() => Array.from(document.querySelectorAll(".your-data__table tbody tr")).map((r) => r.cells[0].textContent + ": " + r.cells[2].textContent));
    assert.deepEqual(rows, ["Checklist: professional courtesy: 1 item ticked", "Colour scheme: Dark"]);
    if (mode === "file") {
      assert.match(await privacy.evaluate(() => document.querySelector("[data-your-data-scope]").textContent), /keeps them together in one place/);
    }

    // Delete everything: focus goes to No, keep it; the message names what went.
    await privacy.click("[data-your-data-delete]");
    assert.equal(await privacy.evaluate(() => document.activeElement.textContent), "No, keep it");
    await privacy.click("[data-your-data-delete-yes]");
    await privacy.waitForFunction(() => /^Deleted/.test(document.querySelector("[data-your-data-status]").textContent));
    assert.match(await privacy.evaluate(() => document.querySelector("[data-your-data-status]").textContent),
      /^Deleted 2 items: Checklist: professional courtesy \(1 item ticked\); Colour scheme\./);
    await privacy.close();

    // The deletion reached the page that saved the ticks.
    const again = await h.open(browser, base + "learning/checklists.html", problems);
    await again.waitForSelector("[data-module=checklist][data-module-started]");
    assert.equal(await again.evaluate(() => document.querySelectorAll(".checklist__input:checked").length), 0, "ticks after deleting");
    assert.equal(await again.evaluate(() => document.documentElement.getAttribute("data-theme")), null, "colours after deleting");
    assert.deepEqual(await again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("joinedup."))), [], "nothing left in the page's own storage");
    await again.close();
    assert.deepEqual(problems, []);
  });

  test(mode + ": the self-assessment keeps its place through Back and reload", { timeout: 180000 }, async () => {
    const base = h.origins(site, server).find((o) => o.mode === mode).base;
    const problems = [];
    const page = await h.open(browser, base + "learning/self-assessment.html", problems);
    await page.setViewport({ width: 375, height: 800 });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector("[data-module=ladder-assessment][data-module-started]");
    await page.type("#la-name", "our team and the dentist");
    await page.click(".ladder-assessment__form button[type=submit]");
    const heading = () => page.evaluate(() => document.querySelector("[data-la-app] h3").textContent);
    const dims = await page.evaluate(() => Array.from(document.querySelectorAll("[data-la-dimension]")).map((f) => f.getAttribute("data-la-dimension")));
    for (let i = 0; i < 2; i++) {
      await page.waitForFunction((n) => document.querySelector("[data-la-app] h3").textContent.startsWith("Question " + n + " of"), {}, i + 1);
      await page.click("#la-q-" + dims[i] + "-" + (i + 3));
      await page.click(".ladder-assessment__form button[type=submit]");
    }
    await page.waitForFunction(() => document.querySelector("[data-la-app] h3").textContent.startsWith("Question 3 of"));
    assert.match(await page.evaluate(() => location.hash), /^#assessment\/[^/]+\/question-3$/);

    await page.goBack();
    await page.waitForFunction(() => document.querySelector("[data-la-app] h3").textContent.startsWith("Question 2 of"));
    assert.equal(await page.evaluate((d) => document.getElementById("la-q-" + d + "-4").checked, dims[1]), true, "Back keeps the answer");

    await page.reload();
    await page.waitForSelector("[data-module=ladder-assessment][data-module-started]");
    assert.match(await heading(), /^Question 2 of/, "reload stays on the question");
    assert.equal(await page.evaluate((d) => document.getElementById("la-q-" + d + "-4").checked, dims[1]), true, "reload keeps the answer");
    await page.close();
    assert.deepEqual(problems, []);
  });
}
