/* The site's shared storage, for a copy opened from a folder (file://).
   Firefox gives each file:// page its own storage: what the self-assessment
   saves, the privacy page cannot see, and the colour choice stays on the
   page where it was made. Every page of the site is one folder's files,
   but this page is one file: each page opens it in a hidden frame
   (site.js) and keeps its saved answers here, by message, so they are
   together again and the privacy page can list, download and delete them
   all. In a browser that shares storage between file:// pages (Chromium),
   the page finds that out from the first answer and uses its own storage.

   It answers only its own parent page, only from file://, and only ever
   touches keys that start with "joinedup.". Node's test runner loads it
   (storage.test.js) to test reply. */
(function () {
  "use strict";

  var PREFIX = "joinedup.";

  /* items are every joinedup key in storage, with its value. */
  function items(storage) {
    var out = {};
    for (var i = 0; i < storage.length; i++) {
      var k = storage.key(i);
      if (k && k.indexOf(PREFIX) === 0) out[k] = storage.getItem(k);
    }
    return out;
  }

  /* reply carries out one request from the page and returns the answer:
     {op: "hello", probe: {key, value}} asks for everything, and whether
     the page's own storage is this one (the page wrote probe there);
     {op: "set", key, value} and {op: "remove", key} change one item.
     Anything else, or a key without the prefix, gets an error. */
  function reply(storage, msg) {
    if (!msg || typeof msg !== "object") return { error: "not a request" };
    try {
      if (msg.op === "hello") {
        var probe = msg.probe && typeof msg.probe.key === "string" && msg.probe.key.indexOf(PREFIX) === 0 ? msg.probe : null;
        var shared = !!probe && storage.getItem(probe.key) === probe.value;
        return { op: "hello", shared: shared, items: items(storage) };
      }
      if (typeof msg.key !== "string" || msg.key.indexOf(PREFIX) !== 0) return { error: "not a key of this site" };
      if (msg.op === "set" && typeof msg.value === "string") { storage.setItem(msg.key, msg.value); return { op: "set", key: msg.key }; }
      if (msg.op === "remove") { storage.removeItem(msg.key); return { op: "remove", key: msg.key }; }
      return { error: "not a request" };
    } catch (e) {
      return { error: "storage refused: " + e.name };
    }
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { reply: reply, items: items };
    return;
  }

  var parent = window.parent;
  if (window.location.protocol !== "file:" || parent === window) return;
  var storage;
  try { storage = window.localStorage; } catch (e) { storage = null; }
  window.addEventListener("message", function (ev) {
    if (ev.source !== parent || !ev.data || ev.data.joinedup !== "storage") return;
    var out = storage ? reply(storage, ev.data) : { error: "storage refused" };
    out.joinedup = "storage";
    out.id = ev.data.id;
    parent.postMessage(out, "*");
  });
  /* Another page (or tab) changed something here: tell this page. */
  window.addEventListener("storage", function (ev) {
    if (ev.key !== null && ev.key.indexOf(PREFIX) !== 0) return;
    parent.postMessage({ joinedup: "storage", op: "changed", key: ev.key, value: ev.newValue }, "*");
  });
  parent.postMessage({ joinedup: "storage", op: "ready" }, "*");
})();
