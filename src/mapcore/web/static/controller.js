/* The atlas's browser controller, one for the app and the pack: it holds each Year slider's
 * year (and the day chosen in it, if any) and tells every part that follows it (the maps, the
 * essay, the notes, the day steps) the moment it moves, and it routes the atlas's keys. It
 * decides nothing: the years, the days, Previous and Next change come from the data's
 * timeline, made in Python. A binding feeds it: the app's page.js (Streamlit's sliders, keys
 * and days sent on to Python) or the pack's pack.js (its own slider).
 *
 * A day is "YYYY-MM-DD" within the slider's year; null is the bare year (its 31 December).
 * A lesson's stop and a quiz are shared the same way (`share` / `shared`): the binding
 * shares what Python (or the pack) decided, and the map, the essay and the panels follow it.
 *
 * window.AtlasPage = {value, when, set, choose, follow, share, shared, dayText, changeDay,
 * load, panel, mount, el, highlight, onHighlight, select, onSelect, key, frameKey, bind};
 * "atlas:year" and "atlas:shared" events on window.
 */
(function () {
  "use strict";
  if (window.AtlasPage) return;
  const STEP_KEYS = ["ArrowLeft", "ArrowRight", "PageUp", "PageDown", "[", "]", "Escape"];
  const FRAME_KEYS = ["PageUp", "PageDown", "[", "]", "Escape"]; // a map keeps its arrows (pan)
  const page = { values: {}, dates: {}, handler: null, reader: null, chooser: null,
                 escape: false };

  /* The year slider `key` shows now, or null when there is none. */
  page.value = function (key) {
    const read = page.reader ? page.reader(key) : null;
    if (read !== null && read !== undefined) return read;
    return key in page.values ? page.values[key] : null;
  };

  /* The day shown with slider `key`: {year, date}, date null for the bare year (a day kept
   * from another year does not apply), or null when there is no year. */
  page.when = function (key) {
    const year = page.value(key);
    if (year === null) return null;
    const date = page.dates[key] || null;
    return { year: year, date: date && Number(date.slice(0, 4)) === year ? date : null };
  };

  /* A slider moved, or the day in its year (or the server moved them): tell every follower,
   * once per change. */
  page.set = function (key, year, date) {
    if (year === null || year === undefined) return;
    date = date && Number(date.slice(0, 4)) === year ? date : null;
    if (page.values[key] === year && (page.dates[key] || null) === date) return;
    page.values[key] = year;
    page.dates[key] = date;
    window.dispatchEvent(new CustomEvent("atlas:year",
      { detail: { key: key, year: year, date: date } }));
  };

  /* A day chosen on the page (a day step): shown at once, then the binding keeps it (the app
   * tells Python, the pack its address). `date` null: the bare year. */
  page.choose = function (key, year, date) {
    page.set(key, year, date);
    if (page.chooser) page.chooser(key, year, date || null);
  };

  /* `owner` follows slider `key`: `show(year, date)` now, with the slider's year and day (or
   * `fallback`, a year or {year, date}, if there is none), and at every move; calling again
   * replaces the owner's last. */
  page.follow = function (owner, key, show, fallback) {
    if (owner.__follow) window.removeEventListener("atlas:year", owner.__follow);
    owner.__follow = function (ev) { if (ev.detail.key === key) show(ev.detail.year, ev.detail.date); };
    window.addEventListener("atlas:year", owner.__follow);
    const when = page.when(key);
    if (when) return show(when.year, when.date);
    if (fallback === null || fallback === undefined) return;
    if (typeof fallback === "object") show(fallback.year, fallback.date || null);
    else show(fallback, null);
  };

  /* A value every part of the page follows: "stop" (a lesson's stop, mapcore.web.stops'
   * StopWire, or null) and "quiz" (the quiz on the map, or null). Followers hear each new
   * value once; `shared(name, owner, show)` calls `show(value)` now and at every change. */
  const shares = {};
  page.share = function (name, value) {
    const text = JSON.stringify(value === undefined ? null : value);
    if (shares[name] === text) return;
    shares[name] = text;
    window.dispatchEvent(new CustomEvent("atlas:shared", { detail: { name: name } }));
  };
  page.current = function (name) { return name in shares ? JSON.parse(shares[name]) : null; };
  page.shared = function (name, owner, show) {
    const slot = "__shared_" + name;
    if (owner[slot]) window.removeEventListener("atlas:shared", owner[slot]);
    owner[slot] = function (ev) { if (ev.detail.name === name) show(page.current(name)); };
    window.addEventListener("atlas:shared", owner[slot]);
    show(page.current(name));
  };

  /* The essay's mentions: `ref` (a territory, group, place or event key) highlighted on every
   * map, or none (null); `frame` also frames it. */
  page.highlight = function (ref, frame) {
    window.dispatchEvent(new CustomEvent("atlas:highlight", { detail: { ref: ref, frame: !!frame } }));
  };
  page.onHighlight = function (show, signal) {
    window.addEventListener("atlas:highlight", function (ev) { show(ev.detail.ref, ev.detail.frame); },
                            { signal: signal });
  };

  /* A territory clicked on a map (or none): the essay shows the passages that mention it. */
  page.select = function (territory) {
    window.dispatchEvent(new CustomEvent("atlas:select", { detail: { territory: territory } }));
  };
  page.onSelect = function (show, signal) {
    window.addEventListener("atlas:select", function (ev) { show(ev.detail.territory); },
                            { signal: signal });
  };

  /* "20 August 1945" for "1945-08-20", as mapcore.story.full_day writes it. */
  const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric",
                                                 timeZone: "UTC" });
  page.dayText = function (iso) { return DAY.format(new Date(iso + "T00:00:00Z")); };

  /* Where `[` (which "previous") or `]` go from `when` ({year, date}): the day of a change
   * before or after the day shown, in `days` (ascending, made in Python), or null. A bare
   * year is its `yearEnd` ("MM-DD"). */
  page.changeDay = function (days, when, which, yearEnd) {
    const at = when.date || when.year + "-" + yearEnd;
    if (which === "previous") return days.filter(function (d) { return d < at; }).pop() || null;
    return days.find(function (d) { return d > at; }) || null;
  };

  /* A panel's data: fetched once per URL (the app), or given inline (the pack). */
  const fetched = {};
  page.load = function (url, inline) {
    if (inline) return Promise.resolve(inline);
    if (!fetched[url]) {
      fetched[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + r.statusText);
        return r.json();
      });
    }
    return fetched[url];
  };

  /* A panel's root element `div.CLASS` in `parent` (made once), with its style sheet linked. */
  page.panel = function (parent, className, style) {
    if (style && !parent.querySelector("link." + className + "-style")) {
      const link = document.createElement("link");
      link.className = className + "-style";
      link.rel = "stylesheet";
      link.href = style;
      parent.appendChild(link);
    }
    let root = parent.querySelector("." + className);
    if (!root) {
      root = document.createElement("div");
      root.className = className;
      parent.appendChild(root);
    }
    return root;
  };

  /* An element for a panel, its text (if any) set as text: nothing in it becomes markup. */
  page.el = function (tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  /* A panel that follows the Year's day: `render(root, loaded, year, date)` into its root
   * `div.CLASS` (see panel), with its data loaded once (`component.data.url`, or `inline`),
   * again only when the day shown changes; `what` names the data if it cannot be loaded. */
  page.mount = function (component, className, inline, render, what) {
    const data = component.data;
    const root = page.panel(component.parentElement, className, data.style);
    page.load(data.url, inline)
      .then(function (loaded) {
        page.follow(root, "year", function (year, date) {
          if (root.dataset.year !== String(year) || root.dataset.date !== (date || "")) {
            render(root, loaded, year, date);
          }
        }, { year: data.year, date: data.date || null });
      })
      .catch(function (err) { root.textContent = what + " could not be loaded (" + err + ")."; });
  };

  /* A key the atlas steps with: handled (true) if the binding takes it. */
  page.key = function (name) {
    if (STEP_KEYS.indexOf(name) < 0 || !page.handler) return false;
    if (name === "Escape" && !page.escape) { // not ours to stop: Esc still closes a menu, but
      page.handler(name);                     // the binding hears it (Python decides; a
      return false;                           // binding told of presenter mode late still acts)
    }
    return page.handler(name) !== false;
  };
  page.frameKey = function (name) { return FRAME_KEYS.indexOf(name) >= 0 && page.key(name); };

  function typing(t) {
    return t && t.closest && t.closest("input, textarea, select, [role=slider], [contenteditable]");
  }

  /* The binding: `reader(key)` reads a slider (or null), `handler(name)` acts on a key,
   * `chooser(key, year, date)` keeps a day chosen on the page, `escape` whether Esc means
   * something now (presenter mode). */
  page.bind = function (binding) {
    page.reader = binding.reader || null;
    page.handler = binding.handler || null;
    page.chooser = binding.chooser || null;
    page.escape = !!binding.escape;
  };

  // the atlas's keys from anywhere on the page; the slider and the menus keep their arrows
  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const arrow = ev.key === "ArrowLeft" || ev.key === "ArrowRight";
    if (arrow && typing(ev.target)) return;
    if (page.key(ev.key)) { // ours: the slider must not also take it (PageUp/PageDown)
      ev.preventDefault();
      ev.stopPropagation();
    }
  }, true);

  window.AtlasPage = page;
})();
