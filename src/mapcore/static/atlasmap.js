/* The atlas map: geometry is fetched once; each slider step only restyles what is there.
 *
 * AtlasMap.init(map, options) runs once, inside the base folium map; AtlasMap.show(state)
 * runs on every step (from the per-year feature group sent by the server). The map does not
 * wait for the server, though: it watches the page's Year slider and draws the year at once
 * from the table of states fetched with the geometry; the server's state, when it comes, is
 * applied only if the slider is still on its year (so a late reply never turns the map back).
 * Text in the data arrives HTML-escaped from mapcore.mapdata and is inserted as it is.
 */
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const A = { map: null, data: null, pending: null, geo: {}, lines: {}, homes: {}, events: null,
              tiles: null, tilesKey: "", tilesOption: null, patterns: {}, shown: null,
              lang: "en", labels: null };

  function pane(name, z) {
    const p = A.map.createPane(name);
    p.style.zIndex = z;
    return name;
  }

  function control(position, className, html) {
    const C = L.Control.extend({
      onAdd: function () {
        const div = L.DomUtil.create("div", className);
        div.innerHTML = html;
        L.DomEvent.disableClickPropagation(div);
        return div;
      },
    });
    const c = new C({ position: position });
    c.addTo(A.map);
    return c.getContainer();
  }

  function init(map, options) {
    A.map = map;
    A.options = options;
    pane("atlas-land", 250);
    pane("atlas-home", 300);
    pane("atlas-territories", 400);
    pane("atlas-lines", 450);
    map.getPane(pane("atlas-labels", 480)).style.pointerEvents = "none";
    A.yearBox = control("topright", "atlas-year", "<span class='atlas-year-number'></span>");
    A.legendBox = control("bottomleft", "atlas-legend", "");
    A.noteBox = control("bottomright", "atlas-note", "");
    A.noteBox.style.display = "none";
    const defs = document.createElementNS(SVG, "svg");
    defs.setAttribute("width", "0");
    defs.setAttribute("height", "0");
    defs.style.position = "absolute";
    defs.appendChild(document.createElementNS(SVG, "defs"));
    document.body.appendChild(defs);
    A.defs = defs.firstChild;
    if (options.syncGroup) syncWith(options.syncGroup);
    function zoomClass() {  // small territories' and places' labels only when zoomed in
      map.getContainer().classList.toggle("atlas-zoomed-out", map.getZoom() < 5);
    }
    map.on("zoomend", zoomClass);
    zoomClass();
    const data = options.data ? Promise.resolve(options.data) : fetch(options.dataUrl)
      .then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + r.statusText);
        return r.json();
      });
    data
      .then(function (data) {
        build(data);
        const year = A.pendingYear || sliderYear();
        if (A.pending) show(A.pending);
        else if (year !== null) showYear(year);
        watchSlider();
      })
      .catch(function (err) {
        note("The atlas data could not be loaded (" + String(err).replace(/[<>&]/g, "") +
             "). Reload the page; if it persists, restart the app.");
      });
  }

  function note(html) {
    A.noteBox.innerHTML = html;
    A.noteBox.style.display = html ? "block" : "none";
  }

  function build(data) {
    A.data = data;
    const land = data.colours.land;
    data.context.forEach(function (f, i) {
      if (f.kind === "home") {
        A.homes[i] = L.geoJSON(f.geometry, { pane: "atlas-home", interactive: false,
          style: { stroke: true, color: "#8c8c8c", weight: 0.6, fillOpacity: 0.28 } });
      } else {
        const lake = f.kind === "lake";
        L.geoJSON(f.geometry, { pane: "atlas-land", interactive: false, style: {
          stroke: true, color: lake ? "#9bb8d3" : "#9a9a9a", weight: 0.6, fill: true,
          fillColor: lake ? "#dce8f2" : land, fillOpacity: 1 } }).addTo(A.map);
      }
    });
  }

  /* --- status patterns: SVG <pattern> fills, made once per status and colours ------------ */

  function pattern(id, angle, stripes) {
    if (A.patterns[id]) return "url(#" + id + ")";
    const size = stripes.reduce(function (s, x) { return s + x[1]; }, 0);
    const p = document.createElementNS(SVG, "pattern");
    p.setAttribute("id", id);
    p.setAttribute("patternUnits", "userSpaceOnUse");
    p.setAttribute("width", size);
    p.setAttribute("height", size);
    p.setAttribute("patternTransform", "rotate(" + angle + ")");
    let x = 0;
    stripes.forEach(function (s) {
      const r = document.createElementNS(SVG, "rect");
      r.setAttribute("x", x);
      r.setAttribute("y", 0);
      r.setAttribute("width", s[1]);
      r.setAttribute("height", size);
      r.setAttribute("fill", s[0]);
      p.appendChild(r);
      x += s[1];
    });
    A.defs.appendChild(p);
    A.patterns[id] = true;
    return "url(#" + id + ")";
  }

  function dots(id, cols) {
    if (A.patterns[id]) return "url(#" + id + ")";
    const p = document.createElementNS(SVG, "pattern");
    p.setAttribute("id", id);
    p.setAttribute("patternUnits", "userSpaceOnUse");
    p.setAttribute("width", 7 * cols.length);
    p.setAttribute("height", 7);
    const bg = document.createElementNS(SVG, "rect");
    bg.setAttribute("width", 7 * cols.length);
    bg.setAttribute("height", 7);
    bg.setAttribute("fill", "#ffffff");
    p.appendChild(bg);
    cols.forEach(function (c, i) {
      const dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("cx", 3.5 + 7 * i);
      dot.setAttribute("cy", 3.5);
      dot.setAttribute("r", 2.6);
      dot.setAttribute("fill", c);
      p.appendChild(dot);
    });
    A.defs.appendChild(p);
    A.patterns[id] = true;
    return "url(#" + id + ")";
  }

  /* Stripes of every controller's colour, each followed by a gap of `gap` colour. */
  function stripes(cols, width, gap, gapWidth) {
    const out = [];
    cols.forEach(function (c) {
      out.push([c, width]);
      if (gapWidth) out.push([gap, gapWidth]);
    });
    return out;
  }

  function fill(status, cols, claim) {
    const id = "pat-" + status + "-" + cols.concat(claim).join("-").replace(/#/g, "");
    switch (status) {
      case "leased": return pattern(id, 45, stripes(cols, 6, "#ffffff", 3));
      case "concession": return dots(id, cols);
      case "occupied": return pattern(id, -45, stripes(cols, 5, "#ececec", 5));
      case "puppet": return pattern(id, 0, stripes(cols, 4, "#ffffff", 3));
      case "protectorate": return pattern(id, 90, stripes(cols, 4, "#ffffff", 4));
      case "joint": return pattern(id, 45, stripes(cols.length > 1 ? cols : cols.concat(cols), 7));
      case "contested": return pattern(id, 45, stripes(cols.length > 1 ? cols : [cols[0], "#ffffff"], 3));
      case "disputed": return pattern(id, 45, [[cols[0], 8], [claim[0] || "#000000", 3]]);
      default: return cols[0];
    }
  }

  function outline(status, claim) {
    switch (status) {
      case "contested": return { color: "#000000", weight: 2.5, dashArray: "3 4" };
      case "occupied": return { color: "#222222", weight: 1.6, dashArray: "7 4" };
      case "disputed": return { color: claim[0] || "#000000", weight: 2.5, dashArray: "9 4" };
      default: return { color: "#222222", weight: 1.2, dashArray: null };
    }
  }

  /* --- one step ----------------------------------------------------------------------------- */

  function tip(period, item) {
    const claim = item[4].length ? " (claimed by " + item[4][1] + ")" : "";
    let html = "<div class='atlas-tip'><b>" + period.name + "</b><br>" + item[1] +
      "<br><i>" + A.data.statuses[item[3]] + claim + "</i><br>since " + period.since + " &middot; until " + period.until +
      "<br>" + period.instrument + "<br><span class='atlas-src'>Source: " + period.source +
      "</span>";
    if (period.notes) html += "<br><span class='atlas-src'>" + period.notes + "</span>";
    return html + "</div>";
  }

  function territories(items) {
    const used = {};
    items.forEach(function (item) {
      const period = A.data.periods[item[0]];
      let layer = A.geo[period.g];
      if (!layer) {
        layer = A.geo[period.g] = L.geoJSON(A.data.geometries[period.g], { pane: "atlas-territories" });
        layer.bindTooltip("", { sticky: true, className: "atlas-tooltip" });
      }
      used[period.g] = true;
      const claim = item[4].length ? [item[4][0]] : [];
      const style = Object.assign({ fillColor: fill(item[3], item[2], claim), fillOpacity: 0.85 },
                                  outline(item[3], claim));
      layer.setStyle(style);
      layer.setTooltipContent(tip(period, item));
      if (!A.map.hasLayer(layer)) layer.addTo(A.map);
    });
    Object.keys(A.geo).forEach(function (g) {
      if (!used[g] && A.map.hasLayer(A.geo[g])) A.map.removeLayer(A.geo[g]);
    });
  }

  function homes(items) {
    const used = {};
    items.forEach(function (item) {
      used[item[0]] = true;
      const layer = A.homes[item[0]];
      layer.setStyle({ fillColor: item[1] });
      if (!A.map.hasLayer(layer)) layer.addTo(A.map);
    });
    Object.keys(A.homes).forEach(function (i) {
      if (!used[i] && A.map.hasLayer(A.homes[i])) A.map.removeLayer(A.homes[i]);
    });
  }

  function lines(items) {
    const used = {};
    items.forEach(function (item) {
      const f = A.data.lines[item[0]];
      used[item[0]] = true;
      let layer = A.lines[item[0]];
      if (!layer) {
        layer = A.lines[item[0]] = L.layerGroup();
        layer.addTo(A.map);
      }
      layer.clearLayers();
      if (f.kind === "railway") {
        const dash = item[2] === "contested" ? "4 6" : null;
        L.geoJSON(f.geometry, { pane: "atlas-lines", style: { color: "#ffffff", weight: 7,
          opacity: 0.9 } }).addTo(layer);
        item[1].forEach(function (c, k) {
          L.geoJSON(f.geometry, { pane: "atlas-lines", style: { color: c, weight: 4, opacity: 1,
            dashArray: item[1].length > 1 ? "10 10" : dash, dashOffset: String(k * 10) } })
            .bindTooltip(f.name, { sticky: true }).addTo(layer);
        });
      } else {
        L.geoJSON(f.geometry, { pane: "atlas-lines", style: { color: "#111111", weight: 2,
          dashArray: "6 5" } }).bindTooltip(f.name, { sticky: true }).addTo(layer);
      }
    });
    Object.keys(A.lines).forEach(function (i) {
      if (!used[i]) A.lines[i].clearLayers();
    });
  }

  const SHAPES = {
    battle: "<path d='M11 1l2.6 6.4 6.9.5-5.3 4.4 1.7 6.7L11 15.3 5.1 19l1.7-6.7L1.5 7.9l6.9-.5z' fill='#b30000' stroke='#fff' stroke-width='1.2'/>",
    treaty: "<rect x='3' y='2' width='16' height='18' rx='2' fill='#1f3b73' stroke='#fff' stroke-width='1.5'/><path d='M6.5 8h9M6.5 12h9M6.5 16h6' stroke='#fff' stroke-width='1.6'/>",
    conference: "<circle cx='11' cy='11' r='9' fill='#2e7d32' stroke='#fff' stroke-width='1.5'/><circle cx='11' cy='11' r='3.5' fill='#fff'/>",
    meeting: "<circle cx='11' cy='11' r='9' fill='#2e7d32' stroke='#fff' stroke-width='1.5'/>",
    declaration: "<path d='M11 1.5l9.5 18H1.5z' fill='#6a1b9a' stroke='#fff' stroke-width='1.5'/>",
    operation: "<path d='M11 1.5l9.5 9.5-9.5 9.5-9.5-9.5z' fill='#455a64' stroke='#fff' stroke-width='1.5'/>",
  };

  function icon(kind) {
    return "<svg xmlns='" + SVG + "' width='22' height='22' viewBox='0 0 22 22'>" +
      (SHAPES[kind] || SHAPES.operation) + "</svg>";
  }

  function events(indices) {
    if (A.events) A.map.removeLayer(A.events);
    A.events = L.layerGroup();
    indices.forEach(function (i) {
      const e = A.data.events[i];
      const html = "<div class='atlas-tip'><b>" + e.name + "</b><br>" + e.when + " &middot; " +
        e.place + "<br>" + e.description + "<br><span class='atlas-src'>Source: " + e.source +
        "</span></div>";
      L.marker([e.lat, e.lon], { icon: L.divIcon({ className: "atlas-event atlas-event-" + e.kind,
        html: icon(e.kind), iconSize: [22, 22], iconAnchor: [11, 11] }), keyboard: false })
        .bindTooltip(html, { className: "atlas-tooltip" }).addTo(A.events);
    });
    A.events.addTo(A.map);
  }

  function legend(state) {
    let html = "<div class='atlas-legend-title'>Held by</div>";
    state.legend.powers.forEach(function (p) {
      html += "<div><span class='atlas-swatch' style='background:" + p[0] + "'></span>" + p[1] +
        "</div>";
    });
    html += "<div class='atlas-legend-title'>Status</div>";
    state.legend.statuses.forEach(function (s) {
      const f = fill(s, ["#6b6b6b", "#c8c8c8"], ["#c8c8c8"]);
      html += "<div><svg class='atlas-swatch' width='26' height='16'><rect width='26' height='16' " +
        "fill='" + f + "' stroke='#222'/></svg>" + A.data.statuses[s] + "</div>";
    });
    if (state.legend.events.length) {
      html += "<div class='atlas-legend-title'>Events</div>";
      state.legend.events.forEach(function (k) {
        html += "<div><span class='atlas-icon'>" + icon(k) + "</span>" + A.data.eventKinds[k] +
          "</div>";
      });
    }
    A.legendBox.innerHTML = html;
  }

  function tiles(t) {
    const key = t ? t.url : "";
    if (key === A.tilesKey) return;
    A.tilesKey = key;
    if (A.tiles) A.map.removeLayer(A.tiles);
    A.tiles = null;
    document.body.classList.toggle("atlas-tiles-on", !!t);
    note("");
    if (!t) return;
    let loaded = false;
    A.tiles = L.tileLayer(t.url, { attribution: t.attribution, maxZoom: 12 });
    A.tiles.on("tileload", function () { loaded = true; });
    A.tiles.on("tileerror", function () {
      if (loaded) return;
      document.body.classList.remove("atlas-tiles-on");
      note("Online map tiles could not be loaded (no network?): showing the atlas's own land.");
    });
    A.tiles.addTo(A.map);
  }

  /* --- compare mode: maps in the same group move together ---------------------------------- */

  function syncWith(group) {
    let registry;
    try {
      registry = window.parent.__atlasMaps = window.parent.__atlasMaps || {};
    } catch (err) {
      return;
    }
    function alive(m) {
      try { return m.getContainer().isConnected; } catch (err) { return false; }
    }
    registry[group] = (registry[group] || []).filter(alive).concat([A.map]);
    A.map.on("move", function () {
      if (A.map.__following) return;
      const center = A.map.getCenter(), zoom = A.map.getZoom();
      registry[group].forEach(function (other) {  // the group as it is now, not when we joined
        if (other === A.map || !alive(other)) return;
        other.__following = true;
        other.setView(center, zoom, { animate: false });
        other.__following = false;
      });
    });
  }

  /* --- the page's Year slider: draw its year without waiting for the server ----------------- */

  function sliderThumb() {
    try {
      const doc = window.parent.document;
      if (doc === document) return null;
      return doc.querySelector(".st-key-" + A.options.sliderKey + " input[type=range]");
    } catch (err) {
      return null; // another origin: rely on the server's states alone
    }
  }

  function sliderYear() {
    const thumb = sliderThumb();
    const year = thumb ? parseInt(thumb.value, 10) : NaN;
    return isNaN(year) ? null : year;
  }

  function watchSlider() {
    let doc;
    try {
      doc = window.parent.document;
    } catch (err) {
      return;
    }
    if (!doc || doc === document) return;
    const selector = ".st-key-" + A.options.sliderKey;
    function follow() {
      const year = sliderYear();
      if (year !== null && year !== A.shown) showYear(year);
    }
    // the native input event comes first (keys, drags); the attribute catches the server's moves
    doc.addEventListener("input", function (ev) {
      if (ev.target.closest && ev.target.closest(selector)) follow();
    }, true);
    new doc.defaultView.MutationObserver(function (records) {
      for (const r of records) {
        if (r.target.closest && r.target.closest(selector)) return follow();
      }
    }).observe(doc.body, { attributes: true, attributeFilter: ["aria-valuetext"], subtree: true });
  }

  function showYear(year) {
    const entry = A.data.years.years[year];
    if (!entry) return;
    const body = A.data.years.states[entry[0]];
    apply({ year: year, t: body.t, h: body.h, l: body.l, e: entry[1], tiles: A.tilesOption,
            legend: { powers: body.legend.powers, statuses: body.legend.statuses,
                      events: entry[2] } });
  }

  /* --- labels: territory and place names in the chosen language -------------------------- */

  function named(names) {
    return names[A.lang] || names.en;
  }

  function labels(state) {
    if (A.labels) A.map.removeLayer(A.labels);
    A.labels = L.layerGroup();
    if (A.lang === "off") return;
    const day = state.year + "-12-31";
    state.t.forEach(function (item) {
      const period = A.data.periods[item[0]];
      const spot = A.data.labelPoints[period.g];
      if (!spot) return;
      label(spot.at, named(period.names), "atlas-label atlas-label-territory" +
            (spot.minor ? " atlas-label-minor" : ""));
    });
    A.data.places.forEach(function (place) {
      if ((place.start && day < place.start) || (place.end && day >= place.end)) return;
      label([place.lat, place.lon], named(place.names), "atlas-label atlas-label-place");
    });
    A.labels.addTo(A.map);
  }

  function label(at, text, className) {
    L.marker(at, { pane: "atlas-labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: className, html: "<span>" + text + "</span>",
                        iconSize: null }) }).addTo(A.labels);
  }

  function show(state) {
    A.tilesOption = state.tiles;
    if (state.lang && state.lang !== A.lang) {
      A.lang = state.lang;
      if (A.shown !== null && A.last) labels(A.last);
    }
    if (!A.data) {
      A.pending = state;
      return;
    }
    A.pending = null;
    const year = sliderYear();
    if ((year !== null && year !== state.year) || state.year === A.shown) {
      tiles(state.tiles); // a setting, not a year: always follow it
      return; // stale (the slider has moved on) or already drawn from the table
    }
    apply(state);
  }

  function apply(state) {
    A.shown = state.year;
    A.last = state;
    tiles(state.tiles);
    homes(state.h);
    territories(state.t);
    lines(state.l);
    events(state.e);
    legend(state);
    labels(state);
    const box = A.yearBox;
    box.firstChild.textContent = String(state.year);
    box.setAttribute("data-map-year", String(state.year));
  }

  function setLanguage(lang) {
    A.lang = lang;
    if (A.last) labels(A.last);
  }

  window.AtlasMap = { init: init, show: show, showYear: function (year) {
    if (A.data) showYear(year); else A.pendingYear = year;
  }, setLanguage: setLanguage };
})();
