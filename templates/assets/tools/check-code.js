/* The result codes of knowledge checks, shared by the check (which makes a
   code at the end) and check results (which reads a group's codes). The
   pages of those two tools load this script before their own; it adds
   joinedup.checkCode. Node's test runner loads it too (check-code.test.js).

   A code is "JK" + format version + "-" + the check's two-letter code +
   "-" + B (before a session) or A (after it) + "-" + one digit per
   question, in the order of the check (1 right, 0 not) + "-" + two check
   digits (ISO 7064 MOD 97-10, as in an IBAN, over the version, the
   check's code and the phase with letters as numbers A=10 to Z=35, and
   the digits). It holds nothing else: no names, no free text. */
(function () {
  "use strict";

  var CODE_VERSION = 1;
  var PHASES = { B: "before", A: "after" };

  /* checkDigits are the two ISO 7064 MOD 97-10 check digits of a string
     of digits and capital letters, each letter read as two digits
     (A=10 ... Z=35). */
  function checkDigits(body) {
    var r = 0;
    for (var i = 0; i < body.length; i++) {
      var c = body.charCodeAt(i);
      if (c >= 65 && c <= 90) {
        var n = c - 55;
        r = (r * 100 + n) % 97;
      } else {
        r = (r * 10 + (c - 48)) % 97;
      }
    }
    r = (r * 100) % 97;
    var d = 98 - r;
    return (d < 10 ? "0" : "") + d;
  }

  /* encode makes the code for a check (its two-letter code), a phase
     ("before" or "after") and the answers (true where right). */
  function encode(check, phase, right) {
    var letter = phase === "after" ? "A" : "B";
    var digits = right.map(function (r) { return r ? "1" : "0"; }).join("");
    return "JK" + CODE_VERSION + "-" + check + "-" + letter + "-" + digits + "-" + checkDigits(CODE_VERSION + check + letter + digits);
  }

  /* decode checks one code against the site's checks ({CODE: number of
     questions}). It returns {check, phase, right: [true, false, ...]} or
     {error: "plain words"}. */
  function decode(code, checks) {
    var m = /^JK(\d{1,3})-([A-Z]{2})-([A-Z])-(\d{1,40})-(\d{2})$/i.exec(String(code).trim());
    if (!m) return { error: "This is not a knowledge check code. A code looks like JK1-RO-B-101101-47." };
    var check = m[2].toUpperCase(), letter = m[3].toUpperCase(), digits = m[4];
    if (Number(m[1]) !== CODE_VERSION) return { error: "This code is from a different version of the knowledge checks (version " + m[1] + "), so it cannot be read here." };
    if (!Object.prototype.hasOwnProperty.call(checks, check)) return { error: "This code is for a knowledge check (" + check + ") that this site does not have." };
    if (!PHASES[letter]) return { error: "The third part of this code should be B (before the session) or A (after it), not " + letter + "." };
    if (!/^[01]+$/.test(digits)) return { error: "The answers in this code should be only 1s and 0s. Check that it was copied whole." };
    if (digits.length !== checks[check]) return { error: "This code has " + digits.length + " answers, but the check has " + checks[check] + " questions. Check that it was copied whole." };
    if (checkDigits(m[1].replace(/^0+/, "") + check + letter + digits) !== m[5]) return { error: "This code's check digits do not match, so a character was probably mistyped. Ask for it again." };
    return { check: check, phase: PHASES[letter], right: digits.split("").map(function (d) { return d === "1"; }) };
  }

  var checkCode = {
    codeVersion: CODE_VERSION,
    checkDigits: checkDigits,
    encode: encode,
    decode: decode,
    /* pattern finds codes inside other text, such as a chat message. */
    pattern: /\bJK\d{1,3}-[A-Z]{2}-[A-Z]-\d{1,40}-\d{2}\b/gi
  };

  if (typeof module === "object" && module.exports) module.exports = checkCode;
  else window.joinedup.checkCode = checkCode;
})();
