// The application form: the amount follows the planned hours as they are typed (hours × the round's rate).
// Without this script the amount is computed when the draft is saved; the server computes it either way.
(function () {
  "use strict";

  function start() {
    const box = document.querySelector("[data-amount]");
    if (!box) return;
    const form = document.querySelector("form[data-amount-form]");
    const output = box.querySelector("output");
    const rate = Number(box.dataset.rate), min = Number(box.dataset.min), max = Number(box.dataset.max);
    const lang = document.documentElement.lang || "nl";
    const money = new Intl.NumberFormat(lang, {minimumFractionDigits: 2, maximumFractionDigits: 2});
    const whole = new Intl.NumberFormat(lang, {maximumFractionDigits: 0});

    function update() {
      let hours = 0;
      form.querySelectorAll("input[data-planned-hours]").forEach((input) => {
        const value = parseInt(input.value, 10);
        if (value > 0) hours += value;
      });
      const amount = hours * rate;
      let text = box.dataset.text.replace("{hours}", whole.format(hours)).replace("{amount}", money.format(amount));
      if (hours > 0 && (amount < min || amount > max)) text += " " + box.dataset.outOfRange;
      output.textContent = text;
    }

    box.hidden = false;
    form.addEventListener("input", (event) => {
      if (event.target.matches("input[data-planned-hours]")) update();
    });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
