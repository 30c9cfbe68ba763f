/* The partnership ladder's results, shared by the self-assessment (which
   works out a result and makes its code) and group results (which reads a
   group's codes). The pages of those two tools load this script before
   their own; it adds joinedup.ladder. Node's test runner loads it too
   (ladder-code.test.js).

   A result code is "JU" + format version + "-" + one digit per dimension
   (1 to 9 for the rung, 0 for "I do not know"), in the order of the
   assessment data, + "-" + a random part of four digits + "-" + two check
   digits (ISO 7064 MOD 97-10 over the version, the answer digits and the
   random part, as in an IBAN). It holds nothing else: no names, no free
   text. The random part keeps two learners who gave the same answers
   apart, so that group results count each of them; the same code pasted
   twice is still one person. Codes of version 1, made before the random
   part, have no random part and are still read. */
(function () {
  "use strict";

  var CODE_VERSION = 2;
  var NONCE_DIGITS = 4;

  /* overall works out the rung from a list of answers (0 = do not know):
     the median of the known answers, rounded down; the spread (highest
     minus lowest) and whether it makes a "mixed picture" (3 or more). */
  function overall(rungs) {
    var known = rungs.filter(function (r) { return r > 0; }).sort(function (a, b) { return a - b; });
    if (!known.length) return { rung: 0, known: 0, spread: 0, mixed: false };
    var n = known.length, mid = Math.floor(n / 2);
    var median = n % 2 ? known[mid] : Math.floor((known[mid - 1] + known[mid]) / 2);
    var spread = known[n - 1] - known[0];
    return { rung: median, known: n, spread: spread, mixed: spread >= 3 };
  }

  /* checkDigits are the two ISO 7064 MOD 97-10 check digits of a string
     of digits. */
  function checkDigits(body) {
    var r = 0;
    for (var i = 0; i < body.length; i++) r = (r * 10 + (body.charCodeAt(i) - 48)) % 97;
    r = (r * 100) % 97;
    var c = 98 - r;
    return (c < 10 ? "0" : "") + c;
  }

  /* nonce is a new random part: four digits from the browser's random
     source where it has one. */
  function nonce() {
    var n;
    var c = typeof crypto === "object" && crypto && crypto.getRandomValues ? crypto : null;
    if (c) n = c.getRandomValues(new Uint32Array(1))[0] % 10000;
    else n = Math.floor(Math.random() * 10000);
    return String(10000 + n).slice(1);
  }

  /* encode makes the code of a set of answers with its random part; with
     no random part (a result saved before codes had one) it makes the
     version 1 code the learner was shown then. */
  function encode(rungs, random) {
    var digits = rungs.map(function (r) { return String(r); }).join("");
    if (!random) return "JU1-" + digits + "-" + checkDigits("1" + digits);
    return "JU" + CODE_VERSION + "-" + digits + "-" + random + "-" + checkDigits(String(CODE_VERSION) + digits + random);
  }

  /* decode checks one code against the number of dimensions. It returns
     {rungs: [...], key} or {error: "plain words"}; key is the code written
     the same way whatever its case or spacing, to find duplicates. */
  function decode(code, dimensions) {
    var m = /^JU(\d{1,3})-(\d{1,40})(?:-(\d{1,8}))?-(\d{2})$/i.exec(String(code).trim());
    if (!m) return { error: "This is not a result code. A code looks like JU2-34543456-0815-90." };
    var version = Number(m[1]), random = m[3] || "";
    if (version !== 1 && version !== CODE_VERSION) return { error: "This code is from a different version of the self-assessment (version " + m[1] + "), so it cannot be read here." };
    if (m[2].length !== dimensions) return { error: "This code has " + m[2].length + " answers, but the self-assessment has " + dimensions + ". Check that it was copied whole." };
    if (version === 1 ? random !== "" : random.length !== NONCE_DIGITS) return { error: "This code's parts are the wrong length, so it was probably copied in part. Ask for it again." };
    if (checkDigits(String(version) + m[2] + random) !== m[4]) return { error: "This code's check digits do not match, so a character was probably mistyped. Ask for it again." };
    var rungs = m[2].split("").map(Number);
    if (!rungs.some(function (r) { return r > 0; })) return { error: "This code has no answers (every dimension is \"I do not know\")." };
    return { rungs: rungs, key: encode(rungs, random) };
  }

  var ladder = {
    codeVersion: CODE_VERSION,
    overall: overall,
    checkDigits: checkDigits,
    nonce: nonce,
    encode: encode,
    decode: decode,
    /* pattern finds codes inside other text, such as a chat message. */
    pattern: /\bJU\d{1,3}-\d{1,40}(?:-\d{1,8})?-\d{2}\b/gi
  };

  if (typeof module === "object" && module.exports) module.exports = ladder;
  else window.joinedup.ladder = ladder;
})();
