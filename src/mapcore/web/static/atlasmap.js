/* The atlas layer: L.atlas(options).addTo(map), one per map, each with its own state.
 *
 * Created by its folium element's template (mapcore.web.elements.AtlasLayer), or by the
 * classroom pack. It fetches the atlas's data once (or takes it inline) and draws any day by
 * looking it up in the data's timeline, made in Python (mapcore.web.wire): the browser keeps
 * no rule of its own. `show({year, date, lang, tiles})` is the server's step; the map draws
 * the page's Year slider's year (and day) the moment it moves (AtlasPage, the controller, in
 * the parent window) and the step's only when no slider is there. Text in the data arrives
 * HTML-escaped. The patterns (L.Atlas.Style), labels (L.Atlas.Labels), legend
 * (L.Atlas.Legend) and change cards (L.Atlas.Cards) are their own files, loaded before this.
 * A lesson's stop (the controller's shared "stop") is framed and marked, and the yearBox
 * carries its number (data-lesson-stop); a quiz (shared "quiz") greys the territories it
 * asks about, labelled "?", until it is revealed.
 */
(function () {
  "use strict";
  const WHEEL_STEP = 50; // px of wheel travel that make one zoom level (a notch is ~100)
  const RING_BELOW = 28; // px: a highlighted territory smaller than this gets a ring round it
  const QUIZ_GREY = "#9e9e9e"; // a territory whose holder the class is asked for
  const FLY_SECONDS = 0.8; // a stop's frame is flown to, this long (at once if motion is reduced)
  const CARD_ROOM = 80; // px a stop's folded card takes at the bottom of its frame

  /* One map's atlas: every function below closes over its own state `A`. */
  function create(map, options) {
  const A = {
    map: map, options: options, data: null, geo: {}, lines: {}, homes: {}, events: null,
    markers: [], tiles: null, tilesKey: "", tilesOption: null, lang: "en", labels: null,
    shown: null, last: null, pending: null, moved: false, fitting: false, fitted: false,
    landing: false, refreshing: false, following: false, legendChosen: false,
    yearBox: null, legendBox: null, noteBox: null, stop: new AbortController(), highlight: null,
    spots: null, cards: null, shownDate: null, highlighted: null, highlightRefs: null,
    lessonStop: null, quiz: null, stopFramed: null, flying: false,
  };
  function pane(name, z) {
    const p = A.map.createPane(name);
    p.style.zIndex = z;
    return p;
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

  function init() {
    const framed = window.parent !== window;
    if (framed) { // the app's frame: the map takes the frame's whole height (page.js sizes it)
      document.documentElement.classList.add("atlas-framed");
      map.getContainer().style.height = "100vh";
      map.invalidateSize();
    }
    pane("atlas-land", 250);
    pane("atlas-home", 300);
    pane("atlas-territories", 400);
    pane("atlas-lines", 450);
    pane("atlas-labels", 480).style.pointerEvents = "none";
    A.yearBox = control("topright", "atlas-year",
      "<span class='atlas-year-day'></span><span class='atlas-year-number'></span>");
    A.legendBox = L.Atlas.Legend.create(control("bottomleft", "atlas-legend", ""), function () {
      A.legendChosen = true; // the teacher's choice: kept until the starting view is asked for
      refresh();
    });
    A.noteBox = control("bottomright", "atlas-note", "");
    A.noteBox.style.display = "none";
    if (options.cards) {
      A.cards = L.Atlas.Cards.create(A.map, function (list) {
        if (A.data) highlight(list ? list.join(" ") : null, false,
                              list ? { territories: list, places: [], events: [] } : null);
      }, hidden, refresh);
    }
    homeButton();
    zooming();
    if (options.syncGroup) syncWith(options.syncGroup);
    window.addEventListener("pagehide", function () { A.stop.abort(); });
    const data = options.data ? Promise.resolve(options.data) : fetch(options.dataUrl)
      .then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + r.statusText);
        return r.json();
      });
    data
      .then(function (data) {
        build(data);
        const when = sliderWhen() || A.pending;
        if (when) showWhen(when.year, when.date);
        followPage(0);
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

  /* --- zoom: whole levels, within limits, the frame always full of land --------------------- */

  function zooming() {
    const map = A.map;
    map.options.zoomSnap = 0.25; // the opening view fits the frame closely...
    map.options.zoomDelta = 1; // ...and every step (buttons, keys, wheel) is one whole level
    map.scrollWheelZoom.disable();
    let travel = 0, last = 0;
    map.getContainer().addEventListener("wheel", function (ev) {
      ev.preventDefault();
      travel += ev.deltaY * (ev.deltaMode === 1 ? 33 : ev.deltaMode === 2 ? 100 : 1);
      const now = performance.now();
      if (Math.abs(travel) < WHEEL_STEP || now - last < 250) return;
      last = now;
      const target = Math.max(map.getMinZoom(), Math.min(map.getMaxZoom(),
        map.getZoom() + (travel < 0 ? 1 : -1))); // one level a notch, stopping at the limits
      travel = 0;
      if (target === map.getZoom()) return;
      A.moved = true;
      map.setZoomAround(map.mouseEventToContainerPoint(ev), target);
    }, { passive: false });
    map.on("dragstart", function () { if (!A.fitting) { A.moved = true; A.stopFramed = null; } });
    map.on("zoomstart", function () {
      if (!A.fitting) A.moved = true;
      if (!A.fitting && !A.flying) A.stopFramed = null; // the teacher's zoom, not the stop's
    });
    map.on("moveend", keepOnLand);
    map.on("moveend zoomend", refresh);
    map.on("resize", function () {
      limits();
      if (A.stopFramed) frameStop(A.stopFramed, true); // a window resized (the projector's,
      else if (!A.moved) fitHome();                     // moved to its screen): framed again
      refresh();
    });
    L.Atlas.Labels.onFonts(refresh);
  }

  function limits() {
    if (!A.data) return;
    const was = A.fitting;
    A.fitting = true; // the map's own moves to keep within limits are not the teacher's
    const v = A.data.view;
    const land = L.latLngBounds(v.land);
    // never so far out that the frame shows the straight edges of the land layer
    const floor = A.map.getBoundsZoom(land, true);
    const min = Math.max(v.minZoom, Math.ceil(floor * 4) / 4);
    // Leaflet would animate up to a raised minimum, in a later frame: do it now, at once
    if (A.map.getZoom() < min) A.map.setView(A.map.getCenter(), min, { animate: false });
    A.map.setMinZoom(min);
    A.map.setMaxZoom(v.maxZoom);
    A.fitting = was;
  }

  /* The frame never leaves the land layer (Leaflet's maxBounds would, here, pull the view
   * back to a stale centre after every fit; this does the same, from the view as it is). */
  function keepOnLand() {
    if (!A.data || A.landing) return;
    A.landing = true;
    const was = A.fitting;
    A.fitting = true;
    A.map.panInsideBounds(L.latLngBounds(A.data.view.land), { animate: false });
    A.fitting = was;
    A.landing = false;
  }

  /* The starting view: the whole subject, as large as the frame allows with the legend beside
   * it, as a row under it or a column left of it: whichever leaves the subject larger and
   * clear of the legend once the frame is kept on the land. With no such room the legend
   * waits, closed, behind its button. */
  function fitHome() {
    if (!A.data) return;
    const map = A.map;
    const home = L.latLngBounds(A.data.view.home);
    const m = 8;
    const plain = { paddingTopLeft: [m, m], paddingBottomRight: [m, m] };
    const box = A.legendBox;
    const tries = [];
    if (!box.classList.contains("atlas-legend-empty") && !A.legendChosen) {
      L.Atlas.Legend.setOpen(box, true);
      const size = L.Atlas.Legend.layouts(box);
      tries.push({ layout: "column", zoom: map.getBoundsZoom(home, false,
        L.point(size.column[0] + 3 * m, 2 * m)), options: { paddingTopLeft:
        [size.column[0] + 2 * m, m], paddingBottomRight: [m, m] } });
      tries.push({ layout: "row", zoom: map.getBoundsZoom(home, false,
        L.point(2 * m, size.row[1] + 3 * m)), options: { paddingTopLeft: [m, m],
        paddingBottomRight: [m, size.row[1] + 2 * m] } });
      tries.sort(function (a, b) { return b.zoom - a.zoom; });
    }
    A.fitting = true;
    let fitted = false;
    for (const t of tries) {
      L.Atlas.Legend.setLayout(box, t.layout);
      map.fitBounds(home, Object.assign({ animate: false }, t.options));
      if (!legendOnSubject()) {
        fitted = true;
        break;
      }
    }
    if (!fitted) {
      if (tries.length) L.Atlas.Legend.setOpen(box, false);
      map.fitBounds(home, Object.assign({ animate: false }, plain));
    }
    A.fitting = false;
    A.moved = false;
    A.fitted = !!A.last;
  }

  /* Another year's legend (more or fewer entries) must not cover the subject either. The
   * map does not move for it (scrubbing keeps the frame still): the legend takes the layout
   * that leaves the subject free, or closes; it opens again when there is room. Once the
   * teacher has moved the map or opened or closed the legend, that is left to them. */
  function keepSubjectFree() {
    const box = A.legendBox;
    if (A.moved || A.legendChosen || box.classList.contains("atlas-legend-empty")) return;
    const was = box.classList.contains("atlas-legend-row-layout") ? "row" : "column";
    L.Atlas.Legend.setOpen(box, true);
    for (const layout of [was, was === "row" ? "column" : "row"]) {
      L.Atlas.Legend.setLayout(box, layout);
      if (!legendOnSubject()) return;
    }
    L.Atlas.Legend.setOpen(box, false);
  }

  /* Does the open legend reach into the subject's frame? */
  function legendOnSubject() {
    const box = A.legendBox;
    if (box.classList.contains("atlas-legend-closed") || box.classList.contains("atlas-legend-empty")) {
      return false;
    }
    const origin = A.map.getContainer().getBoundingClientRect();
    const r = box.getBoundingClientRect();
    const home = L.latLngBounds(A.data.view.home);
    const nw = A.map.latLngToContainerPoint(home.getNorthWest());
    const se = A.map.latLngToContainerPoint(home.getSouthEast());
    return r.left - origin.left < se.x && r.right - origin.left > nw.x &&
      r.top - origin.top < se.y && r.bottom - origin.top > nw.y;
  }

  function homeButton() {
    const zoom = A.map.zoomControl ? A.map.zoomControl.getContainer() : null;
    const a = L.DomUtil.create("a", "atlas-home-button", zoom || control("topleft", "leaflet-bar", ""));
    a.href = "#";
    a.setAttribute("role", "button");
    a.title = "Back to the starting view";
    a.setAttribute("aria-label", a.title);
    a.innerHTML = "<span aria-hidden='true'>&#8962;</span>";
    L.DomEvent.on(a, "click", function (ev) {
      L.DomEvent.preventDefault(ev);
      A.legendChosen = false;
      fitHome();
      refresh();
    });
  }

  /* --- the geometry, once --------------------------------------------------------------------- */

  function build(data) {
    A.data = data;
    const land = data.vocab.land;
    data.context.forEach(function (f, i) {
      if (f.kind === "home") {
        A.homes[i] = L.geoJSON(f.geometry, { pane: "atlas-home", interactive: false,
          style: { stroke: true, color: "#8c8c8c", weight: 0.6, fillOpacity: 0.28 } });
      } else {
        const lake = f.kind === "lake";
        // land has no outline: its edges include the clip's straight lines
        L.geoJSON(f.geometry, { pane: "atlas-land", interactive: false, style: {
          stroke: lake, color: "#9bb8d3", weight: 0.6, fill: true,
          fillColor: lake ? data.vocab.sea : land, fillOpacity: 1 } }).addTo(A.map);
      }
    });
    data.view.beyond.forEach(function (b) {
      L.rectangle(b, { pane: "atlas-land", interactive: false, stroke: false, fillColor: land,
                       fillOpacity: 1 }).addTo(A.map);
    });
    limits();
    fitHome();
  }

  /* --- one step ----------------------------------------------------------------------------- */

  function tip(period, item) {
    const claim = item.claim ? " (claimed by " + item.claim.name + ")" : "";
    let html = "<div class='atlas-tip'><b>" + period.name + "</b><br>" + item.holder +
      "<br><i>" + A.data.vocab.statuses[item.status].label + claim + "</i><br>since " + period.since +
      " &middot; until " + period.until + "<br>" + period.instrument +
      "<br><span class='atlas-src'>Source: " + period.source + "</span>";
    if (period.notes) html += "<br><span class='atlas-src'>" + period.notes + "</span>";
    return html + "</div>";
  }

  function territories(items) {
    const used = {};
    items.forEach(function (item) {
      const period = A.data.periods[item.period];
      let layer = A.geo[period.shape];
      if (!layer) {
        layer = A.geo[period.shape] = L.geoJSON(A.data.shapes[period.shape],
                                                { pane: "atlas-territories" });
        layer.bindTooltip("", { sticky: true, className: "atlas-tooltip" });
        layer.on("click", function (ev) {
          L.DomEvent.stopPropagation(ev);
          const c = controller();
          if (c && c.select && layer.__atlas) c.select(layer.__atlas.territory);
        });
      }
      used[period.shape] = true;
      if (asked(period.territory)) { // the class is asked who held it: nothing says so
        const grey = { color: "#555555", weight: 1.5, dashArray: null, opacity: 1 };
        layer.setStyle(Object.assign({ fillColor: QUIZ_GREY, fillOpacity: 0.9 }, grey));
        layer.setTooltipContent("<div class='atlas-tip'><b>?</b><br>Who held it? The quiz " +
                                "asks.</div>");
        layer.__atlas = { colours: [], status: null, outline: grey, territory: period.territory };
        if (!A.map.hasLayer(layer)) layer.addTo(A.map);
        return;
      }
      const claim = item.claim ? [item.claim.colour] : [];
      const status = A.data.vocab.statuses[item.status];
      const outline = L.Atlas.Style.outline(status, item.colours);
      layer.setStyle(Object.assign({ fillColor: L.Atlas.Style.fill(item.status, status,
        item.colours, claim), fillOpacity: 0.85 }, outline));
      layer.setTooltipContent(tip(period, item));
      layer.__atlas = { colours: item.colours.concat(claim), status: item.status, outline: outline,
                        territory: period.territory };
      if (!A.map.hasLayer(layer)) layer.addTo(A.map);
    });
    Object.keys(A.geo).forEach(function (g) {
      if (!used[g] && A.map.hasLayer(A.geo[g])) A.map.removeLayer(A.geo[g]);
    });
  }

  function homes(items) {
    const used = {};
    items.forEach(function (item) {
      used[item.area] = true;
      const layer = A.homes[item.area];
      layer.setStyle({ fillColor: item.colour });
      layer.__atlas = { colours: [item.colour] };
      if (!A.map.hasLayer(layer)) layer.addTo(A.map);
    });
    Object.keys(A.homes).forEach(function (i) {
      if (!used[i] && A.map.hasLayer(A.homes[i])) A.map.removeLayer(A.homes[i]);
    });
  }

  function lines(items) {
    const used = {};
    items.forEach(function (item) {
      const f = A.data.lines[item.line];
      used[item.line] = true;
      let layer = A.lines[item.line];
      if (!layer) {
        layer = A.lines[item.line] = L.layerGroup();
        layer.addTo(A.map);
      }
      layer.clearLayers();
      if (f.kind === "railway") {
        const dash = item.status === "contested" ? "4 6" : null;
        L.geoJSON(f.geometry, { pane: "atlas-lines", style: { color: "#ffffff", weight: 7,
          opacity: 0.9 } }).addTo(layer);
        item.colours.forEach(function (c, k) {
          L.geoJSON(f.geometry, { pane: "atlas-lines", style: { color: c, weight: 4, opacity: 1,
            dashArray: item.colours.length > 1 ? "10 10" : dash, dashOffset: String(k * 10) } })
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

  function events(indices) {
    if (A.events) A.map.removeLayer(A.events);
    A.events = L.layerGroup();
    A.markers = indices.map(function (i) {
      const e = A.data.events[i];
      const html = "<div class='atlas-tip'><b>" + e.name + "</b><br>" + e.when + " &middot; " +
        e.place + "<br>" + e.description + "<br><span class='atlas-src'>Source: " + e.source +
        "</span></div>";
      return L.marker([e.lat, e.lon], { icon: L.divIcon({ className: "atlas-event atlas-event-" +
        e.kind, html: L.Atlas.Style.icon(A.data.vocab.eventKinds[e.kind]), iconSize: [22, 22], iconAnchor: [11, 11] }),
        keyboard: false, kind: e.kind, index: i })
        .bindTooltip(html, { className: "atlas-tooltip" }).addTo(A.events);
    });
    A.events.addTo(A.map);
  }

  /* --- what the frame shows now: the legend lists only that; labels avoid what is there ------ */

  function seen(layer, view) {
    const b = layer.getBounds();
    if (!b.isValid() || !view.intersects(b)) return false;
    const clipped = L.latLngBounds([Math.max(b.getSouth(), view.getSouth()),
      Math.max(b.getWest(), view.getWest())], [Math.min(b.getNorth(), view.getNorth()),
      Math.min(b.getEast(), view.getEast())]);
    const a = A.map.latLngToContainerPoint(clipped.getNorthWest());
    const z = A.map.latLngToContainerPoint(clipped.getSouthEast());
    return Math.max(z.x - a.x, z.y - a.y) >= 5; // a speck of a few pixels is not on the map
  }

  /* drawn: {year, date, state (the timeline's state), territories (its territories as drawn),
   * entry (the year's or the day's entry)} */
  function visible(drawn) {
    const view = A.map.getBounds();
    const colours = new Set(), statuses = new Set(), kinds = new Set();
    Object.keys(A.geo).concat(Object.keys(A.homes).map(function (k) { return "h" + k; }))
      .forEach(function (k) {
        const layer = k[0] === "h" ? A.homes[k.slice(1)] : A.geo[k];
        if (!A.map.hasLayer(layer) || !layer.__atlas || !seen(layer, view)) return;
        layer.__atlas.colours.forEach(function (c) { colours.add(c); });
        if (layer.__atlas.status) statuses.add(layer.__atlas.status);
      });
    A.markers.forEach(function (m) {
      if (view.contains(m.getLatLng())) kinds.add(m.options.kind);
    });
    return {
      powers: drawn.state.powers.filter(function (p) { return colours.has(p.colour); }),
      statuses: drawn.state.statuses.filter(function (s) { return statuses.has(s); }),
      events: drawn.entry.eventKinds.filter(function (k) { return kinds.has(k); }),
    };
  }

  function obstacles() {
    const origin = A.map.getContainer().getBoundingClientRect();
    const boxes = [];
    A.map.getContainer().querySelectorAll(".leaflet-control").forEach(function (el) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height) {
        boxes.push({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height });
      }
    });
    A.markers.forEach(function (m) {
      const p = A.map.latLngToContainerPoint(m.getLatLng());
      boxes.push({ x: p.x - 11, y: p.y - 11, w: 22, h: 22, marker: true });
    });
    return boxes;
  }

  function named(names) {
    return names[A.lang] || names.en;
  }

  function candidates(drawn) {
    const out = [], seenText = {};
    drawn.territories.forEach(function (item) {
      const period = A.data.periods[item.period];
      const spot = A.data.labelPoints[period.shape];
      if (!spot) return;
      if (asked(period.territory)) { // its name in the period would give the holder away
        out.push({ kind: "quiz", text: "?", short: "?", at: spot, rank: period.rank + 1000,
                   ref: period.territory });
        return;
      }
      const text = named(period.names);
      if (seenText[text]) return; // one name once (Sakhalin's two halves in one hand)
      seenText[text] = true;
      out.push({ kind: "territory", text: text, short: period.short[A.lang], at: spot,
                 rank: period.rank, ref: period.territory });
    });
    drawn.state.places.forEach(function (i) { // the places named that year (Python decides)
      const place = A.data.places[i];
      out.push({ kind: "place", ref: place.key, text: named(place.names), short: place.short[A.lang],
                 at: [place.lat, place.lon], rank: place.rank, minZoom: place.minZoom,
                 maxZoom: place.maxZoom });
    });
    return out;
  }

  function labels(drawn) {
    if (!A.labels) A.labels = L.layerGroup().addTo(A.map);
    if (A.lang === "off") {
      A.labels.clearLayers();
      return;
    }
    L.Atlas.Labels.place(A.map, A.labels, candidates(drawn), obstacles());
    markLabels();
  }

  /* The labels of what is highlighted (a mention's feature, a card's territories) stand out. */
  function markLabels() {
    const refs = A.highlightRefs || {};
    A.map.getContainer().querySelectorAll(".atlas-label span[data-ref]").forEach(function (s) {
      s.classList.toggle("atlas-label-on", !!refs[s.dataset.ref]);
    });
  }

  /* After a step, a move or a zoom: the legend's entries, then the labels around them. */
  function refresh() {
    if (!A.last || A.refreshing) return;
    A.refreshing = true;
    requestAnimationFrame(function () {
      A.refreshing = false;
      L.Atlas.Legend.render(A.legendBox, visible(A.last), A.data.vocab);
      keepSubjectFree();
      labels(A.last);
    });
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

  /* --- compare: the maps of one group pan and zoom together (events on the page's window) --- */

  function syncWith(group) {
    const bus = window.parent;
    A.map.on("move", function () {
      if (A.following) return;
      bus.dispatchEvent(new bus.CustomEvent("atlas:view", { detail: { group: group, from: A.map,
        center: A.map.getCenter(), zoom: A.map.getZoom() } }));
    });
    bus.addEventListener("atlas:view", function (ev) {
      const d = ev.detail;
      if (d.group !== group || d.from === A.map) return;
      A.following = true;
      A.moved = true;
      A.map.setView(d.center, d.zoom, { animate: false });
      A.following = false;
    }, { signal: A.stop.signal });
  }

  /* --- the page's controller (AtlasPage: the app's page.js or the pack's own) --------------- */

  function controller() {
    try {
      return window.parent.AtlasPage || null;
    } catch (err) {
      return null; // another origin: rely on the server's steps alone
    }
  }

  function sliderWhen() { // {year, date} or null
    const c = controller();
    return c ? c.when(options.sliderKey) : null;
  }

  /* Draw the slider's year the moment it moves; pass the atlas's keys on when the map has the
   * focus (a key pressed in this frame never reaches the page). */
  function followPage(tries) {
    const c = controller();
    if (!c) { // the app's page.js mounts after the map's frame: look again for a few seconds
      if (window.parent !== window && tries < 100) {
        setTimeout(function () { followPage(tries + 1); }, 100);
      }
      return;
    }
    c.follow(A, options.sliderKey, function (year, date) { showWhen(year, date); },
             A.shown === null ? A.pending : { year: A.shown, date: A.shownDate });
    c.onHighlight(function (ref, frame) {
      if (!A.data) return;
      if (ref || !A.lessonStop) highlight(ref, frame);
      else markStop(); // a mention let go: the stop's own marks come back
    }, A.stop.signal);
    if (c.shared) {
      c.shared("stop", A, showStop);
      c.shared("quiz", A, showQuiz);
    }
    A.map.on("click", function () { c.select(null); }); // the sea or the land of no territory
    if (options.cards && c.share) { // the atlas view's map: its frame, for "add this view"
      const report = function () {
        const b = A.map.getBounds(), r = function (v) { return Math.round(v * 100) / 100; };
        c.share("view", [[r(b.getSouth()), r(b.getWest())], [r(b.getNorth()), r(b.getEast())]]);
      };
      A.map.on("moveend", report);
      report();
    }
    if (window.parent !== window) { // a key pressed in this frame never reaches the page
      document.addEventListener("keydown", function (ev) {
        if (c.frameKey(ev.key)) ev.preventDefault();
      }, { signal: A.stop.signal });
    }
  }

  /* What the map draws on `date` of `year` (null: the bare year): the day's entry is the last
   * of its year's that starts on or before it; a year that never changes within has none. */
  function entryOf(year, date) {
    const timeline = A.data.timeline;
    const days = date ? timeline.days[year] : null;
    let entry = timeline.years[year];
    if (days) days.forEach(function (d) { if (d.date <= date) entry = d; });
    return entry;
  }

  function showWhen(year, date) {
    const timeline = A.data.timeline;
    if (!timeline.years[year]) return;
    date = date && Number(date.slice(0, 4)) === year ? date : null;
    const entry = entryOf(year, date);
    const state = timeline.states[entry.state];
    apply({ year: year, date: date, day: date || timeline.years[year].date, state: state,
            entry: entry, territories: state.territories.map(function (i) {
              return timeline.territories[i]; }) });
  }

  /* The server's step: the settings always; the day unless the slider is elsewhere. */
  function show(message) {
    A.tilesOption = message.tiles;
    if (message.lang && message.lang !== A.lang) setLanguage(message.lang);
    if (!A.data) {
      A.pending = { year: message.year, date: message.date || null };
      return;
    }
    tiles(message.tiles);
    const when = sliderWhen();
    if (when) showWhen(when.year, when.date);
    else showWhen(message.year, message.date || null);
  }

  /* --- the essay's mentions: a feature highlighted (and framed) from the text ---------------- */

  /* How much of the map a card at `rect` (page pixels) would hide: each territory's label
   * spot under it counts one, the territories the card names (their extent) ten, the open
   * legend fifteen. */
  function hidden(rect, named) {
    if (!A.last) return 0;
    const origin = A.map.getContainer().getBoundingClientRect();
    const legend = A.legendBox.getBoundingClientRect(); // the legend must stay readable too
    const over = legend.width && rect.left < legend.right && legend.left < rect.right &&
      rect.top < legend.bottom && legend.top < rect.bottom;
    const under = function (latlng) {
      const p = A.map.latLngToContainerPoint(latlng);
      const x = origin.left + p.x, y = origin.top + p.y;
      return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
    };
    let cost = 0;
    A.last.territories.forEach(function (item) {
      const period = A.data.periods[item.period];
      const spot = A.data.labelPoints[period.shape];
      if (spot && under(spot)) cost += 1;
      const layer = A.geo[period.shape];
      if (named.indexOf(period.territory) >= 0 && layer) {
        const b = layer.getBounds();
        const a = A.map.latLngToContainerPoint(b.getNorthWest());
        const z = A.map.latLngToContainerPoint(b.getSouthEast());
        if (origin.left + a.x < rect.right && rect.left < origin.left + z.x &&
            origin.top + a.y < rect.bottom && rect.top < origin.top + z.y) cost += 10;
      }
    });
    return cost + (over ? 15 : 0);
  }

  /* `ref` an essay mention's id (or a card's territories, `named` what they are) */
  function highlight(ref, frame, named) {
    A.highlight = ref || null;
    A.highlighted = ref ? named || null : null;
    const r = (ref && (named || A.data.refs[ref])) || { territories: [], places: [], events: [] };
    const bounds = L.latLngBounds([]);
    const small = []; // territories a few pixels wide (Kwantung): a ring says where they are
    Object.keys(A.geo).forEach(function (g) {
      const layer = A.geo[g], info = layer.__atlas;
      if (!info || !A.map.hasLayer(layer)) return;
      const on = r.territories.indexOf(info.territory) >= 0;
      layer.setStyle(on ? { color: "#000000", weight: 4, dashArray: null } : info.outline);
      if (!on) return;
      layer.bringToFront();
      bounds.extend(layer.getBounds());
      const a = A.map.latLngToContainerPoint(layer.getBounds().getNorthWest());
      const z = A.map.latLngToContainerPoint(layer.getBounds().getSouthEast());
      if (Math.max(z.x - a.x, z.y - a.y) < RING_BELOW) small.push(layer.getBounds().getCenter());
    });
    A.markers.forEach(function (m) {
      const on = r.events.indexOf(m.options.index) >= 0;
      const el = m.getElement();
      if (el) el.classList.toggle("atlas-highlight", on);
      if (on) bounds.extend(m.getLatLng());
    });
    if (!A.spots) A.spots = L.layerGroup().addTo(A.map);
    A.spots.clearLayers();
    r.places.forEach(function (i) {
      const p = A.data.places[i];
      L.circleMarker([p.lat, p.lon], { radius: 9, color: "#000000", weight: 3, fill: false,
                                       interactive: false }).addTo(A.spots);
      bounds.extend([p.lat, p.lon]);
    });
    small.forEach(function (at) {
      L.circleMarker(at, { radius: RING_BELOW / 2 + 4, color: "#000000", weight: 3, fill: false,
                           dashArray: null, interactive: false, className: "atlas-ring" })
        .addTo(A.spots);
    });
    A.highlightRefs = {};
    r.territories.forEach(function (t) { A.highlightRefs[t] = true; });
    r.places.forEach(function (i) { A.highlightRefs[A.data.places[i].key] = true; });
    markLabels();
    if (A.highlight) A.yearBox.setAttribute("data-highlight", A.highlight);
    else A.yearBox.removeAttribute("data-highlight");
    if (frame && bounds.isValid()) {
      A.moved = true; // the teacher asked for this view: keep it
      A.map.fitBounds(bounds, { maxZoom: 7, padding: [40, 40], animate: false });
    }
  }

  function apply(drawn, again) {
    if (!again && drawn.year === A.shown && drawn.date === A.shownDate && A.last &&
        A.last.state === drawn.state) return;
    const before = A.last ? A.last.day : null;
    A.shown = drawn.year;
    A.shownDate = drawn.date;
    A.last = drawn;
    tiles(A.tilesOption);
    homes(drawn.state.homes);
    territories(drawn.territories);
    lines(drawn.state.lines);
    events(drawn.entry.events);
    if (A.cards && !quizHides()) L.Atlas.Cards.show(A.cards, crossed(before, drawn), !!A.lessonStop);
    L.Atlas.Legend.render(A.legendBox, visible(drawn), A.data.vocab);
    if (!A.fitted) fitHome();
    keepSubjectFree();
    labels(drawn);
    A.yearBox.firstChild.textContent = drawn.date ? L.Atlas.Cards.dayMonth(drawn.date) + " " : "";
    A.yearBox.lastChild.textContent = String(drawn.year);
    A.yearBox.setAttribute("data-map-year", String(drawn.year));
    A.yearBox.setAttribute("data-map-date", drawn.day);
    if (A.highlight) highlight(A.highlight, false, A.highlighted); // the new year's, still named
  }

  /* The cards a step brings: going forward, every change it crossed within the year drawn
   * (a jump across years tells that year's story, not every year's); going back, or on the
   * first draw, the changes of the day drawn, if it is a day of change. */
  function crossed(before, drawn) {
    const forward = before !== null && before < drawn.day;
    const year = String(drawn.year);
    return A.data.cards.filter(function (card) {
      return forward ? before < card.date && card.date <= drawn.day &&
        card.date.slice(0, 4) === year : card.date === drawn.day;
    });
  }

  /* --- a lesson's stop, framed and marked; a quiz, the holders hidden until revealed -------- */

  function showStop(stop) {
    const was = A.lessonStop;
    A.lessonStop = stop || null;
    if (stop) A.yearBox.setAttribute("data-lesson-stop", String(stop.number));
    else A.yearBox.removeAttribute("data-lesson-stop");
    if (!A.data) return;
    if (!stop) {
      A.stopFramed = null;
      if (was) highlight(null, false);
      return;
    }
    markStop();
    frameStop(stop);
  }

  function markStop() {
    const s = A.lessonStop;
    highlight(s ? "stop-" + s.number : null, false, s ? s.highlight : null);
  }

  /* What a stop frames: its bounds, or its ids as the map draws them on the stop's own day
   * (not the day shown: the slider may have moved within the stop). */
  function stopBounds(stop) {
    if (stop.bounds) return L.latLngBounds(stop.bounds);
    const b = L.latLngBounds([]);
    const timeline = A.data.timeline;
    if (timeline.years[stop.year]) {
      const state = timeline.states[entryOf(stop.year, stop.date).state];
      state.territories.forEach(function (i) {
        const period = A.data.periods[timeline.territories[i].period];
        if (stop.frame.territories.indexOf(period.territory) < 0) return;
        b.extend((A.geo[period.shape] || L.geoJSON(A.data.shapes[period.shape])).getBounds());
      });
    }
    stop.frame.places.forEach(function (i) { b.extend([A.data.places[i].lat, A.data.places[i].lon]); });
    stop.frame.events.forEach(function (i) { b.extend([A.data.events[i].lat, A.data.events[i].lon]); });
    return b;
  }

  function frameStop(stop, atOnce) {
    const bounds = stopBounds(stop);
    if (!bounds.isValid()) return;
    const m = 24;
    // clear of the year (top right), the stop's folded card (bottom right) and the legend
    const top = A.yearBox.getBoundingClientRect().height + m, bottom = CARD_ROOM + m;
    const pad = { paddingTopLeft: [m, top], paddingBottomRight: [m, bottom], maxZoom: 7 };
    const box = A.legendBox;
    const size = A.map.getSize();
    if (!box.classList.contains("atlas-legend-closed") && !box.classList.contains("atlas-legend-empty")) {
      const r = box.getBoundingClientRect();
      if (r.width > 0.3 * size.x && r.height > 0.3 * size.y && !A.legendChosen) {
        L.Atlas.Legend.setOpen(box, false); // a small map: the stop's subject first, the
      } else if (box.classList.contains("atlas-legend-row-layout")) { // legend a click away
        pad.paddingBottomRight = [m, Math.max(bottom, r.height + m)];
      } else {
        pad.paddingTopLeft = [r.width + m, top];
      }
    }
    A.moved = true; // the lesson asked for this view: keep it while the slider moves
    A.stopFramed = stop; // until the teacher pans or zooms: a resized window frames it again
    A.flying = true;
    setTimeout(function () { A.flying = false; }, FLY_SECONDS * 1000 + 300); // no move at all
    A.map.once("moveend", function () {
      A.flying = false;
      if (A.cards) L.Atlas.Cards.again(A.cards);
    });
    const still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (atOnce || still || !A.map.getSize().x) {
      A.map.fitBounds(bounds, Object.assign({ animate: false }, pad));
    } else {
      A.map.flyToBounds(bounds, Object.assign({ duration: FLY_SECONDS }, pad));
    }
  }

  function asked(territory) {
    return !!(A.quiz && !A.quiz.revealed && A.quiz.hidden.indexOf(territory) >= 0);
  }

  function quizHides() { return !!(A.quiz && !A.quiz.revealed); }

  /* A quiz asked (holders hidden), revealed (the map as it is, and the card of the change that
   * answers it), or gone (null). */
  function showQuiz(quiz) {
    const was = A.quiz;
    A.quiz = quiz || null;
    if (quiz) A.yearBox.setAttribute("data-quiz", quiz.revealed ? "revealed" : "asked");
    else A.yearBox.removeAttribute("data-quiz");
    if (!A.data || !A.last) return;
    apply(A.last, true);
    if (A.cards && quiz && quiz.revealed && !(was && was.revealed) && quiz.card) {
      L.Atlas.Cards.show(A.cards, A.data.cards.filter(function (card) {
        return card.date === quiz.card && card.territories.some(function (t) {
          return quiz.hidden.indexOf(t) >= 0; });
      }));
    } else if (A.cards && quizHides()) {
      L.Atlas.Cards.show(A.cards, []);
    }
  }

  function setLanguage(lang) {
    A.lang = lang;
    if (A.last) labels(A.last);
  }

  init();
  return {
    show: show,
    showWhen: function (year, date) {
      if (A.data) showWhen(year, date || null);
      else A.pending = { year: year, date: date || null };
    },
    setLanguage: setLanguage,
    home: function () { A.legendChosen = false; fitHome(); refresh(); },
    remove: function () { A.stop.abort(); },
  };
  }

  const parts = L.Atlas || {};
  const instances = [];
  L.Atlas = L.Layer.extend({
    options: { dataUrl: null, data: null, sliderKey: "year", syncGroup: null, cards: false },
    initialize: function (options) { L.setOptions(this, options); },
    onAdd: function (map) {
      map._atlas = this;
      instances.push(this);
      this._atlas = create(map, this.options);
    },
    onRemove: function (map) {
      this._atlas.remove();
      instances.splice(instances.indexOf(this), 1);
      delete map._atlas;
    },
    show: function (message) { this._atlas.show(message); return this; },
    showWhen: function (year, date) { this._atlas.showWhen(year, date); return this; },
    setLanguage: function (lang) { this._atlas.setLanguage(lang); return this; },
    home: function () { this._atlas.home(); return this; },
  });
  Object.assign(L.Atlas, parts); // Style, Labels, Legend, Cards
  /* The atlas layer on a map (the step's script finds it so). */
  L.Atlas.of = function (map) { return map._atlas; };
  /* Every atlas layer in this window (a page's tests and tools reach the map so). */
  L.Atlas.all = function () { return instances.slice(); };
  L.atlas = function (options) { return new L.Atlas(options); };
})();
