/* Map labels that never collide: placed by rank against what is already on the map.
 *
 * Each candidate (a territory's or a place's name, its short form, where it goes and its rank,
 * all decided in Python) is tried at its spot, then beside it, then shortened; a label that
 * still meets a placed label, a marker, the legend or any other control is left out. Boxes
 * are computed from measured text sizes (measured once per text), so a step costs no layout
 * beyond drawing what was kept. A Leaflet plugin: L.Atlas.Labels.
 */
(function () {
  "use strict";
  const GAP = 2; // px kept between two labels
  const sizes = {};

  function measure(container, items) {
    const todo = items.filter(function (it) { return !(it.key in sizes); });
    if (!todo.length) return;
    const box = document.createElement("div");
    box.style.cssText = "position:absolute;left:-9999px;top:0;visibility:hidden";
    todo.forEach(function (it) {
      const el = document.createElement("div");
      el.className = it.className;
      el.innerHTML = "<span>" + it.text + "</span>"; // text arrives escaped from mapcore
      box.appendChild(el);
    });
    container.appendChild(box);
    const spans = box.querySelectorAll("span");
    todo.forEach(function (it, i) {
      sizes[it.key] = [Math.ceil(spans[i].offsetWidth), Math.ceil(spans[i].offsetHeight)];
    });
    container.removeChild(box);
  }

  function hits(a, b) {
    return a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP &&
      b.y < a.y + a.h + GAP;
  }

  /* Where a label of size w×h may go around point p, nearest first: a territory's name on its
   * spot, then just above, below and beside it; a place's name beside its dot. */
  function spots(kind, p, w, h) {
    if (kind === "place") {
      const out = [];
      [6, 14].forEach(function (d) { // beside the dot, then clear of a marker drawn on it
        out.push([p.x + d, p.y - h / 2], [p.x - d - w, p.y - h / 2], [p.x - w / 2, p.y - d - 1 - h],
                 [p.x - w / 2, p.y + d + 1], [p.x + d - 2, p.y - h - d + 4],
                 [p.x + d - 2, p.y + d - 4], [p.x - w - d + 2, p.y - h - d + 4],
                 [p.x - w - d + 2, p.y + d - 4]);
      });
      return out;
    }
    const out = [];
    [[0, 0], [0, -1], [0, 1], [0.5, 0], [-0.5, 0], [0.5, -1], [-0.5, -1], [0.5, 1], [-0.5, 1],
     [0, -2], [0, 2]].forEach(function (o) {
      out.push([p.x - w / 2 + o[0] * (w + 8), p.y - h / 2 + o[1] * (h + 3)]);
    });
    return out;
  }

  function classOf(c) {
    return "atlas-label atlas-label-" + c.kind;
  }

  /* Place `candidates` on `map` (into `group`, emptied first). `obstacles`: boxes already on
   * the map in container pixels ({x, y, w, h}; `marker: true` for event markers, which a
   * place's dot may sit on: the marker marks the place). Returns the labels kept. */
  function place(map, group, candidates, obstacles) {
    group.clearLayers();
    const size = map.getSize();
    const zoom = map.getZoom();
    const items = [];
    candidates.forEach(function (c) {
      if ((c.minZoom && zoom < c.minZoom) || (c.maxZoom && zoom > c.maxZoom)) return;
      const p = map.latLngToContainerPoint(c.at);
      if (p.x < -200 || p.y < -50 || p.x > size.x + 200 || p.y > size.y + 50) return;
      const texts = c.short && c.short !== c.text ? [c.text, c.short] : [c.text];
      items.push({ c: c, p: p, texts: texts });
    });
    measure(map.getContainer(), [].concat.apply([], items.map(function (it) {
      return it.texts.map(function (t) {
        return { key: classOf(it.c) + "|" + t, text: t, className: classOf(it.c) };
      });
    })));
    items.sort(function (a, b) { return b.c.rank - a.c.rank; });
    const taken = obstacles.slice();
    const kept = [];
    const inside = function (b) {
      return b.x >= 2 && b.y >= 2 && b.x + b.w <= size.x - 2 && b.y + b.h <= size.y - 2;
    };
    const free = function (b, markersToo) {
      return !taken.some(function (o) { return (markersToo || !o.marker) && hits(b, o); });
    };
    items.forEach(function (it) {
      // a place's dot is part of its label: it must be free too, and is kept with it
      const dot = it.c.kind === "place" ? { x: it.p.x - 4, y: it.p.y - 4, w: 8, h: 8 } : null;
      if (dot && !(inside(dot) && free(dot, false))) return;
      for (const text of it.texts) {
        const wh = sizes[classOf(it.c) + "|" + text];
        for (const s of spots(it.c.kind, it.p, wh[0], wh[1])) {
          const box = { x: s[0], y: s[1], w: wh[0], h: wh[1] };
          if (!inside(box) || !free(box, true)) continue;
          taken.push(box);
          if (dot) taken.push(dot);
          kept.push({ c: it.c, text: text, dx: box.x - it.p.x, dy: box.y - it.p.y });
          return;
        }
      }
    });
    kept.forEach(function (k) {
      const dot = k.c.kind === "place" ? "<i class='atlas-dot'></i>" : "";
      const html = dot + "<span data-ref='" + k.c.ref + "' style='left:" + Math.round(k.dx) +
        "px;top:" + Math.round(k.dy) + "px'>" + k.text + "</span>";
      L.marker(k.c.at, { pane: "atlas-labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: classOf(k.c), html: html, iconSize: [0, 0],
                          iconAnchor: [0, 0] }) }).addTo(group);
    });
    return kept;
  }

  /* Call `redo` whenever a font arrives: text measured with a fallback font (the CJK glyphs
   * load when a name first needs them) has other sizes, so it is measured again. */
  function onFonts(redo) {
    if (!document.fonts) return;
    document.fonts.addEventListener("loadingdone", function () {
      Object.keys(sizes).forEach(function (k) { delete sizes[k]; });
      redo();
    });
  }

  L.Atlas.Labels = { place: place, onFonts: onFonts };
})();
