// The home page's small helpers: copy the public link, print the poster.
// Buttons are hidden until this runs, so nothing is offered without it.
(function () {
  if (window.carnetHome) return;
  window.carnetHome = true;
  function show() {
    document.querySelectorAll("[data-copy], [data-print]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", show);
  document.addEventListener("htmx:afterSettle", show);
  show();
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-copy]");
    if (b) {
      var input = document.querySelector(b.getAttribute("data-copy"));
      input.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value).catch(function () { document.execCommand("copy"); });
      } else {
        document.execCommand("copy");
      }
      b.textContent = b.getAttribute("data-copied");
      return;
    }
    if (e.target.closest("[data-print]")) window.print();
  });
})();
