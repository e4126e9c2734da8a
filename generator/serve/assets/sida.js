// underlag serve: tabs, growing lists, and the live preview. The page
// works without it (both panels show, lists keep their items); with it,
// the preview and the problems follow every save from any editor.
(function () {
  "use strict";

  // Tabs, as the WAI-ARIA tabs pattern: arrow keys move between them.
  var tabs = Array.prototype.slice.call(document.querySelectorAll("[role=tab]"));
  function select(tab) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
    });
  }
  tabs.forEach(function (t, i) {
    t.addEventListener("click", function () { select(t); });
    t.addEventListener("keydown", function (e) {
      var d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (d) {
        var next = tabs[(i + d + tabs.length) % tabs.length];
        select(next);
        next.focus();
        e.preventDefault();
      }
    });
  });
  if (tabs.length) select(tabs[0]);

  // Lists: add an item from the list's template with a fresh index;
  // remove one. The server keeps the items in the order listed.
  var fresh = 0;
  document.addEventListener("click", function (e) {
    var add = e.target.closest("[data-lagg-till]");
    if (add) {
      var list = add.closest("[data-lista]");
      var tpl = list.querySelector(":scope > template");
      var idx = "n" + Date.now().toString(36) + (fresh++);
      var html = tpl.innerHTML.split("__ny__").join(idx);
      var ol = list.querySelector(":scope > ol.poster");
      ol.insertAdjacentHTML("beforeend", html);
      var item = ol.lastElementChild;
      var first = item.querySelector("input:not([type=hidden]), textarea, select");
      if (first) first.focus();
      return;
    }
    var del = e.target.closest("[data-ta-bort]");
    if (del) {
      var li = del.closest("li.post");
      var fs = li.closest("[data-lista]");
      li.remove();
      var focus = fs.querySelector("[data-lagg-till]");
      if (focus) focus.focus();
    }
  });

  // The live preview: on every change in the tree, reload the preview and
  // the problems, keeping the preview's scroll position.
  var page = document.querySelector("[data-fil]");
  if (!page || !window.EventSource) return;
  var file = page.getAttribute("data-fil");
  var frame = document.getElementById("forhandsvisning");
  function refresh() {
    if (frame) {
      var y = 0;
      try { y = frame.contentWindow.scrollY; } catch (err) { y = 0; }
      frame.addEventListener("load", function once() {
        frame.removeEventListener("load", once);
        try { frame.contentWindow.scrollTo(0, y); } catch (err) { /* another origin */ }
      });
      frame.src = "/forhandsvisning/" + encodeURI(file) + "?t=" + Date.now();
    }
    fetch("/fel/" + encodeURI(file), { cache: "no-store" }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (!html) return;
      var old = document.getElementById("problem");
      var tmp = document.createElement("div");
      tmp.innerHTML = html;
      old.replaceWith(tmp.firstElementChild);
    });
  }
  // On connecting (and reconnecting) the server says the tree's state: a
  // page older than it missed a change and reloads its parts. The page is
  // then live (data-live, which tests wait for).
  var shown = page.getAttribute("data-lage");
  var events = new EventSource("/handelser");
  events.addEventListener("lage", function (e) {
    if (e.data !== shown) refresh();
    shown = e.data;
    page.setAttribute("data-live", "ja");
  });
  events.addEventListener("andrat", refresh);
})();
