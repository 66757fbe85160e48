/* The classroom pack's controller: the year slider, play, the essay and the year's notes, all
 * in the browser. The map and the panels are the app's own modules (atlas-*.js, essay.js,
 * year.js), given their data inline instead of fetching it. The address's #year=1945&lang=ja
 * opens (and, edited, moves to) that year and language; a year it cannot take gets a note. */
(function () {
  "use strict";
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  const data = json("atlas-data"), essay = json("essay-data"), notes = json("notes-data");
  const years = Object.keys(data.years.years).map(Number);
  const first = Math.min.apply(null, years), last = Math.max.apply(null, years);
  const changeYears = Object.keys(notes.changes).map(Number).sort(function (a, b) { return a - b; });
  const DEFAULT_YEAR = 1905;
  const slider = document.getElementById("year-slider");
  const shown = document.getElementById("year-value");
  const play = document.getElementById("play");
  const language = document.getElementById("language");
  const linkNote = document.getElementById("link-note");
  const essayPanel = document.getElementById("essay");
  const notesPanel = document.getElementById("notes");
  slider.min = first;
  slider.max = last;

  const map = L.map("map", { center: [45.5, 131.0], zoom: 4 });
  L.control.scale().addTo(map);
  AtlasMap.init(map, { data: data });

  function setYear(year) {
    year = Math.max(first, Math.min(last, year));
    slider.value = String(year);
    shown.textContent = String(year);
    AtlasMap.showYear(year);
    const row = essay.years[year];
    AtlasEssay({
      data: { essay: essay, year: year, height: map.getContainer().clientHeight,
              active: row[0], primary: row[1], focus: row[2] },
      setTriggerValue: function (key, id) {
        const p = essay.passages.find(function (q) { return q.id === id; });
        if (p) { stop(); setYear(p.jump); }
      },
      parentElement: essayPanel,
    });
    AtlasYearNotes({ data: { notes: notes, year: year }, parentElement: notesPanel });
    writeAddress();
  }

  function writeAddress() {
    const lang = language.value === "en" ? "" : "&lang=" + language.value;
    history.replaceState(null, "", "#year=" + slider.value + lang);
  }

  let timer = null;
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    play.textContent = "▶ Play";
  }
  function toggle() {
    if (timer) return stop();
    if (Number(slider.value) >= last) setYear(first);
    play.textContent = "⏸ Pause";
    timer = setInterval(function () {
      if (Number(slider.value) >= last) return stop();
      setYear(Number(slider.value) + 1);
    }, 1000);
  }
  function previousChange() {
    const earlier = changeYears.filter(function (y) { return y < Number(slider.value); });
    stop();
    setYear(earlier.length ? earlier[earlier.length - 1] : first);
  }
  function nextChange() {
    const later = changeYears.filter(function (y) { return y > Number(slider.value); });
    stop();
    setYear(later.length ? later[0] : last);
  }
  play.addEventListener("click", toggle);
  document.getElementById("previous").addEventListener("click", previousChange);
  document.getElementById("next").addEventListener("click", nextChange);
  slider.addEventListener("input", function () { stop(); setYear(Number(slider.value)); });
  language.addEventListener("change", function () {
    AtlasMap.setLanguage(language.value);
    writeAddress();
  });

  /* Keys from anywhere: the arrows step a year (the slider and the menu keep their own),
   * PageUp / PageDown (what presentation clickers send) jump to the changes. */
  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const own = ev.target === slider || ev.target === language;
    let handled = true;
    if (ev.key === "PageUp") previousChange();
    else if (ev.key === "PageDown") nextChange();
    else if (!own && ev.key === "ArrowLeft") { stop(); setYear(Number(slider.value) - 1); }
    else if (!own && ev.key === "ArrowRight") { stop(); setYear(Number(slider.value) + 1); }
    else handled = false;
    if (handled) ev.preventDefault();
  });

  /* The address: #year=YYYY (and &lang=xx). A year that is not one, or outside the atlas,
   * opens the nearest sensible one with a note saying so. */
  function readAddress() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    const lang = params.get("lang");
    if (lang && language.querySelector("option[value='" + CSS.escape(lang) + "']")) {
      language.value = lang;
      AtlasMap.setLanguage(lang);
    }
    const raw = params.get("year");
    let note = "";
    let year = DEFAULT_YEAR;
    if (raw !== null) {
      const text = raw.trim();
      const value = Number(text);
      if (!/^[+-]?\d+(\.\d*)?$/.test(text)) {
        note = "“" + text.slice(0, 24) + "” is not a year; showing " + DEFAULT_YEAR + ".";
      } else {
        year = Math.trunc(value);
        if (year !== value) note = text + " is not a whole year; showing " + year + ". ";
        if (year < first) { note += text + " is before " + first + ", when the atlas begins; showing " + first + "."; year = first; }
        else if (year > last) { note += text + " is after " + last + "; showing " + last + "."; year = last; }
      }
    }
    linkNote.textContent = note.trim();
    linkNote.hidden = !note;
    stop();
    setYear(year);
  }
  window.addEventListener("hashchange", readAddress);
  readAddress();
})();
