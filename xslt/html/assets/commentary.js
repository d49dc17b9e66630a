/* commentary.js — the commentary layer of text.html, enhanced (markup: xslt/html/html_commentary.xsl).

   Everything works without it: the switch of the layer is CSS, a note opens on hover and keyboard focus, and
   a mark is a link to the note on commentary.html. This script
   - remembers the switch across pages and visits (localStorage "kse-commentary");
   - opens a note on a tap or click of its mark instead of leaving the page (hover opens it on wide screens only); a second tap, a tap elsewhere,
     the close button (phones) or Escape closes it;
   - keeps an open note inside the window: on a wide screen a note that would run below the window opens above
     its line; on a phone (a sheet at the foot of the window, CSS) the text scrolls so that the mark stays in
     sight above the sheet;
   - works the language buttons of a note (its other version), marks the version shown as pressed, and makes
     it the description of the mark (aria-describedby), in the language of the interface. */
(function () {
  "use strict";
  function load(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } }
  function store(k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* file:// without storage */ } }
  var PHONE = window.matchMedia ? window.matchMedia("(max-width: 700px)") : { matches: false };

  document.addEventListener("DOMContentLoaded", function () {
    var notes = Array.prototype.slice.call(document.querySelectorAll(".edition .cmt"));
    var sw = document.getElementById("layer-commentary");
    if (sw) {
      if (load("kse-commentary") === "off") { sw.checked = false; }
      sw.addEventListener("change", function () {
        store("kse-commentary", sw.checked ? "on" : "off");
        if (!sw.checked) { closeAll(null); }
      });
    }
    if (!notes.length) { return; }

    function closeAll(except) {
      notes.forEach(function (c) {
        if (c !== except) { c.classList.remove("open"); }
      });
    }
    function dismiss(cmt) {
      cmt.classList.remove("open");
      cmt.classList.add("dismissed");  /* until the pointer and the focus have left it */
    }

    /* the versions of a note: which one is shown, the buttons pressed accordingly, and the mark described by it */
    function pressLanguage(cmt) {
      var shown = null;
      cmt.querySelectorAll(".cmt-pop .lang-version").forEach(function (v) {
        if (shown === null && window.getComputedStyle(v).display !== "none") { shown = v; }
      });
      cmt.querySelectorAll(".cmt-lang").forEach(function (b) {
        b.setAttribute("aria-pressed", String(shown !== null && b.getAttribute("data-version") === shown.getAttribute("lang")));
      });
      if (shown && shown.id) { cmt.querySelector(".cmt-mark").setAttribute("aria-describedby", shown.id); }
    }

    function place(cmt) {
      var pop = cmt.querySelector(".cmt-pop"), mark = cmt.querySelector(".cmt-mark");
      pop.style.top = "";
      pop.classList.remove("above");
      pressLanguage(cmt);
      var m = mark.getBoundingClientRect(), r = pop.getBoundingClientRect();
      if (PHONE.matches) {
        /* the sheet covers the foot of the window: keep the mark in sight above it */
        var room = window.innerHeight - r.height - 12;
        if (m.bottom > room) { window.scrollBy(0, m.bottom - room + 8); }
        return;
      }
      if (r.height === 0 || r.bottom <= window.innerHeight) { return; }
      if (m.top - r.height - 12 > 0) {
        var box = (pop.offsetParent || document.body).getBoundingClientRect();
        pop.style.top = (m.top - box.top - r.height - 6) + "px";
        pop.classList.add("above");
      }
    }
    function placeLater(cmt) { window.requestAnimationFrame(function () { place(cmt); }); }

    notes.forEach(function (cmt) {
      var mark = cmt.querySelector(".cmt-mark");
      cmt.addEventListener("mouseenter", function () {
        document.body.classList.remove("tips-off");
        if (!cmt.classList.contains("dismissed")) { placeLater(cmt); }
      });
      cmt.addEventListener("mouseleave", function () {
        if (!cmt.contains(document.activeElement)) { cmt.classList.remove("dismissed"); }
      });
      cmt.addEventListener("focusin", function () { placeLater(cmt); });
      cmt.addEventListener("focusout", function (e) {
        if (!cmt.contains(e.relatedTarget)) { cmt.classList.remove("dismissed", "open"); }
      });
      /* on the note as a whole: when the note opened by the focus of the press covers the mark (a phone's
         sheet), the click lands on the note's common ancestor with the mark, not on the mark */
      cmt.addEventListener("click", function (e) {
        if (e.target.closest(".cmt-pop")) { return; }  /* the links and buttons of the note itself */
        e.preventDefault();
        if (cmt.classList.contains("open") && !cmt.classList.contains("dismissed")) { dismiss(cmt); return; }
        closeAll(cmt);
        cmt.classList.remove("dismissed");
        cmt.classList.add("open");
        document.body.classList.remove("tips-off");
        mark.focus();
        placeLater(cmt);
      });
      var close = cmt.querySelector(".cmt-close");
      if (close) {
        close.addEventListener("click", function () { dismiss(cmt); mark.focus(); });
      }
      cmt.querySelectorAll(".cmt-lang").forEach(function (b) {
        b.addEventListener("click", function () {
          var want = b.getAttribute("data-version");
          cmt.setAttribute("data-show", want);
          cmt.querySelectorAll(".cmt-pop .lang-version").forEach(function (v) {
            v.classList.toggle("is-shown", v.getAttribute("lang") === want);
          });
          pressLanguage(cmt);
          placeLater(cmt);
        });
      });
    });

    notes.forEach(pressLanguage);  /* the interface language may not be the page's (edition.js has set it) */

    /* a tap outside every note closes the open one; Escape too (edition.js hides the tips for it as well) */
    document.addEventListener("click", function (e) {
      if (!e.target.closest || !e.target.closest(".cmt")) { closeAll(null); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") { return; }
      notes.forEach(function (c) { if (c.classList.contains("open") || c.contains(document.activeElement)) { dismiss(c); } });
    });
    /* the language of the interface changed (edition.js sets html[lang]): notes follow it again */
    if (window.MutationObserver) {
      new MutationObserver(function () {
        notes.forEach(function (c) {
          c.removeAttribute("data-show");
          c.querySelectorAll(".is-shown").forEach(function (v) { v.classList.remove("is-shown"); });
          pressLanguage(c);
        });
      }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
    }
  });
})();
