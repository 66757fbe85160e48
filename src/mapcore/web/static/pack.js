/* The classroom pack's binding of the atlas's browser controller (controller.js, the app's
 * too): its own year slider, Play, Previous and Next change, the label menu and the address.
 * The map (L.atlas) and the panels follow the controller, as in the app; what a year shows,
 * where Previous and Next change go and which years a link can name all come from the data's
 * timeline (made in Python). #year=1945&lang=ja opens (and, edited, moves to) that year and
 * language; a year the atlas does not have gets a note. */
(function () {
  "use strict";
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  const data = json("atlas-data"), essay = json("essay-data"), notes = json("notes-data");
  const timeline = data.timeline;
  const controller = window.AtlasPage;
  const slider = document.getElementById("year-slider");
  const shown = document.getElementById("year-value");
  const play = document.getElementById("play");
  const language = document.getElementById("language");
  const linkNote = document.getElementById("link-note");
  slider.min = timeline.first;
  slider.max = timeline.last;
  Object.keys(data.vocab.languages).forEach(function (code) {
    const option = document.createElement("option");
    option.value = code;
    option.textContent = data.vocab.languages[code];
    language.appendChild(option);
  });

  const map = L.map("map", { center: data.view.center, zoom: data.view.zoom });
  L.control.scale().addTo(map);
  const atlas = L.atlas({ data: data }).addTo(map);

  function setYear(year) {
    year = Math.max(timeline.first, Math.min(timeline.last, year));
    slider.value = String(year);
    shown.textContent = String(year);
    controller.set("year", year);
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
    if (Number(slider.value) >= timeline.last) setYear(timeline.first);
    play.textContent = "⏸ Pause";
    timer = setInterval(function () {
      if (Number(slider.value) >= timeline.last) return stop();
      setYear(Number(slider.value) + 1);
    }, 1000);
  }
  function step(which) { // where Previous and Next change go: the timeline says (Python)
    const s = timeline.steps[slider.value];
    stop();
    setYear(which === "previous" ? s.previous : s.next);
  }
  play.addEventListener("click", toggle);
  document.getElementById("previous").addEventListener("click", function () { step("previous"); });
  document.getElementById("next").addEventListener("click", function () { step("next"); });
  slider.addEventListener("input", function () { stop(); setYear(Number(slider.value)); });
  language.addEventListener("change", function () {
    atlas.setLanguage(language.value);
    writeAddress();
  });

  controller.bind({
    reader: function (key) { return key === "year" && slider.value ? Number(slider.value) : null; },
    handler: function (name) {
      if (name === "PageUp") step("previous");
      else if (name === "PageDown") step("next");
      else if (name === "ArrowLeft") { stop(); setYear(Number(slider.value) - 1); }
      else if (name === "ArrowRight") { stop(); setYear(Number(slider.value) + 1); }
      else return false;
    },
  });

  function mountPanels(year) {
    window.AtlasPanels.essay({
      data: { essay: essay, year: year, height: map.getContainer().clientHeight },
      setTriggerValue: function (key, id) {
        const p = essay.passages.find(function (q) { return q.id === id; });
        if (p) { stop(); setYear(p.jump); }
      },
      parentElement: document.getElementById("essay"),
    });
    window.AtlasPanels.notes({ data: { notes: notes, year: year },
                               parentElement: document.getElementById("notes") });
  }

  /* The address: #year=YYYY (and &lang=xx). A year the atlas does not have opens the default
   * year with a note saying so. */
  function readAddress() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    const lang = params.get("lang");
    if (lang && lang in data.vocab.languages) {
      language.value = lang;
      atlas.setLanguage(lang);
    }
    const raw = params.get("year");
    const text = raw === null ? "" : raw.trim();
    const known = text in timeline.years;
    linkNote.textContent = raw === null || known ? "" : "“" + text.slice(0, 24) + "” is not a " +
      "year of the atlas (" + timeline.first + "–" + timeline.last + "); showing " +
      timeline.default + ".";
    linkNote.hidden = !linkNote.textContent;
    stop();
    setYear(known ? Number(text) : timeline.default);
  }
  window.addEventListener("hashchange", readAddress);
  readAddress();
  mountPanels(Number(slider.value));
})();
