// Timing: small enhancements for pages that also work without them. No inline script: this file is the only script.
(function () {
  "use strict";
  // Copy a value (data-full of the target, else its text) to the clipboard, and say so on the button.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) { return; }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.getAttribute("data-full") || target.textContent).then(function () {
        button.textContent = button.getAttribute("data-done") || label;
        setTimeout(function () { button.textContent = label; }, 3000);
      });
    });
  });
  // The feed-address builder: the address follows the boxes as they are ticked; its button still works without script.
  var builder = document.querySelector("form.feed-builder");
  var built = document.getElementById("built-url");
  if (builder && built) {
    builder.addEventListener("change", function () {
      var query = [];
      builder.querySelectorAll("[data-query]").forEach(function (field) {
        var part = field.getAttribute("data-query");
        if (field.type === "checkbox" ? field.checked : field.value) {
          query.push(field.type === "checkbox" ? part : part + encodeURIComponent(field.value));
        }
      });
      var suffix = query.length ? "?" + query.join("&") : "";
      built.setAttribute("data-full", built.getAttribute("data-base") + suffix);
      built.setAttribute("data-masked", built.getAttribute("data-masked-base") + suffix);
      built.textContent = built.getAttribute("data-masked");
    });
  }
  // Show or hide a masked value (data-full / data-masked of the target).
  document.querySelectorAll("button[data-reveal]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-reveal"));
    if (!target) { return; }
    button.hidden = false;
    var shown = false;
    button.addEventListener("click", function () {
      shown = !shown;
      var show = shown;
      target.textContent = target.getAttribute(show ? "data-full" : "data-masked");
      button.textContent = button.getAttribute(show ? "data-hide" : "data-show");
    });
  });
})();
