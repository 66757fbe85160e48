/* Under the map: what changed in the year, and the year's events (with those off the map).
 * All years arrive once in one file; the panel follows the Year slider through the controller.
 * Text is set with textContent, so nothing from the data can become markup. A classic script:
 * window.AtlasPanels.notes(component).
 */
(function () {
"use strict";
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render(root, notes, year) {
  root.textContent = "";
  root.dataset.year = String(year);
  root.appendChild(el("h4", "year-title", "What changed in " + year));
  const changes = notes.changes[year] || [];
  if (!changes.length) root.appendChild(el("p", "year-none", "No change of control in " + year + "."));
  const list = el("ul", "year-changes");
  changes.forEach(function (line) { list.appendChild(el("li", "", line)); });
  if (changes.length) root.appendChild(list);
  const events = notes.events[year] || [];
  if (events.length) {
    root.appendChild(el("h4", "year-title", "Events of " + year));
    const ev = el("ul", "year-events");
    events.forEach(function (e) {
      const li = el("li", "event-" + e.kind);
      li.appendChild(el("span", "year-kind", notes.kinds[e.kind]));
      li.appendChild(el("b", "", e.name));
      li.appendChild(el("span", "year-when", " · " + e.when + (e.place ? " · " + e.place : "")));
      ev.appendChild(li);
    });
    root.appendChild(ev);
  }
}

function notesPanel(component) {
  const { data, parentElement } = component;
  const root = window.AtlasPage.panel(parentElement, "year-notes", data.style);
  window.AtlasPage.load(data.url, data.notes)
    .then(function (notes) {
      const show = function (year) {
        if (root.dataset.year !== String(year)) render(root, notes, year);
      };
      window.AtlasPage.follow(root, "year", show, data.year);
    })
    .catch(function (err) { root.textContent = "The year's notes could not be loaded (" + err + ")."; });
}

window.AtlasPanels = window.AtlasPanels || {};
window.AtlasPanels.notes = notesPanel;
})();
