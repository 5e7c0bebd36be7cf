// Progressive enhancement of a request's decision form: the accept button's amount follows the ticked
// dates. The server renders the same label first; without this script it is right on every page load.
(function () {
  "use strict";
  function start() {
    var data = document.getElementById("rooms-prices");
    var actions = document.querySelector(".rooms-accept");
    if (!data || !actions) { return; }
    var prices = JSON.parse(data.textContent);
    var button = actions.querySelector("button");
    var form = button.form;
    var money = new Intl.NumberFormat(document.documentElement.lang === "en" ? "en-GB" : "nl-NL",
      { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    function update() {
      var skipped = {};
      form.querySelectorAll("input[name=skip]:checked").forEach(function (box) { skipped[box.value] = true; });
      var cents = 0, count = 0;
      Object.keys(prices).forEach(function (pk) {
        if (!skipped[pk]) { cents += Math.round(parseFloat(prices[pk]) * 100); count += 1; }
      });
      var words = count === 1 ? actions.dataset.one : actions.dataset.many;
      button.textContent = actions.dataset.verb + ": " + count + " " + words + ", € " + money.format(cents / 100);
    }
    form.addEventListener("change", function (event) {
      if (event.target.name === "skip") { update(); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
