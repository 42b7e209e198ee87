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
  document.addEventListener("htmx:afterSwap", function (e) { focusFirstError(e.target); });

  // Confirm dangerous actions: forms and buttons carry data-confirm="…".
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
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
})();
