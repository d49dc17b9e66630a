/* edition.js — progressive enhancement of the static edition (everything but the comparison works without it).

   - Interface language: the page is written in the default language; elements carry data-l10n="key"
     (text), data-l10n-title="key" … (attributes), or data-l10n-values / data-l10n-title-values (the text
     in each language, JSON; the page's <title> too). The switch (one button per language of
     window.KSE_LANGUAGES) swaps them from window.KSE_LABELS (assets/labels.js, generated from the same JSON
     files as the pages) and remembers the choice (localStorage) across pages. Texts the TEI gives in several
     languages (data-versions: the editorial introduction) show the version of the language chosen.
   - Views and witnesses: radio buttons already switch them through CSS; this script remembers them, honours
     ?view=… and ?wit=… in the URL, and opens the apparatus view when a link targets an apparatus mark.
   - Comparison of two witnesses side by side: two copies of the text, each showing one witness (the same
     CSS rules as the switch, scoped to .compare-col[data-wit]); the places where the two differ are marked.
   - Search hits: text.html?q=… marks the words that begin with a word of the query (Kazakh-aware folding,
     see search.js, which loads the folding table first).
   - Escape hides an open apparatus tooltip (WCAG 1.4.13). */
(function () {
  "use strict";
  var root = document.documentElement;
  function load(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } }
  function store(k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* file:// without storage */ } }

  /* ---------- language ---------- */
  var LABELS = window.KSE_LABELS || {}, LANGS = window.KSE_LANGUAGES || [], DEF = window.KSE_DEFAULT_LANG || LANGS[0];
  var ATTRS = ["title", "aria-label", "placeholder"];
  function label(key, lang) {
    var chain = [lang, DEF, "en"];
    for (var i = 0; i < chain.length; i++) {
      var t = (LABELS[chain[i]] || {})[key];
      if (t !== undefined && t !== null) { return t; }
    }
    return key;
  }
  function valueIn(json, lang) {
    try { var v = JSON.parse(json); return v[lang] !== undefined ? v[lang] : v[DEF]; } catch (e) { return null; }
  }
  function setLang(lang) {
    if (LANGS.indexOf(lang) < 0) { return; }
    /* a label is in the interface language, also where it stands inside a passage in another one (the foot of
       a commentary note inside a Kazakh paragraph): its lang says so, for screen readers and hyphenation */
    document.querySelectorAll("[data-l10n]").forEach(function (el) {
      el.textContent = label(el.getAttribute("data-l10n"), lang);
      var around = el.parentElement && el.parentElement.closest("[lang]");
      if (around && around !== document.documentElement && around.getAttribute("lang") !== lang) { el.setAttribute("lang", lang); }
      else if (el.hasAttribute("lang") && el.getAttribute("lang") !== lang) { el.removeAttribute("lang"); }
    });
    document.querySelectorAll("[data-l10n-values]").forEach(function (el) {
      var t = valueIn(el.getAttribute("data-l10n-values"), lang);
      if (t !== null && t !== undefined) { el.textContent = t; }
    });
    ATTRS.forEach(function (a) {
      document.querySelectorAll("[data-l10n-" + a + "]").forEach(function (el) {
        var t = label(el.getAttribute("data-l10n-" + a), lang), n = el.getAttribute("data-l10n-n");
        el.setAttribute(a, n === null ? t : t.split("{n}").join(n));
      });
      document.querySelectorAll("[data-l10n-" + a + "-values]").forEach(function (el) {
        var t = valueIn(el.getAttribute("data-l10n-" + a + "-values"), lang);
        if (t !== null && t !== undefined) { el.setAttribute(a, t); }
      });
    });
    document.querySelectorAll("[data-lang-switch] button[data-lang]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    /* texts given in several languages (the editorial introduction): the version of this language shows */
    document.querySelectorAll("[data-versions]").forEach(function (box) {
      var have = box.getAttribute("data-versions").split(" ");
      var pick = [lang, DEF].concat(LANGS, ["en"], have).filter(function (l) { return have.indexOf(l) >= 0; })[0];
      Array.prototype.forEach.call(box.children, function (v) {
        if (v.hasAttribute("data-version")) { v.hidden = v.getAttribute("data-version") !== pick; }
      });
    });
    var dir = (window.KSE_DIRS || {})[lang] || "ltr";
    document.querySelectorAll(".site-header, .site-footer").forEach(function (el) {
      if (el.hasAttribute("dir") || root.getAttribute("dir") !== dir) { el.setAttribute("dir", dir); }
    });
    root.setAttribute("lang", lang);
    root.setAttribute("data-ui-lang", lang);
    store("kse-lang", lang);
  }
  window.KSE_UI_LANG = function () { return root.getAttribute("data-ui-lang") || DEF || "en"; };
  window.KSE_LABEL = function (key) { return label(key, window.KSE_UI_LANG()); };

  /* ---------- comparison of two witnesses ---------- */
  function differences(left, right) {
    /* an app differs when the two columns show different readings of it */
    var a = left.querySelectorAll(".app-variant"), b = right.querySelectorAll(".app-variant");
    for (var i = 0; i < a.length && i < b.length; i++) {
      var shown = function (app, wit) {
        var out = [];
        app.querySelectorAll(":scope > .rdg").forEach(function (r, k) {
          var ws = (r.getAttribute("data-w") || "").split(" ");
          if (wit ? ws.indexOf(wit) >= 0 : r.classList.contains("base")) { out.push(k); }
        });
        return out.join(",");
      };
      var differ = shown(a[i], left.getAttribute("data-wit")) !== shown(b[i], right.getAttribute("data-wit"));
      a[i].classList.toggle("differs", differ);
      b[i].classList.toggle("differs", differ);
    }
  }
  function openCompare() {
    var edition = document.querySelector(".edition"), sw = document.getElementById("witness-switch");
    if (!edition || !sw || document.getElementById("compare")) { return; }
    var wits = Array.prototype.map.call(sw.querySelectorAll("input[name=wit]"), function (r) {
      return { token: r.value, label: sw.querySelector("label[for='" + r.id + "']").textContent };
    });
    var panel = document.createElement("section");
    panel.id = "compare";
    panel.className = "compare";
    var head = document.createElement("div");
    head.className = "compare-head";
    var help = document.createElement("p");
    help.className = "hint";
    help.setAttribute("data-l10n", "compare-help");
    help.textContent = window.KSE_LABEL("compare-help");
    var close = document.createElement("button");
    close.type = "button";
    close.setAttribute("data-l10n", "close");
    close.textContent = window.KSE_LABEL("close");
    close.addEventListener("click", function () { panel.remove(); });
    var cols = document.createElement("div");
    cols.className = "compare-cols";
    var columns = [];
    [1, 2].forEach(function (k) {
      var col = document.createElement("div");
      col.className = "compare-col";
      var select = document.createElement("select");
      select.setAttribute("aria-label", window.KSE_LABEL("witness") + " " + k);
      wits.forEach(function (w) {
        var o = document.createElement("option");
        o.value = w.token; o.textContent = w.label;
        select.appendChild(o);
      });
      select.selectedIndex = Math.min(k, wits.length - 1);
      var text = edition.cloneNode(true);
      text.classList.remove("edition");
      text.classList.add("compare-text");
      text.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      text.querySelectorAll(".app-tip, .para-app, .app-mark, .fn-call, .list-app, .footnotes").forEach(function (el) { el.remove(); });
      col.setAttribute("data-wit", select.value);
      select.addEventListener("change", function () {
        col.setAttribute("data-wit", select.value);
        differences(columns[0], columns[1]);
      });
      col.appendChild(select);
      col.appendChild(text);
      cols.appendChild(col);
      columns.push(col);
    });
    head.appendChild(help);
    head.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(cols);
    edition.parentNode.insertBefore(panel, edition);
    differences(columns[0], columns[1]);
    panel.scrollIntoView();
  }
  window.KSE_COMPARE = openCompare;

  /* ---------- citations (html_cite.xsl) ---------- */
  /* The permalink: the address the page is read at, when the site was built without its public address
     (edition-url) and is served over http(s). The day of access: today, in the form of each format. */
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function citeDate(form, lang) {
    var now = new Date(), y = now.getFullYear(), m = now.getMonth() + 1, d = now.getDate();
    if (form === "dmy") { return two(d) + "." + two(m) + "." + y; }
    if (form === "ris") { return y + "/" + two(m) + "/" + two(d); }
    if (form === "csl") { return y + "," + m + "," + d; }
    if (form === "long") {
      var yearAbbr = label("year-abbr", lang);
      return (label("date-order", lang) === "ymd" ? [y, yearAbbr, d, label("month-" + m, lang)]
                                                  : [d, label("month-gen-" + m, lang), y, yearAbbr])
        .filter(function (x) { return x !== ""; }).join(" ");
    }
    return y + "-" + two(m) + "-" + two(d);
  }
  function fillCitations() {
    var served = /^https?:$/.test(window.location.protocol);
    document.querySelectorAll(".cite-url[data-rel]").forEach(function (el) {
      if (served && !/^https?:/.test(el.textContent)) {
        el.textContent = new URL(el.getAttribute("data-rel"), window.location.href).href;
      }
    });
    document.querySelectorAll(".cite-date[data-form]").forEach(function (el) {
      el.textContent = citeDate(el.getAttribute("data-form"), el.getAttribute("data-lang") || DEF);
    });
    /* a format's download gives what the page shows (filled in), not the file of the build */
    document.querySelectorAll(".cite-format").forEach(function (box) {
      var pre = box.querySelector("pre"), link = box.querySelector("a[download]");
      if (pre && link && window.Blob && window.URL && URL.createObjectURL) {
        link.href = URL.createObjectURL(new Blob([pre.textContent], { type: "text/plain;charset=utf-8" }));
      }
    });
    document.querySelectorAll("button.cite-copy[data-copy]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var pre = document.getElementById(b.getAttribute("data-copy"));
        if (!pre) { return; }
        var done = function () { b.textContent = window.KSE_LABEL("copied"); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(pre.textContent).then(done, function () {});
        } else {
          var range = document.createRange();
          range.selectNodeContents(pre);
          var sel = window.getSelection();
          sel.removeAllRanges(); sel.addRange(range);
          try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
        }
      });
    });
  }

  /* ---------- views ---------- */
  function setView(v) {
    var r = document.getElementById("view-" + v);
    if (r && !r.checked) { r.checked = true; }
  }
  /* a link to an apparatus entry (a note mark in the reading view, say) opens the apparatus view, where the
     entry is shown, and then brings the entry into view: it was hidden when the browser scrolled to it */
  function viewFromHash() {
    if (/^#app/.test(window.location.hash)) {
      setView("apparatus");
      var t = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (t) { t.scrollIntoView({ block: "center" }); }
    }
  }

  /* ---------- tooltips inside the viewport ---------- */
  /* An apparatus tooltip opens above its mark, from the mark's left edge; near the right edge of the screen
     it is moved left, near the top it opens below. (Narrow screens show it as a sheet at the foot of the
     screen, by CSS alone.) */
  function placeTip(app) {
    var tip = app.querySelector(":scope > .app-tip");
    if (!tip || tip.offsetParent === null || getComputedStyle(tip).position === "fixed") { return; }
    tip.style.setProperty("--tip-shift", "0px");
    tip.classList.remove("tip-below");
    var r = tip.getBoundingClientRect(), room = document.documentElement.clientWidth, shift = 0;
    if (r.right > room - 8) { shift = room - 8 - r.right; }
    if (r.left + shift < 8) { shift = 8 - r.left; }
    tip.style.setProperty("--tip-shift", shift + "px");
    if (r.top < 8) { tip.classList.add("tip-below"); }
  }

  /* ---------- query highlighting on text.html ---------- */
  /* the words of the text that begin with a word of the query, compared folded (search.js) */
  function highlight(q) {
    if (!window.KSE_KEY || !q) { return; }
    var key = window.KSE_KEY, WORD = /[\p{L}\p{N}]+/gu;
    var ws = (q.normalize("NFC").match(WORD) || []).map(key).filter(function (w) { return w.length >= 2; });
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
      var text = node.nodeValue.normalize("NFC"), m, spans = [];
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text)) !== null) {
        var word = key(m[0]);
        if (ws.some(function (w) { return word.lastIndexOf(w, 0) === 0; })) { spans.push([m.index, m.index + m[0].length]); }
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
    var lang = load("kse-lang") || DEF;
    if (lang !== DEF && LANGS.indexOf(lang) >= 0) { setLang(lang); } else { root.setAttribute("data-ui-lang", DEF); }
    document.querySelectorAll("[data-lang-switch] button[data-lang]").forEach(function (b) {
      b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
    });
    fillCitations();
    var cmp = document.querySelector("[data-compare]");
    if (cmp) { cmp.hidden = false; cmp.addEventListener("click", openCompare); }
    var wits = document.querySelectorAll('input[name="wit"]');
    if (wits.length) {
      var w = new URLSearchParams(window.location.search).get("wit");
      if (w === null) { w = load("kse-wit"); }
      var r = w ? document.getElementById("wit-" + w) : null;
      if (r && /^w\d+$/.test(w)) { r.checked = true; }
      wits.forEach(function (x) { x.addEventListener("change", function () { if (x.checked) { store("kse-wit", x.value); } }); });
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
    /* a remote facsimile is loaded only when asked for, beside the text */
    document.querySelectorAll("a.facs-link[data-facs]").forEach(function (a) {
      a.addEventListener("click", function (e) {
        var next = a.nextElementSibling;
        e.preventDefault();
        if (next && next.classList.contains("facs")) { next.remove(); return; }
        var img = document.createElement("img");
        img.className = "facs";
        img.alt = a.textContent;
        img.src = a.getAttribute("data-facs");
        a.parentNode.insertBefore(img, a.nextSibling);
      });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { document.body.classList.add("tips-off"); }
    });
    document.addEventListener("focusin", function (e) {
      document.body.classList.remove("tips-off");
      var app = e.target.closest && e.target.closest(".app");
      if (app) { placeTip(app); }
    });
    document.addEventListener("mouseover", function (e) {
      var app = e.target.closest && e.target.closest(".app");
      if (app) { document.body.classList.remove("tips-off"); placeTip(app); }
    });
  });
})();
