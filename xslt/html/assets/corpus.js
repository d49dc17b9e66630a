/* corpus.js — the collection page of a corpus (html_corpus.xsl): sort the table by a column, filter its rows.

   The table works without it (in the order of the edition). Each row carries its sort keys in data-doc-*
   attributes, made by the stylesheet with the common layer's rules (Kazakh alphabetical order of titles and
   authors, the ISO value of the date, the number of words); the filter compares folded text (search.js's
   folding when loaded, else lower case), so "казак" keeps the rows with "Қазақ". */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("collection");
    if (!table) { return; }
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var fold = function (s) { return (window.KSE_FOLD || function (x) { return x.toLowerCase(); })(s); };
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var key = "data-" + th.getAttribute("data-sort"), up = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[data-sort]").forEach(function (o) { o.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var numeric = key === "data-doc-size";
        rows.sort(function (a, b) {
          var x = a.getAttribute(key) || "", y = b.getAttribute(key) || "";
          var c = numeric ? (+x) - (+y) : (x < y ? -1 : x > y ? 1 : 0);
          return up ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    var input = document.getElementById("collection-filter"), shown = document.querySelector(".collection-shown");
    if (!input) { return; }
    var texts = null;
    (window.KSE_FOLD_LOAD ? window.KSE_FOLD_LOAD() : Promise.resolve()).then(function () {
      texts = rows.map(function (r) { return fold(r.textContent.replace(/\s+/g, " ")); });
    });
    input.addEventListener("input", function () {
      if (!texts) { return; }
      var words = fold(input.value.trim()).split(/\s+/).filter(Boolean), n = 0;
      rows.forEach(function (r, i) {
        var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) { n++; }
      });
      if (shown) {
        shown.hidden = !words.length;
        shown.querySelector(".n").textContent = n;
      }
    });
  });
})();
