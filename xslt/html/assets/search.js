/* search.js — client-side, Kazakh-aware search over assets/search-index.js (window.KSE_SEARCH).

   Folding, applied to the query and to the text alike, one character for one character (so positions in
   the folded text are positions in the original, which is how hits are marked): Latin homoglyphs to
   Cyrillic (A→А, c→с, I→І …), lower case, then ә→а ғ→г қ→к ң→н ө→о ұ→у ү→у һ→х і→и ё→е.
   So "кун" finds "күн" and "казак" finds "Қазақ". Each block is searched in its reading text, then
   in its witness text (so a witness error such as "жыды" is found too). */
(function () {
  "use strict";
  var HOMO = { A: "А", B: "В", C: "С", E: "Е", H: "Н", I: "І", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У",
               a: "а", c: "с", e: "е", i: "і", o: "о", p: "р", x: "х", y: "у", h: "һ", k: "к" };
  var FOLD = { "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е",
               "\u00a0": " ", "\u2011": "-", "\u2010": "-" };
  function fold(s) {
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (HOMO[c]) { c = HOMO[c]; }
      var l = c.toLowerCase();
      if (l.length !== 1) { l = c; }
      out += FOLD[l] || l;
    }
    return out;
  }
  window.KSE_FOLD = fold;

  function label(key) { return window.KSE_LABEL ? window.KSE_LABEL(key) : key; }
  var KIND = { head: "text", bibl: "source-line", note: "note" };  /* blocks without a number */
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }

  function find(text, fq) {
    var ft = fold(text), hits = [], i = ft.indexOf(fq);
    while (i >= 0) { hits.push(i); i = ft.indexOf(fq, i + fq.length); }
    return hits;
  }
  function snippet(text, hits, len) {
    var parts = [], shown = 0;
    hits.slice(0, 3).forEach(function (h) {
      var a = Math.max(0, h - 70), b = Math.min(text.length, h + len + 70);
      if (a > 0) { a = text.indexOf(" ", a) + 1 || a; }
      parts.push((a > 0 ? "… " : "") + esc(text.slice(a, h)) + "<mark>" + esc(text.slice(h, h + len)) + "</mark>" +
                 esc(text.slice(h + len, b)) + (b < text.length ? " …" : ""));
      shown++;
    });
    return parts.join("<br>");
  }

  function search(q) {
    var fq = fold(q.trim().replace(/\s+/g, " ")), out = [];
    if (fq.length < 2) { return null; }
    (window.KSE_SEARCH || []).forEach(function (doc) {
      var hits = find(doc.r, fq), field = "r";
      if (!hits.length) { hits = find(doc.d, fq); field = "d"; }
      if (hits.length) { out.push({ doc: doc, hits: hits, field: field, len: fq.length }); }
    });
    return out;
  }

  function render(q, box) {
    var res = search(q);
    if (res === null) { box.innerHTML = ""; return; }
    if (!res.length) { box.innerHTML = '<p class="result-count">' + esc(label("no-results")) + "</p>"; return; }
    var total = res.reduce(function (s, r) { return s + r.hits.length; }, 0);
    var html = '<p class="result-count">' + esc(label("results")) + ": " + res.length + " (" + total + ")</p><ol class=\"results\">";
    res.forEach(function (r) {
      var d = r.doc, text = r.field === "r" ? d.r : d.d;
      var href = "text.html?q=" + encodeURIComponent(q) + (r.field === "d" ? "&view=diplomatic" : "") + "#" + encodeURIComponent(d.id);
      html += '<li><a class="rn" href="' + esc(href) + '">' + (d.n ? esc(label("paragraph")) + " " + esc(d.n) : esc(KIND[d.k] ? label(KIND[d.k]) : d.k)) + "</a>" +
              (r.field === "d" ? '<span class="witness-hit">' + esc(label("witness")) + "</span>" : "") +
              '<span class="snippet">' + snippet(text, r.hits, r.len) + "</span></li>";
    });
    box.innerHTML = html + "</ol>";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("q"), box = document.getElementById("search-results");
    if (!input || !box) { return; }
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    render(q, box);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { render(input.value, box); }, 120);
    });
    input.form.addEventListener("submit", function (e) { e.preventDefault(); render(input.value, box); });
  });
})();
