// Switchboard's own script: small behaviours the CSP allows (no inline code).
(function () {
  "use strict";
  // Move focus to the first field with an error, so keyboard and screen-reader
  // users land where the problem is.
  function focusFirstError(root) {
    var el = (root || document).querySelector("[aria-invalid='true']");
    if (el && typeof el.focus === "function") { el.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusFirstError(document); });
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.target.querySelector && e.target.querySelector("[aria-invalid='true']")) { focusFirstError(e.target); return; }
    // A wizard step swapped in: move focus to its heading, as a new page would.
    var h = e.target.querySelector && e.target.querySelector("[data-step-heading]");
    if (h) { h.focus(); window.scrollTo(0, 0); }
  });

  // An htmx request that failed shows its error in the flash area at the top
  // of the page: bring it into view when the person has scrolled away from it.
  document.addEventListener("htmx:afterSwap", function (e) {
    var t = document.getElementById("flash");
    var swapped = (e.detail && e.detail.target) || e.target;
    if (!t || !swapped || !t.contains(swapped) || !t.querySelector(".sb-flash-error")) { return; }
    var r = t.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) { t.scrollIntoView({ block: "start" }); }
  });

  // Enter in a search box inside a bigger form presses the search's own
  // button (data-enter-clicks="#id") instead of the form's first button.
  document.addEventListener("keydown", function (e) {
    var sel = e.key === "Enter" && e.target.getAttribute && e.target.getAttribute("data-enter-clicks");
    if (!sel) { return; }
    var b = document.querySelector(sel);
    if (b) { e.preventDefault(); b.click(); }
  });

  // A "Use" button beside a list item fills its field (data-fill="id",
  // data-fill-value) without a round trip; without JavaScript it posts.
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-fill]");
    if (!b) { return; }
    var field = document.getElementById(b.getAttribute("data-fill"));
    if (!field) { return; }
    e.preventDefault();
    field.value = b.getAttribute("data-fill-value");
    field.focus();
  });

  // A copy button (data-copy="id") copies that element's text to the
  // clipboard and says so in its status (data-copied="id"). It is hidden
  // until this script shows it, so it is never a button that does nothing.
  document.querySelectorAll("[data-copy]").forEach(function (b) {
    if (navigator.clipboard) { b.hidden = false; }
  });
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-copy]");
    if (!b) { return; }
    var src = document.getElementById(b.getAttribute("data-copy"));
    var out = document.getElementById(b.getAttribute("data-copied"));
    if (!src || !navigator.clipboard) { return; }
    navigator.clipboard.writeText(src.textContent.trim()).then(function () {
      if (out) { out.textContent = "Copied."; }
    }, function () {
      if (out) { out.textContent = "Could not copy: select the token and copy it by hand."; }
    });
  });

  // Confirm dangerous actions: forms and buttons carry data-confirm="…".
  // A chosen option with data-confirm asks too (making a user an administrator).
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (!msg && e.target.querySelectorAll) {
      e.target.querySelectorAll("select").forEach(function (s) {
        var o = s.options[s.selectedIndex];
        if (!msg && o && o.getAttribute("data-confirm")) { msg = o.getAttribute("data-confirm"); }
      });
    }
    if (msg && !window.confirm(msg)) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);

  // Disable a form's submit buttons while it is sent, so a double click sends once.
  document.addEventListener("submit", function (e) {
    if (e.defaultPrevented) { return; }
    var form = e.target;
    setTimeout(function () {
      form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (b) {
        b.setAttribute("aria-busy", "true");
        b.disabled = true;
      });
    }, 0);
  });
  // Re-enable when the page comes back from the back-forward cache.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("button[aria-busy=true]").forEach(function (b) {
      b.disabled = false; b.removeAttribute("aria-busy");
    });
  });
  // htmx requests re-enable their buttons when they finish.
  document.addEventListener("htmx:afterRequest", function (e) {
    var f = e.target.closest && e.target.closest("form");
    if (!f) { return; }
    f.querySelectorAll("button[aria-busy=true]").forEach(function (b) {
      b.disabled = false; b.removeAttribute("aria-busy");
    });
  });

  // The reconnect port board: say whether its event stream is connected,
  // and keep the ages and the overdue flags current between updates.
  function liveStatus(board, state, text) {
    var el = document.querySelector("[data-live-status]");
    if (el) { el.setAttribute("data-state", state); el.textContent = text; }
  }
  document.addEventListener("htmx:sseOpen", function (e) {
    if (e.target.closest && e.target.closest("[data-live-board]")) { liveStatus(e.target, "live", "Live"); }
  });
  document.addEventListener("htmx:sseError", function (e) {
    if (e.target.closest && e.target.closest("[data-live-board]")) { liveStatus(e.target, "down", "Reconnecting…"); }
  });
  function ago(ms) {
    var m = Math.floor(ms / 60000);
    if (m < 1) { return "just now"; }
    if (m < 60) { return m + " min ago"; }
    if (m < 2880) { return Math.floor(m / 60) + " h " + (m % 60) + " min ago"; }
    return Math.floor(m / 1440) + " days ago";
  }
  function refreshAges(root) {
    var now = Date.now();
    (root || document).querySelectorAll("time[data-age]").forEach(function (t) {
      var at = Date.parse(t.getAttribute("datetime"));
      if (!isNaN(at)) { t.textContent = ago(now - at); }
    });
    (root || document).querySelectorAll("[data-overdue-at]").forEach(function (b) {
      var at = Date.parse(b.getAttribute("data-overdue-at"));
      var overdue = !isNaN(at) && now > at;
      b.hidden = !overdue;
      var card = b.closest(".sb-port");
      if (card) { card.classList.toggle("sb-port-overdue", overdue); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!document.querySelector("[data-live-board]")) { return; }
    refreshAges(document);
    setInterval(function () { refreshAges(document); }, 30000);
  });
  document.addEventListener("htmx:oobAfterSwap", function (e) { refreshAges(e.target && e.target.parentNode || document); });
  document.addEventListener("htmx:afterSwap", function (e) { if (e.target.closest && e.target.closest("[data-live-board]")) { refreshAges(e.target); } });

  // Nothing typed is lost: a form marked data-warn-unsaved that has been
  // typed in asks before the page is left (a link, a reload, closing the
  // tab, or an htmx request from outside the form). Sending the form
  // itself (Next, Back, a search inside it) keeps what was typed.
  var unsaved = null;
  function isUnsaved() { return unsaved && document.contains(unsaved); }
  function markTyped(e) {
    var f = e.target.closest && e.target.closest("form[data-warn-unsaved]");
    if (f) { unsaved = f; }
  }
  document.addEventListener("input", markTyped);
  document.addEventListener("change", markTyped);
  document.addEventListener("submit", function (e) {
    if (!e.defaultPrevented && e.target === unsaved) { unsaved = null; }
  });
  window.addEventListener("beforeunload", function (e) {
    if (!isUnsaved()) { return; }
    e.preventDefault();
    e.returnValue = "";
  });
  document.addEventListener("htmx:beforeRequest", function (e) {
    if (!isUnsaved()) { return; }
    var elt = e.detail && e.detail.elt;
    if (elt && unsaved.contains(elt)) {
      if (elt === unsaved) { unsaved = null; }
      return;
    }
    if (!window.confirm("You have typed in this step and not saved it. Leave it and lose what you typed?")) {
      e.preventDefault();
      return;
    }
    unsaved = null;
  });
})();
