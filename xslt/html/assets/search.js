/* search.js — client-side search over the split index of the site (search/, made by
   tools/targets/search_index.py, whose comment describes the files and the keys).

   WHAT IS SEARCHED: the records of the index — the text's blocks (reading and witness text), the notes
   (commentary and editorial, every language), the apparatus entries (the witnesses' readings) and the
   register entries (every name form, description). A query is cut into words and each word folded to its
   KEY as the text was (key(): the rules come with search/meta.js; a Latin query meets the Cyrillic text:
   "Seifullin" and "Seyfullin" have the key of "Сейфуллин"). For each word only its shard is loaded
   (search/s/…js, by its first two or three letters); a record matches a word when one of its terms begins
   with it; when no term does, typo tolerance: for a word of four letters or more, the terms whose
   beginning is one edit away from it (two from eight letters). Every word must match (AND). A quoted
   phrase ("…", «…», “…”) must match its words in sequence: its candidates' texts are loaded and checked.
   RESULTS are grouped by kind (text, note, person, place, organisation, apparatus; a record's kind is known
   from its place in its document, meta.js "bounds", without loading it), with facets (counts per kind, and
   per document in a corpus) that filter; the text of the results shown is loaded from search/t/, ten more
   on demand. Everything is loaded with <script> elements, so the search works from file:// too, and every
   text from the index reaches the page through textContent. search.html?q=… shows its results on load. */
