/**
 * The site's one script, served at `/static/site.js` and loaded with `defer`. Every page works
 * without it; it only adds conveniences:
 * - copy buttons (`<button data-copy="ID" hidden>`) are shown and copy the text of element ID;
 * - Escape hides a metric definition shown by keyboard focus (WCAG 1.4.13, dismissable).
 */
export const SITE_JS = String.raw`(() => {
  "use strict";
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy || "");
    if (!source || !navigator.clipboard) continue;
    const label = button.textContent;
    const status = button.parentElement && button.parentElement.querySelector("[data-copy-status]");
    button.hidden = false;
    button.addEventListener("click", async () => {
      let message = "Copied";
      try { await navigator.clipboard.writeText(source.textContent || ""); }
      catch { message = "Copy failed: select the text instead"; }
      button.textContent = message;
      if (status) status.textContent = message;
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
  document.addEventListener("keydown", (event) => {
    const active = document.activeElement;
    if (event.key === "Escape" && active instanceof HTMLElement && active.classList.contains("tile-label")) active.blur();
  });
})();
`;
