/* The day steps of a year of change, under the Year slider: 1 January, each day a change of
 * control takes effect, and 31 December (the bare year). Choosing one shows that day at once
 * (AtlasPage.choose); the binding keeps it (the app tells Python, the pack its address). A
 * day between two steps (from a link, or `[` / `]`) is marked where it falls. The steps come
 * from the notes' table (made in Python); text is set with textContent. A classic script:
 * window.AtlasPanels.days(component).
 */
(function () {
"use strict";
function el(tag, className, text) { return window.AtlasPage.el(tag, className, text); }

function render(root, notes, year, date, readonly) {
  const steps = notes.steps[year] || [];
  root.textContent = "";
  root.dataset.year = String(year);
  root.dataset.date = date || "";
  if (!steps.length) {
    root.appendChild(el("span", "day-steps-none", year + ": no change of control within the year."));
    return;
  }
  const label = el("span", "day-steps-label", "Days of change in ");
  label.appendChild(el("span", "day-steps-year", year + ":"));
  root.appendChild(label);
  const row = el("div", "day-steps-row");
  row.setAttribute("role", "group");
  row.setAttribute("aria-label", "Days of change in " + year);
  const shown = date || steps[steps.length - 1].date; // the bare year is its last step
  let current = null;
  steps.forEach(function (step, i) {
    const next = steps[i + 1];
    const b = el("button", "day-step", step.label);
    b.type = "button";
    b.title = step.title;
    b.dataset.date = step.date;
    const on = step.date === shown;
    b.setAttribute("aria-pressed", on ? "true" : "false");
    if (on) current = b;
    b.disabled = !!readonly; // a follower's page: the teacher chooses
    b.addEventListener("click", function () {
      window.AtlasPage.choose("year", year, step.end ? null : step.date);
    });
    row.appendChild(b);
    if (next && step.date < shown && shown < next.date) { // a day between two steps
      const at = el("span", "day-step-between", window.AtlasPage.dayText(shown));
      at.dataset.date = shown;
      row.appendChild(at);
      current = at;
    }
  });
  root.appendChild(row);
  if (current) { // keep the day in sight within the row (never scroll the page)
    const r = current.getBoundingClientRect(), box = row.getBoundingClientRect();
    if (r.left < box.left || r.right > box.right) {
      row.scrollLeft += r.left - box.left - (box.width - r.width) / 2;
    }
  }
}

function daysPanel(component) {
  const readonly = !!component.data.readonly;
  window.AtlasPage.mount(component, "day-steps", component.data.notes, function (root, notes, year, date) {
    render(root, notes, year, date, readonly);
  }, "The days of change");
  const drawn = window.AtlasPage.panel(component.parentElement, "day-steps");
  drawn.querySelectorAll("button.day-step").forEach(function (b) { b.disabled = readonly; });
}

window.AtlasPanels = window.AtlasPanels || {};
window.AtlasPanels.days = daysPanel;
})();
