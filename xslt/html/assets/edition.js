/* edition.js — progressive enhancement of the static edition (everything works without it).

   - Interface language: elements carry data-kk / data-en (and data-kk-title …); the switch swaps them and
     remembers the choice (localStorage) across pages.
   - Views: the radio buttons already switch the views through CSS; this script remembers the view,
     honours ?view=… in the URL, and opens the apparatus view when a link targets an apparatus mark.
   - Search hits: text.html?q=… marks the words that begin with a word of the query (Kazakh-aware folding,
     see search.js, which loads the folding table first).
   - Escape hides an open apparatus tooltip (WCAG 1.4.13). */
(function () {
  "use strict";
  var root = document.documentElement;
  function load(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } }
  function store(k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* file:// without storage */ } }

  /* ---------- language ---------- */
  var ATTRS = ["title", "aria-label", "placeholder"];
  function setLang(lang) {
    document.querySelectorAll("[data-kk]").forEach(function (el) {
      var t = el.getAttribute("data-" + lang);
      if (t !== null) { el.textContent = t; }
    });
    ATTRS.forEach(function (a) {
      document.querySelectorAll("[data-kk-" + a + "]").forEach(function (el) {
        var t = el.getAttribute("data-" + lang + "-" + a);
        if (t !== null) { el.setAttribute(a, t); }
      });
    });
    root.setAttribute("lang", lang);
    root.setAttribute("data-ui-lang", lang);
    store("kse-lang", lang);
  }
  window.KSE_UI_LANG = function () { return root.getAttribute("data-ui-lang") || window.KSE_DEFAULT_LANG || "kk"; };

  /* ---------- views ---------- */
  function setView(v) {
    var r = document.getElementById("view-" + v);
    if (r && !r.checked) { r.checked = true; }
  }
  function viewFromHash() {
    if (/^#app/.test(window.location.hash)) { setView("apparatus"); }
  }

  /* ---------- query highlighting on text.html ---------- */
  /* the words of the text that begin with a word of the query, compared folded (search.js) */
  function highlight(q) {
    if (!window.KSE_FOLD || !q) { return; }
    var fold = window.KSE_FOLD, WORD = /[\p{L}\p{N}]+/gu;
    var ws = (fold(q).match(WORD) || []).filter(function (w) { return w.length >= 2; });
    if (!ws.length) { return; }
    var edition = document.querySelector(".edition");
    if (!edition) { return; }
    var walker = document.createTreeWalker(edition, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentElement.closest(".sic, .app-tip, .para-app, .pnum, .app-mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    nodes.forEach(function (node) {
      var text = node.nodeValue, ft = fold(text), m, spans = [];
      WORD.lastIndex = 0;
      while ((m = WORD.exec(ft)) !== null) {
        var word = m[0];
        if (ws.some(function (w) { return word.lastIndexOf(w, 0) === 0; })) { spans.push([m.index, m.index + word.length]); }
      }
      if (!spans.length) { return; }
      var frag = document.createDocumentFragment(), last = 0;
      spans.forEach(function (sp) {
        frag.appendChild(document.createTextNode(text.slice(last, sp[0])));
        var mk = document.createElement("mark");
        mk.className = "hit";
        mk.textContent = text.slice(sp[0], sp[1]);
        frag.appendChild(mk);
        last = sp[1];
      });
      frag.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(frag, node);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var lang = load("kse-lang") || window.KSE_DEFAULT_LANG || "kk";
    if (lang !== (window.KSE_DEFAULT_LANG || "kk")) { setLang(lang); } else { root.setAttribute("data-ui-lang", lang); }
    var sw = document.querySelector("[data-lang-switch]");
    if (sw) {
      sw.addEventListener("click", function () { setLang(window.KSE_UI_LANG() === "kk" ? "en" : "kk"); });
    }

    var params = new URLSearchParams(window.location.search);
    var radios = document.querySelectorAll('input[name="view"]');
    if (radios.length) {
      var v = params.get("view") || load("kse-view");
      if (v) { setView(v); }
      viewFromHash();
      radios.forEach(function (r) {
        r.addEventListener("change", function () { if (r.checked) { store("kse-view", r.value); } });
      });
      window.addEventListener("hashchange", viewFromHash);
      (window.KSE_FOLD_READY || Promise.resolve()).then(function () { highlight(params.get("q")); });
      if (window.location.hash) {
        var t = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
        if (t) { t.scrollIntoView(); }
      }
    }
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { document.body.classList.add("tips-off"); }
    });
    document.addEventListener("focusin", function () { document.body.classList.remove("tips-off"); });
    document.addEventListener("mouseover", function (e) {
      if (e.target.closest && e.target.closest(".app")) { document.body.classList.remove("tips-off"); }
    });
  });
})();
