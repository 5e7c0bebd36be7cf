// A form marked "ontmoet-once" is sent once: a double click does not send it twice.
// The server is idempotent anyway; this only saves a pointless second request.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains("ontmoet-once")) return;
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = "1";
});
