/* The classroom pack's controller: the year slider, play, the essay and the year's notes, all
 * in the browser. The map and the panels are the app's own modules (atlasmap.js, essay.js,
 * year.js), given their data inline instead of fetching it. */
(function () {
  "use strict";
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  const data = json("atlas-data"), essay = json("essay-data"), notes = json("notes-data");
  const years = Object.keys(data.years.years).map(Number);
  const first = Math.min.apply(null, years), last = Math.max.apply(null, years);
  const changeYears = Object.keys(notes.changes).map(Number).sort(function (a, b) { return a - b; });
  const slider = document.getElementById("year-slider");
  const shown = document.getElementById("year-value");
  const play = document.getElementById("play");
  const essayPanel = document.getElementById("essay");
  const notesPanel = document.getElementById("notes");
  slider.min = first;
  slider.max = last;

  const map = L.map("map", { center: [45.5, 131.0], zoom: 4, minZoom: 3, maxZoom: 10 });
  L.control.scale().addTo(map);
  AtlasMap.init(map, { data: data });

  function speaksOf(p, year) {
    return p.ranges.some(function (r) { return r[0] <= year && (r[1] === null || year <= r[1]); });
  }

  function setYear(year) {
    year = Math.max(first, Math.min(last, year));
    slider.value = String(year);
    shown.textContent = String(year);
    AtlasMap.showYear(year);
    const active = essay.passages.filter(function (p) { return speaksOf(p, year); });
    const specific = active.filter(function (p) { return !p.general; });
    const focus = active.reduce(function (a, p) { return !a || p.span < a.span ? p : a; }, null);
    AtlasEssay({
      data: { essay: essay, year: year, height: map.getContainer().clientHeight,
              active: active.map(function (p) { return p.id; }),
              primary: specific.map(function (p) { return p.id; }),
              focus: focus ? focus.id : null },
      setTriggerValue: function (key, id) {
        const p = essay.passages.find(function (q) { return q.id === id; });
        if (p) { stop(); setYear(p.jump); }
      },
      parentElement: essayPanel,
    });
    AtlasYearNotes({ data: { notes: notes, year: year }, parentElement: notesPanel });
    history.replaceState(null, "", "#year=" + year);
  }

  let timer = null;
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    play.textContent = "▶ Play";
  }
  play.addEventListener("click", function () {
    if (timer) return stop();
    if (Number(slider.value) >= last) setYear(first);
    play.textContent = "⏸ Pause";
    timer = setInterval(function () {
      if (Number(slider.value) >= last) return stop();
      setYear(Number(slider.value) + 1);
    }, 1000);
  });
  document.getElementById("previous").addEventListener("click", function () {
    const earlier = changeYears.filter(function (y) { return y < Number(slider.value); });
    stop();
    setYear(earlier.length ? earlier[earlier.length - 1] : first);
  });
  document.getElementById("next").addEventListener("click", function () {
    const later = changeYears.filter(function (y) { return y > Number(slider.value); });
    stop();
    setYear(later.length ? later[0] : last);
  });
  slider.addEventListener("input", function () { stop(); setYear(Number(slider.value)); });
  document.getElementById("language").addEventListener("change", function (ev) {
    AtlasMap.setLanguage(ev.target.value);
  });
  const asked = /year=(\d{4})/.exec(location.hash);
  setYear(asked ? Number(asked[1]) : 1905);
})();
