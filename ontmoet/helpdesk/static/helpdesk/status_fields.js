// A status form shows only the fields the chosen status needs, and marks them required.
// Each group is a wrapper with data-for-status="<status>"; without this script every group is shown
// under a legend that says when it is needed, and the server checks the same (workflows.STATUS_FIELDS).
(function () {
  "use strict";

  function update(form) {
    const checked = form.querySelector('input[name="to_status"]:checked');
    const chosen = checked ? checked.value : "";
    form.querySelectorAll("[data-for-status]").forEach((group) => {
      const needed = group.dataset.forStatus === chosen;
      group.hidden = !needed;
      group.querySelectorAll("input, textarea, select").forEach((input) => {
        input.required = needed;
        input.setAttribute("aria-required", needed ? "true" : "false");
      });
    });
  }

  function start() {
    document.querySelectorAll("form[data-status-form]").forEach((form) => {
      update(form);
      form.addEventListener("change", (event) => {
        if (event.target.name === "to_status") update(form);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
