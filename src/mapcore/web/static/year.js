/* Under the map: what changed in the year, and the year's events (with those off the map);
 * on a day of the year, what is still to come is marked.
 * All years arrive once in one file; the panel follows the Year slider through the controller.
 * Text is set with textContent, so nothing from the data can become markup. A classic script:
 * window.AtlasPanels.notes(component).
 */
(function () {
"use strict";
function el(tag, className, text) { return window.AtlasPage.el(tag, className, text); }

/* The year's changes and events; on a day, what is still to come that year is marked so (and
 * a line says which day the map shows). Dates compare as YYYY-MM-DD text. */
function render(root, notes, year, date) {
  root.textContent = "";
  root.dataset.year = String(year);
  root.dataset.date = date || "";
  root.appendChild(el("h4", "year-title", "What changed in " + year));
  const changes = notes.changes[year] || [];
  if (!changes.length) root.appendChild(el("p", "year-none", "No change of control in " + year + "."));
  const list = el("ul", "year-changes");
  let marked = !date;
  changes.forEach(function (c) {
    if (!marked && c.date > date) {
      list.appendChild(el("li", "year-today", "The map shows " + dayText(date) + "; still to come:"));
      marked = true;
    }
    list.appendChild(el("li", date && c.date > date ? "year-later" : "", c.text));
  });
  if (!marked && changes.length) list.appendChild(el("li", "year-today", "The map shows " + dayText(date) + "."));
  if (changes.length) root.appendChild(list);
  const events = notes.events[year] || [];
  if (events.length) {
    root.appendChild(el("h4", "year-title", "Events of " + year));
    const ev = el("ul", "year-events");
    events.forEach(function (e) {
      const li = el("li", "event-" + e.kind + (date && e.date > date ? " year-later" : ""));
      li.appendChild(el("span", "year-kind", notes.kinds[e.kind]));
      li.appendChild(el("b", "", e.name));
      li.appendChild(el("span", "year-when", " · " + e.when + (e.place ? " · " + e.place : "")));
      ev.appendChild(li);
    });
    root.appendChild(ev);
  }
}

function dayText(iso) { return window.AtlasPage.dayText(iso); }

function notesPanel(component) {
  window.AtlasPage.mount(component, "year-notes", component.data.notes, render, "The year's notes");
}

window.AtlasPanels = window.AtlasPanels || {};
window.AtlasPanels.notes = notesPanel;
})();