(function () {
  "use strict";
  var META = null, SHARDS = {}, TEXTS = {}, pending = {};
  var base = (function () {  /* the site's root, from this script's own address (assets/search.js) */
    var s = document.currentScript && document.currentScript.getAttribute("src");
    return s ? s.replace(/assets\/search\.js(\?.*)?$/, "") : "";
  })();

  /* the key of one word (search_index.key: the same steps, the same data) */
  var KEYS = {};
  function key(word) {
    if (!META) { return word.toLowerCase(); }
    if (KEYS[word] !== undefined) { return KEYS[word]; }
    var r = META.fold, w = word, out = "", i, c;
    if (/[\u0400-\u04ff]/.test(w)) {
      var h = "";
      for (i = 0; i < w.length; i++) { c = w[i]; h += r.homoglyphs[c] || c; }
      w = h;
    }
    var hasLetters = Object.keys(r.letters).length > 0;
    for (i = 0; i < w.length; i++) {
      c = w[i];
      if (c === "\u0130") { c = "i"; } else { var l = c.toLowerCase(); if (l.length === 1) { c = l; } }
      if (hasLetters) { out += (r.letters[c] !== undefined ? r.letters[c] : c); } else { out += (r.fold[c] || c); }
    }
    out = out.normalize("NFD").replace(/\p{M}/gu, "");
    var t = "";
    for (i = 0; i < out.length; i++) { t += (r.singles[out[i]] !== undefined ? r.singles[out[i]] : out[i]); }
    var multi = Object.keys(r.multi), longest = 0;
    multi.forEach(function (m) { longest = Math.max(longest, m.length); });
    if (longest) {
      var res = "";
      i = 0;
      while (i < t.length) {
        var done = false;
        for (var n = longest; n > 1; n--) {
          var part = t.substr(i, n);
          if (part.length === n && r.multi[part] !== undefined) { res += r.multi[part]; i += n; done = true; break; }
        }
        if (!done) { res += t[i]; i++; }
      }
      t = res;
    }
    KEYS[word] = t;
    return t;
  }
  var WORD = /[\p{L}\p{N}]+/gu;
  function wordsOf(text) { return text.normalize("NFC").match(WORD) || []; }
  function keysOf(text) { return wordsOf(text).map(key).filter(function (k) { return k.length >= 2; }); }
  /* the keys of a text, joined by spaces (the collection's filter compares these, corpus.js) */
  function fold(s) { return " " + wordsOf(s).map(key).join(" ") + " "; }
  window.KSE_FOLD = fold;
  window.KSE_KEY = key;

  function label(key) { return window.KSE_LABEL ? window.KSE_LABEL(key) : key; }
  var KIND = { head: "text", bibl: "source-line", note: "note" };  /* blocks without a number */
  var KINDS = ["text", "note", "person", "place", "org", "app"];  /* the order of the groups */
  var KIND_LABEL = { text: "search-kind-text", note: "search-kind-note", person: "search-kind-person",
                     place: "search-kind-place", org: "search-kind-org", app: "search-kind-app" };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

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
  var TITLES = {};
  window.KSE_SEARCH_TITLES = function (g, titles) { titles.forEach(function (t, i) { TITLES[g * META.titles + i] = t; }); };
  window.KSE_SEARCH_TEXT = function (chunk) {
    var s = document.currentScript;
    if (s) { TEXTS[s.dataset.doc + "/" + s.dataset.k] = chunk; }
  };
  function keyFile(key) {
    var out = [];
    for (var i = 0; i < key.length; i++) { out.push(key.charCodeAt(i).toString(16)); }
    return "search/s/" + out.join("-") + ".js";
  }
  /* the shards a word's terms are in: its key of two letters, or of one more while that one was split;
     a word no longer than a split key needs every shard under it */
  function shardKeys(word) {
    var k = word.slice(0, 2);
    while (META.split[k]) {
      if (word.length <= k.length) { return under(k); }
      k = word.slice(0, k.length + 1);
    }
    return [k];
  }
  function under(k) {
    var out = [];
    META.split[k].forEach(function (s) { if (s !== k && META.split[s]) { out = out.concat(under(s)); } else { out.push(s); } });
    return out;
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

  /* the query: its quoted phrases (each a list of keys) and all its keys */
  function parse(q) {
    /* a quoted phrase, and words joined by hyphens (Alma-Ata: the name, not its parts anywhere) */
    var phrases = [], rest = q.replace(/"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]|([\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+)/gu, function (all, a, b, c, d, e) {
      var ks = keysOf(a || b || c || d || e || "");
      if (ks.length > 1) { phrases.push(ks); } else if (ks.length) { return " " + ks[0] + " "; }
      return " ";
    });
    var ws = keysOf(rest);
    phrases.forEach(function (p) { p.forEach(function (k) { ws.push(k); }); });
    var seen = {};
    ws = ws.filter(function (w) { if (seen[w]) { return false; } seen[w] = true; return true; });
    var whole = [];  /* a phrase's words before its last are whole words (the last may be a beginning) */
    phrases.forEach(function (p) { p.slice(0, -1).forEach(function (k) { if (p[p.length - 1] !== k) { whole.push(k); } }); });
    return { words: ws, phrases: phrases, whole: whole,
             exact: phrases.length ? phrases.reduce(function (a, p) { return a.concat(p); }, []) : [] };
  }

  /* a record's kind, from its place in its document (meta.js "bounds") */
  function kindOf(doc, block) {
    var b = META.bounds[doc] || [1e9, 1e9];
    if (doc === META.docs) { return block < b[0] ? "person" : block < b[1] ? "place" : "org"; }
    return block < b[0] ? "text" : block < b[1] ? "note" : "app";
  }

  function find(query) {
    var ws = query.words;
    if (!ws.length) { return Promise.resolve(null); }
    var keys = {};
    ws.forEach(function (w) { shardKeys(w).forEach(function (k) { keys[k] = true; }); });
    return Promise.all(Object.keys(keys).map(function (k) { return load(keyFile(k)); })).then(function () {
      var hits = null;  /* "doc:block" -> {doc, block, score, witness, terms} */
      ws.forEach(function (w) {
        var mine = {}, found = [], inPhrase = query.exact.indexOf(w) >= 0, whole = query.whole.indexOf(w) >= 0;
        shardKeys(w).forEach(function (k) {
          var shard = SHARDS[k] || {};
          Object.keys(shard).forEach(function (term) {
            var m = whole ? (term === w ? 2 : 0) : matchOf(w, term);
            if (m && !(inPhrase && m < 2)) { found.push([term, m, shard[term]]); }
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
      var list = Object.keys(hits).map(function (id) { var h = hits[id]; h.kind = kindOf(h.doc, h.block); return h; });
      list.sort(function (a, b) { return b.score - a.score || a.doc - b.doc || a.block - b.block; });
      if (!query.phrases.length) { return list; }
      return checkPhrases(list, query.phrases);
    });
  }

  /* keep the candidates whose text has each phrase's keys in sequence (the last one as a beginning) */
  var PHRASE_CHUNKS = 20;  /* at most this many text files are loaded to check a phrase */
  function checkPhrases(list, phrases) {
    var chunks = {}, checked = [];
    list.forEach(function (h) {
      var c = h.doc + "/" + chunkOf(h);
      if (chunks[c] || Object.keys(chunks).length < PHRASE_CHUNKS) { chunks[c] = true; checked.push(h); }
    });
    return loadTexts(checked).then(function () {
      var out = checked.filter(function (h) {
        var b = record(h);
        if (!b) { return false; }
        return [b[3], b[4]].some(function (text) {
          if (!text) { return false; }
          var ks = wordsOf(text).map(key);
          return phrases.every(function (p) {
            for (var i = 0; i + p.length <= ks.length; i++) {
              var ok = true;
              for (var j = 0; j < p.length && ok; j++) {
                ok = j === p.length - 1 ? ks[i + j].lastIndexOf(p[j], 0) === 0 : ks[i + j] === p[j];
              }
              if (ok) { return true; }
            }
            return false;
          });
        });
      });
      out.truncated = checked.length < list.length;
      return out;
    });
  }

  /* ---------- showing ---------- */
  function chunkOf(h) { return Math.floor(h.block / META.chunk); }
  function loadTexts(hits) {
    var seen = {};
    return Promise.all(hits.filter(function (h) {
      var c = h.doc + "-" + chunkOf(h);
      if (seen[c]) { return false; }
      seen[c] = true;
      return true;
    }).map(function (h) {
      return load("search/t/" + h.doc + "-" + chunkOf(h) + ".js", { doc: h.doc, k: chunkOf(h) });
    }));
  }
  function record(h) {
    var chunk = TEXTS[h.doc + "/" + chunkOf(h)];
    return chunk ? chunk.blocks[h.block % META.chunk] : null;  /* [id, n, kind, reading, witness, page] */
  }
  /* the snippet: up to three passages around the words whose key is one of the matched terms, built as
     nodes (text and <mark>), never as markup */
  function snippet(text, terms, query) {
    var span = el("span", "snippet"), re = /[\p{L}\p{N}]+/gu, m, found = [], marks = [];
    text = text.normalize("NFC");
    while ((m = re.exec(text)) !== null) { found.push([m.index, m.index + m[0].length, key(m[0])]); }
    var phrases = query ? query.phrases : [], loose = query ? query.words.filter(function (w) { return query.exact.indexOf(w) < 0; }) : [];
    var on = found.map(function (f) {
      /* with a phrase: its words where they stand in sequence, and the other words of the query */
      if (!phrases.length) { return !!terms[f[2]]; }
      return !!terms[f[2]] && loose.some(function (w) { return f[2].lastIndexOf(w, 0) === 0; });
    });
    phrases.forEach(function (p) {
      for (var i = 0; i + p.length <= found.length; i++) {
        var ok = true;
        for (var j = 0; j < p.length && ok; j++) {
          ok = j === p.length - 1 ? found[i + j][2].lastIndexOf(p[j], 0) === 0 : found[i + j][2] === p[j];
        }
        if (ok) { for (j = 0; j < p.length; j++) { on[i + j] = true; } }
      }
    });
    found.forEach(function (f, i) { if (on[i]) { marks.push([f[0], f[1]]); } });
    if (!marks.length) { span.textContent = text.length > 240 ? text.slice(0, 240) + " …" : text; return span; }
    var lastEnd = -1;
    marks.slice(0, 3).forEach(function (mk, i) {
      var a = Math.max(0, mk[0] - 80), b = Math.min(text.length, mk[1] + 80);
      if (a < lastEnd) { return; }
      if (a > 0) { a = text.indexOf(" ", a) + 1 || a; }
      if (i > 0) { span.appendChild(el("br")); }
      if (a > 0) { span.appendChild(document.createTextNode("… ")); }
      var at = a;
      marks.filter(function (x) { return x[0] >= a && x[1] <= b; }).forEach(function (x) {
        span.appendChild(document.createTextNode(text.slice(at, x[0])));
        span.appendChild(el("mark", "", text.slice(x[0], x[1])));
        at = x[1];
      });
      span.appendChild(document.createTextNode(text.slice(at, b) + (b < text.length ? " …" : "")));
      lastEnd = b;
    });
    return span;
  }
  function item(h, q, query) {
    var chunk = TEXTS[h.doc + "/" + chunkOf(h)], b = record(h);
    if (!chunk || !b) { return null; }
    var text = h.witness && b[4] ? b[4] : b[3];
    var page = b[5] || ("text.html?q=" + encodeURIComponent(q) + (h.witness ? "&view=diplomatic" : "") + "#" + encodeURIComponent(b[0]));
    var li = el("li", "result kind-" + h.kind);
    if (META.docs > 1 && chunk.title) { li.appendChild(el("span", "result-doc", chunk.title)); }
    var where;
    if (h.kind === "person" || h.kind === "place" || h.kind === "org") { where = b[3].split(/ · | — /)[0]; }
    else if (h.kind === "app") { where = label("search-kind-app") + " " + b[1]; }
    else if (h.kind === "note") { where = label("search-kind-note") + (b[1] ? " " + b[1] : ""); }
    else { where = b[1] ? label("paragraph") + " " + b[1] : (KIND[b[2]] ? label(KIND[b[2]]) : b[2]); }
    var a = el("a", "rn", where);
    a.href = base + chunk.folder + page;
    li.appendChild(a);
    if (h.witness) { li.appendChild(el("span", "witness-hit", label("witness"))); }
    if (h.fuzzy) { li.appendChild(el("span", "fuzzy", label("search-fuzzy"))); }
    li.appendChild(snippet(text, h.terms, query));
    return li;
  }

  var current = 0;
  function message(box, text) { box.textContent = ""; box.appendChild(el("p", "result-count", text)); }
  /* facets: one button per kind with hits (and per document in a corpus, the eight with most hits); a
     button filters the results to its kind or document, pressed again shows all */
  function render(q, box, state) {
    var mine = ++current;
    state = state || {};
    box.removeAttribute("data-done");
    return show(q, box, state, mine).then(function () { if (mine === current) { box.setAttribute("data-done", ""); } });
  }
  function show(q, box, state, mine) {
    if (!q.trim()) { box.textContent = ""; return Promise.resolve(); }
    return meta().then(function (m) {
      if (!m) { message(box, label("no-results")); return; }
      var query = parse(q);
      if (!query.words.length) { box.textContent = ""; return; }
      return find(query).then(function (all) {
        if (mine !== current) { return; }
        if (!all || !all.length) { message(box, label("no-results")); return; }
        var counts = {}, perDoc = {};
        all.forEach(function (h) {
          counts[h.kind] = (counts[h.kind] || 0) + 1;
          if (h.doc < META.docs) { perDoc[h.doc] = (perDoc[h.doc] || 0) + 1; }
        });
        var hits = all.filter(function (h) {
          return (!state.kind || h.kind === state.kind) && (state.doc === undefined || h.doc === state.doc);
        });
        hits.sort(function (a, b) { return KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || b.score - a.score || a.doc - b.doc || a.block - b.block; });
        box.textContent = "";
        var count = el("p", "result-count", label("search-results") + ": " + all.length +
          (META.docs > 1 ? " (" + Object.keys(perDoc).length + " " + label("in-documents") + ")" : "") +
          (all.truncated ? " · " + label("search-phrase-partial") : ""));
        box.appendChild(count);
        var facets = el("div", "facets");
        facets.setAttribute("role", "group");
        facets.setAttribute("aria-label", label("search-facets"));
        function facet(text, n, pressed, onclick, cls) {
          var btn = el("button", "facet" + (cls ? " " + cls : ""));
          btn.type = "button";
          btn.appendChild(document.createTextNode(text + " "));
          btn.appendChild(el("span", "facet-n", String(n)));
          btn.setAttribute("aria-pressed", pressed ? "true" : "false");
          btn.addEventListener("click", onclick);
          facets.appendChild(btn);
          return btn;
        }
        KINDS.forEach(function (k) {
          if (!counts[k]) { return; }
          var b = facet(label(KIND_LABEL[k]), counts[k], state.kind === k, function () {
            render(q, box, { kind: state.kind === k ? undefined : k, doc: state.doc });
          }, "facet-kind");
          b.dataset.kind = k;
        });
        var docFacets = Promise.resolve();
        if (META.docs > 1) {
          var top = Object.keys(perDoc).map(Number).sort(function (a, b) { return perDoc[b] - perDoc[a] || a - b; }).slice(0, 8);
          if (state.doc !== undefined && top.indexOf(state.doc) < 0) { top.push(state.doc); }
          var groupsOf = {};
          top.forEach(function (d) { groupsOf[Math.floor(d / META.titles)] = true; });
          docFacets = Promise.all(Object.keys(groupsOf).map(function (g) { return load("search/d/" + g + ".js"); })).then(function () {
            top.forEach(function (d) {
              var t = TITLES[d], b = facet(t || String(d + 1), perDoc[d], state.doc === d, function () {
                render(q, box, { kind: state.kind, doc: state.doc === d ? undefined : d });
              }, "facet-doc");
              b.dataset.doc = d;
            });
          });
        }
        box.appendChild(facets);
        var groups = el("div", "result-groups");
        box.appendChild(groups);
        /* the first view: ten results taken in turn from each kind (every group is seen), "more" the rest */
        var byKind = {}, first = [], taken = {};
        hits.forEach(function (h) { (byKind[h.kind] = byKind[h.kind] || []).push(h); });
        for (var round = 0; first.length < 10; round++) {
          var added = false;
          KINDS.forEach(function (k) {
            if (first.length < 10 && byKind[k] && byKind[k][round]) { first.push(byKind[k][round]); added = true; }
          });
          if (!added) { break; }
        }
        first.forEach(function (h) { taken[h.doc + ":" + h.block] = true; });
        first.sort(function (a, b) { return KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind); });
        hits = first.concat(hits.filter(function (h) { return !taken[h.doc + ":" + h.block]; }));
        var shown = 0, lists = {};
        function more() {
          var next = hits.slice(shown, shown + 10);
          return loadTexts(next).then(function () {
            if (mine !== current) { return; }
            next.forEach(function (h) {
              var li = item(h, q, query);
              if (!li) { return; }
              if (!lists[h.kind]) {
                var sec = el("section", "result-group group-" + h.kind);
                sec.dataset.kind = h.kind;
                sec.appendChild(el("h2", "result-kind", label(KIND_LABEL[h.kind])));
                lists[h.kind] = el("ol", "results");
                sec.appendChild(lists[h.kind]);
                groups.appendChild(sec);
              }
              lists[h.kind].appendChild(li);
            });
            shown += next.length;
            var old = box.querySelector("button.more-results");
            if (old) { old.remove(); }
            if (shown < hits.length) {
              var btn = el("button", "more-results", label("more-results"));
              btn.type = "button";
              btn.addEventListener("click", more);
              box.appendChild(btn);
            }
          });
        }
        return Promise.all([docFacets, more()]);
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
