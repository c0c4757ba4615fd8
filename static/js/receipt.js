// A receipt whose print was just recorded opens the print dialog: the
// print is counted by the server before the paper comes out.
(function () {
  function print() {
    if (document.querySelector("[data-autoprint]")) window.print();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", print);
  } else {
    print();
  }
})();
