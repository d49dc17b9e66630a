/* search.js — client-side, Kazakh-aware search over the split index of the site (search/, made by
   tools/targets/search_index.py, whose comment describes the files).

   A query is folded as the text was (the table comes with search/meta.js: Latin homoglyphs to Cyrillic,
   lower case, ә→а ғ→г қ→к ң→н ө→о ұ→у ү→у һ→х і→и ё→е; so "кун" finds "күн" and "казак" finds "Қазақ") and
   cut into words. For each word only its shard is loaded (search/s/…js, by its first two or three letters);
   a block matches a word when one of its terms begins with it; when no term does, typo tolerance: for a word
   of four letters or more, the terms whose beginning is one edit away from it (two from eight letters), a
   letter changed, added, dropped or two swapped. Every word must match (AND). Results are
   the blocks of every document, exact matches first; the text of the ten shown is loaded from search/t/,
   ten more on demand. Everything is loaded with <script> elements, so the search works from file:// too.
   Each block is searched in its reading text and in its witness text (a witness error such as "жыды" is
   found too; such a hit is marked). */
(function () {
  "use strict";
  var META = null, SHARDS = {}, TEXTS = {}, pending = {};
  var base = (function () {  /* the site's root, from this script's own address (assets/search.js) */
    var s = document.currentScript && document.currentScript.getAttribute("src");
    return s ? s.replace(/assets\/search\.js(\?.*)?$/, "") : "";
  })();

  function fold(s) {
    if (!META) { return s.toLowerCase(); }
    var homo = META.fold.homoglyphs, table = META.fold.fold, out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (homo[c]) { c = homo[c]; }
      var l = c.toLowerCase();
      if (l.length !== 1) { l = c; }
      out += table[l] || l;
    }
    return out;
  }
  window.KSE_FOLD = fold;
  function words(folded) { return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return w.length >= 2; }); }

  function label(key) { return window.KSE_LABEL ? window.KSE_LABEL(key) : key; }
  var KIND = { head: "text", bibl: "source-line", note: "note" };  /* blocks without a number */
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }

  /* ---------- loading the index's files ---------- */
  function load(path, data) {
    if (pending[path]) { return pending[path]; }
    pending[path] = new Promise(function (resolve) {
      var s = document.createElement("script");
      s.src = base + path;
      if (data) { Object.keys(data).forEach(function (k) { s.dataset[k] = data[k]; }); }
      s.onload = function () { resolve(true); };
      s.onerror = function () { resolve(false); };  /* no shard for these letters: no term begins so */
      document.head.appendChild(s);
    });
    return pending[path];
  }
  window.KSE_SEARCH_META = null;
  window.KSE_SEARCH_SHARD = function (key, terms) { SHARDS[key] = terms; };
  window.KSE_SEARCH_TEXT = function (chunk) {
    var s = document.currentScript;
    if (s) { TEXTS[s.dataset.doc + "/" + s.dataset.k] = chunk; }
  };
  function keyFile(key) {
    var out = [];
    for (var i = 0; i < key.length; i++) { out.push(key.charCodeAt(i).toString(16)); }
    return "search/s/" + out.join("-") + ".js";
  }
  function shardKeys(word) {
    var two = word.slice(0, 2), sub = META.split[two];
    if (!sub) { return [two]; }
    return word.length >= 3 ? [word.slice(0, 3)] : sub;
  }
  function meta() {
    return load("search/meta.js").then(function () { META = window.KSE_SEARCH_META; return META; });
  }

  /* ---------- matching ---------- */
  function distance(a, b, limit) {  /* Damerau-Levenshtein (optimal string alignment), cut at limit+1 */
    var n = a.length, m = b.length;
    if (Math.abs(n - m) > limit) { return limit + 1; }
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= m; j++) { prev.push(j); }
    for (i = 1; i <= n; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= m; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { v = Math.min(v, prev2[j - 2] + 1); }
        cur.push(v);
        if (v < best) { best = v; }
      }
      if (best > limit) { return limit + 1; }
      prev2 = prev; prev = cur;
    }
    return prev[m];
  }
  /* how a term of the index matches a word of the query: 2 begins with it, 1 one or two edits away, 0 not */
  function matchOf(word, term) {
    if (term.lastIndexOf(word, 0) === 0) { return 2; }
    var limit = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    if (!limit) { return 0; }
    for (var len = word.length - limit; len <= word.length + limit; len++) {
      if (len < 2 || len > term.length) { continue; }
      if (distance(word, term.slice(0, len), limit) <= limit) { return 1; }
    }
    return 0;
  }

  function find(q) {
    var ws = words(fold(q.trim()));
    if (!ws.length) { return Promise.resolve(null); }
    var keys = {};
    ws.forEach(function (w) { shardKeys(w).forEach(function (k) { keys[k] = true; }); });
    return Promise.all(Object.keys(keys).map(function (k) { return load(keyFile(k)); })).then(function () {
      var hits = null;  /* "doc:block" -> {doc, block, score, witness, terms} */
      ws.forEach(function (w) {
        var mine = {}, found = [];
        shardKeys(w).forEach(function (k) {
          var shard = SHARDS[k] || {};
          Object.keys(shard).forEach(function (term) {
            var m = matchOf(w, term);
            if (m) { found.push([term, m, shard[term]]); }
          });
        });
        /* words that begin with the query's word, if there are any; else the words a typo away */
        var exact = found.filter(function (f) { return f[1] === 2; });
        (exact.length ? exact : found).forEach(function (f) {
          var term = f[0], m = f[1];
          f[2].forEach(function (row) {
              [[row[1], "r"], [row[2], "w"]].forEach(function (part) {
                part[0].forEach(function (b) {
                  var id = row[0] + ":" + b, h = mine[id];
                  if (!h) { h = mine[id] = { doc: row[0], block: b, r: 0, w: 0, terms: {} }; }
                  h[part[1]] = Math.max(h[part[1]], m);
                  h.terms[term] = true;
                });
              });
          });
        });
        /* the best match of the word decides: in the reading text, or only in the witness's */
        Object.keys(mine).forEach(function (id) {
          var h = mine[id];
          h.score = Math.max(h.r, h.w);
          h.witness = h.w > h.r;
          h.fuzzy = h.score < 2;
        });
        if (hits === null) { hits = mine; return; }
        var both = {};
        Object.keys(mine).forEach(function (id) {
          var a = hits[id], b = mine[id];
          if (!a) { return; }
          Object.keys(b.terms).forEach(function (t) { a.terms[t] = true; });
          a.score += b.score;
          a.witness = a.witness || b.witness;
          a.fuzzy = a.fuzzy || b.fuzzy;
          both[id] = a;
        });
        hits = both;
      });
      var list = Object.keys(hits).map(function (id) { return hits[id]; });
      list.sort(function (a, b) { return b.score - a.score || a.doc - b.doc || a.block - b.block; });
      return list;
    });
  }

  /* ---------- showing ---------- */
  function chunkOf(h) { return Math.floor(h.block / META.chunk); }
  function loadTexts(hits) {
    return Promise.all(hits.map(function (h) {
      return load("search/t/" + h.doc + "-" + chunkOf(h) + ".js", { doc: h.doc, k: chunkOf(h) });
    }));
  }
  function snippet(text, terms) {
    /* mark the words whose folded form is one of the matched terms */
    var ft = fold(text), re = /[\p{L}\p{N}]+/gu, m, marks = [];
    while ((m = re.exec(ft)) !== null) {
      if (terms[m[0]]) { marks.push([m.index, m.index + m[0].length]); }
    }
    if (!marks.length) { return esc(text.length > 240 ? text.slice(0, 240) + " …" : text); }
    var parts = [];
    marks.slice(0, 3).forEach(function (mk) {
      var a = Math.max(0, mk[0] - 80), b = Math.min(text.length, mk[1] + 80);
      if (a > 0) { a = text.indexOf(" ", a) + 1 || a; }
      var inner = marks.filter(function (x) { return x[0] >= a && x[1] <= b; });
      var out = "", at = a;
      inner.forEach(function (x) { out += esc(text.slice(at, x[0])) + "<mark>" + esc(text.slice(x[0], x[1])) + "</mark>"; at = x[1]; });
      parts.push((a > 0 ? "… " : "") + out + esc(text.slice(at, b)) + (b < text.length ? " …" : ""));
    });
    return parts.join("<br>");
  }
  function item(h, q) {
    var chunk = TEXTS[h.doc + "/" + chunkOf(h)];
    if (!chunk) { return ""; }
    var b = chunk.blocks[h.block % META.chunk];  /* [id, n, kind, reading, witness] */
    if (!b) { return ""; }
    var text = h.witness && b[4] ? b[4] : b[3];
    var href = chunk.folder + "text.html?q=" + encodeURIComponent(q) + (h.witness ? "&view=diplomatic" : "") + "#" + encodeURIComponent(b[0]);
    var where = b[1] ? label("paragraph") + " " + b[1] : (KIND[b[2]] ? label(KIND[b[2]]) : b[2]);
    return '<li>' + (META.docs > 1 ? '<span class="result-doc">' + esc(chunk.title) + "</span>" : "") +
           '<a class="rn" href="' + esc(base + href) + '">' + esc(where) + "</a>" +
           (h.witness ? '<span class="witness-hit">' + esc(label("witness")) + "</span>" : "") +
           (h.fuzzy ? '<span class="fuzzy">' + esc(label("search-fuzzy")) + "</span>" : "") +
           '<span class="snippet">' + snippet(text, h.terms) + "</span></li>";
  }

  var current = 0;
  function render(q, box) {
    var mine = ++current;
    if (words(fold(q.trim())).length === 0) { box.innerHTML = ""; return Promise.resolve(); }
    return meta().then(function (m) {
      if (!m) { box.innerHTML = '<p class="result-count">' + esc(label("no-results")) + "</p>"; return; }
      return find(q).then(function (hits) {
        if (mine !== current) { return; }
        if (!hits || !hits.length) { box.innerHTML = '<p class="result-count">' + esc(label("no-results")) + "</p>"; return; }
        var docs = {};
        hits.forEach(function (h) { docs[h.doc] = true; });
        box.innerHTML = '<p class="result-count">' + esc(label("results")) + ": " + hits.length +
          (META.docs > 1 ? " (" + Object.keys(docs).length + " " + esc(label("in-documents")) + ")" : "") +
          '</p><ol class="results"></ol>';
        var list = box.querySelector("ol"), shown = 0;
        function more() {
          var next = hits.slice(shown, shown + 10);
          return loadTexts(next).then(function () {
            if (mine !== current) { return; }
            list.insertAdjacentHTML("beforeend", next.map(function (h) { return item(h, q); }).join(""));
            shown += next.length;
            var old = box.querySelector("button.more-results");
            if (old) { old.remove(); }
            if (shown < hits.length) {
              var btn = document.createElement("button");
              btn.type = "button"; btn.className = "more-results"; btn.textContent = label("more-results");
              btn.addEventListener("click", more);
              box.appendChild(btn);
            }
          });
        }
        return more();
      });
    });
  }
  window.KSE_SEARCH_RENDER = render;  /* for the tests and the benchmark */

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("q"), box = document.getElementById("search-results");
    if (!input || !box) { return; }
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    render(q, box);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { render(input.value, box); }, 200);
    });
    input.form.addEventListener("submit", function (e) { e.preventDefault(); render(input.value, box); });
  });
  /* the text page highlights the query (edition.js) with this folding: it waits for the table */
  window.KSE_FOLD_READY = /[?&]q=/.test(window.location.search) ? meta() : Promise.resolve(null);
  window.KSE_FOLD_LOAD = meta;  /* for other pages that fold (the collection's filter, corpus.js) */
})();
