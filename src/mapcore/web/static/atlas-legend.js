/* The map's legend: only what the frame shows, collapsible, laid out to leave the subject free.
 *
 * `render` fills the legend's box with the powers, statuses and event kinds that are visible
 * in the frame now (the map says which); `layouts` measures the legend as a row (sections side
 * by side, for the bottom edge) and as a column (for the left edge), so the map can choose the
 * one that costs its subject the least room. A Leaflet plugin: L.Atlas.Legend.
 */
(function () {
  "use strict";

  function section(title, rows) {
    if (!rows.length) return "";
    return "<div class='atlas-legend-section'><div class='atlas-legend-title'>" + title +
      "</div>" + rows.join("") + "</div>";
  }

  function swatchSvg(fill) {
    return "<svg class='atlas-swatch' width='26' height='16' aria-hidden='true'><rect x='0.5' " +
      "y='0.5' width='25' height='15' fill='" + fill + "' stroke='#222'/></svg>";
  }

  /* shown: {powers: [{colour, name}], statuses: [id], events: [kind]}, all visible now;
   * `vocab` the vocabulary (labels escaped in Python). */
  function html(shown, vocab) {
    const powers = shown.powers.map(function (p) {
      return "<div class='atlas-legend-row'><span class='atlas-swatch' style='background:" +
        p.colour + "'></span><span>" + p.name + "</span></div>";
    });
    const statuses = shown.statuses.map(function (s) {
      return "<div class='atlas-legend-row'>" + swatchSvg(L.Atlas.Style.swatch(s, vocab.statuses[s])) +
        "<span>" + vocab.statuses[s].label + "</span></div>";
    });
    const events = shown.events.map(function (k) {
      return "<div class='atlas-legend-row'><span class='atlas-icon'>" + L.Atlas.Style.icon(vocab.eventKinds[k]) +
        "</span><span>" + vocab.eventKinds[k].label + "</span></div>";
    });
    return section("Held by", powers) + section("Status", statuses) + section("Events", events);
  }

  function create(box, onToggle) {
    box.innerHTML = "<button type='button' class='atlas-legend-toggle' aria-expanded='true' " +
      "title='Show or hide the legend'>Legend</button><div class='atlas-legend-body'></div>";
    const button = box.firstChild;
    L.DomEvent.disableScrollPropagation(box);
    button.addEventListener("click", function () {
      const open = box.classList.toggle("atlas-legend-closed") === false;
      button.setAttribute("aria-expanded", String(open));
      if (onToggle) onToggle(open);
    });
    return box;
  }

  function render(box, shown, vocab) {
    const body = box.querySelector(".atlas-legend-body");
    const content = html(shown, vocab);
    if (body.__content !== content) {
      body.innerHTML = content;
      body.__content = content;
    }
    box.classList.toggle("atlas-legend-empty", !content);
  }

  function setOpen(box, open) {
    box.classList.toggle("atlas-legend-closed", !open);
    box.firstChild.setAttribute("aria-expanded", String(open));
  }

  /* The legend's size as a row and as a column, in px: [[w, h], [w, h]]. */
  function layouts(box) {
    const was = box.classList.contains("atlas-legend-row-layout");
    box.classList.add("atlas-legend-row-layout");
    const row = [box.offsetWidth, box.offsetHeight];
    box.classList.remove("atlas-legend-row-layout");
    const column = [box.offsetWidth, box.offsetHeight];
    box.classList.toggle("atlas-legend-row-layout", was);
    return { row: row, column: column };
  }

  function setLayout(box, layout) {
    box.classList.toggle("atlas-legend-row-layout", layout === "row");
  }

  L.Atlas.Legend = { create: create, render: render, layouts: layouts, setLayout: setLayout,
                         setOpen: setOpen };
})();
