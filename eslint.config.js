// ESLint for the site's browser scripts (templates/assets/) and their
// Node tests. Run it with `npm run lint`, which `make lint` does.
//
// The page scripts are plain scripts, not modules: each page loads them
// with <script src>, so they work from file:// with no build step. They
// share one global, window.joinedup, and the generated globals listed
// below; everything else stays inside each file's function.
"use strict";

const js = require("@eslint/js");

// What the browser gives the page scripts. Listed by hand, so that a
// script using anything else (a newer API, a typo) is caught here.
const browser = {
  window: "readonly",
  document: "readonly",
  navigator: "readonly",
  console: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  Blob: "readonly",
  FileReader: "readonly",
  URLSearchParams: "readonly",
  crypto: "readonly",
  Promise: "readonly",
  // Each page script ends by exporting its pure functions when Node's
  // test runner loads it (typeof module === "object"); in a page these
  // are never defined.
  module: "readonly",
  require: "readonly"
};

const node = {
  crypto: "readonly",
  require: "readonly",
  module: "writable",
  __dirname: "readonly",
  process: "readonly",
  console: "readonly"
};

const rules = {
  ...js.configs.recommended.rules,
  // Older scripts name the error in catch (e) { ... } without using it.
  "no-unused-vars": ["error", { caughtErrors: "none" }],
  eqeqeq: ["error", "always"],
  "no-implicit-globals": "error",
  "no-new-func": "error",
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-script-url": "error"
};

module.exports = [
  { ignores: ["node_modules/", "public/", ".public.*/", "testout/", "templates/assets/vendor/"] },
  {
    files: ["templates/assets/**/*.js"],
    ignores: ["templates/assets/**/*.test.js"],
    languageOptions: { ecmaVersion: 2018, sourceType: "script", globals: browser },
    rules: {
      ...rules,
      // innerHTML would let stored or pasted text become markup; the
      // scripts build elements with joinedup.el instead.
      "no-restricted-properties": ["error",
        { property: "innerHTML", message: "Build elements with joinedup.el: text must never become markup." },
        { property: "outerHTML", message: "Build elements with joinedup.el: text must never become markup." },
        { property: "insertAdjacentHTML", message: "Build elements with joinedup.el: text must never become markup." }]
    }
  },
  {
    // The Firefox tests run in Node; the functions they pass to
    // page.evaluate run in the page.
    files: ["generator/e2e/firefox/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022, sourceType: "commonjs",
      globals: { ...node, document: "readonly", window: "readonly", location: "readonly", localStorage: "readonly", joinedup: "readonly" }
    },
    rules
  },
  {
    files: ["templates/assets/**/*.test.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: node },
    rules
  }
];
