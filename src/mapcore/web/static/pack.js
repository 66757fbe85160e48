/* The classroom pack's binding of the atlas's browser controller (controller.js, the app's
 * too): its own year slider, the day steps, Play, Previous and Next change, `[` and `]`, the
 * label menu and the address. The map (L.atlas) and the panels follow the controller, as in
 * the app; what a day shows, where the steps go and which years a link can name all come from
 * the data's timeline (made in Python). #year=1945 or #date=1945-08-20 (and &lang=ja) opens
 * (and, edited, moves to) that year or day and language; one the atlas does not have gets a
 * note. Play steps by the year, or by the day of each change once a day is chosen, as the
 * app's does (atlasapp/state.py). A lesson (#lesson=ID&stop=N) runs as in the app: its
 * stops by the buttons, → / ← and PageDown / PageUp, each opened at its day; the slider still
 * moves inside a stop; its Quiz asks the stop's questions (made in Python) and reveals them.
 * The pack has no console and no class following: those need the app's server. */
(function () {
  "use strict";
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  const data = json("atlas-data"), essay = json("essay-data"), notes = json("notes-data");
  const lessons = json("lessons-data");
  const timeline = data.timeline;
  const controller = window.AtlasPage;
  const slider = document.getElementById("year-slider");
  const shown = document.getElementById("year-value");
  const play = document.getElementById("play");
  const language = document.getElementById("language");
  const linkNote = document.getElementById("link-note");
  const lessonChoice = document.getElementById("lesson-choice");
  const bar = document.getElementById("lesson-bar");
  const byId = function (id) { return document.getElementById(id); };
  lessons.forEach(function (lesson) {
    const option = document.createElement("option");
    option.value = lesson.id;
    option.textContent = lesson.title;
    lessonChoice.appendChild(option);
  });
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
  const atlas = L.atlas({ data: data, cards: true }).addTo(map);
  /* The map takes the window's height below whatever is over it (the lesson's bar, a note). */
  function fitMap() {
    const box = map.getContainer();
    const top = box.getBoundingClientRect().top + window.scrollY;
    const wide = window.matchMedia("(min-width: 901px)").matches;
    const h = wide ? Math.max(360, window.innerHeight - top - 10) : 0.7 * window.innerHeight;
    if (Math.abs(box.clientHeight - h) > 1) {
      box.style.height = Math.floor(h) + "px";
      map.invalidateSize({ animate: false });
    }
  }
  window.addEventListener("resize", fitMap);
  let day = null; // the day chosen in the slider's year (null: the bare year)

  function setYear(year, date) {
    year = Math.max(timeline.first, Math.min(timeline.last, year));
    day = date && Number(date.slice(0, 4)) === year && date !== timeline.years[year].date
      ? date : null;
    if (quiz && quiz.day !== (day || timeline.years[year].date)) endQuiz(); // asked of one day
    slider.value = String(year);
    shown.textContent = String(year);
    controller.set("year", year, day);
    writeAddress();
  }

  function writeAddress() { // a day stands for its year (as mapcore/links.py writes it)
    const lang = language.value === "en" ? "" : "&lang=" + language.value;
    const at = lesson ? "&lesson=" + encodeURIComponent(lesson.id) + "&stop=" + stopNumber : "";
    history.replaceState(null, "", (day ? "#date=" + day : "#year=" + slider.value) + at + lang);
  }

  /* --- a lesson: its stops, each at its day; its quiz ------------------------------------- */
  let lesson = null, stopNumber = 0, quiz = null;

  function openStop(number, keepDay) {
    number = Math.max(1, Math.min(lesson.stops.length, number));
    stopNumber = number;
    const s = lesson.stops[number - 1];
    endQuiz();
    controller.share("stop", s);
    if (!keepDay) { stop(); setYear(s.year, s.date); }
    drawBar();
    writeAddress();
  }
  function startLesson(id, number, keepDay) {
    lesson = lessons.find(function (l) { return l.id === id; }) || null;
    lessonChoice.value = lesson ? lesson.id : "";
    bar.hidden = !lesson;
    fitMap();
    if (lesson) return openStop(number || 1, keepDay);
    stopNumber = 0;
    endQuiz();
    controller.share("stop", null);
    writeAddress();
  }
  function drawBar() {
    const s = lesson.stops[stopNumber - 1];
    byId("stop-name").textContent = "Stop " + s.number + " of " + s.of + ": " + s.title;
    byId("stop-previous").disabled = s.number <= 1;
    byId("stop-next").disabled = s.number >= s.of;
    const pick = byId("quiz-pick");
    pick.textContent = "";
    s.quizzes.forEach(function (q, i) {
      const option = document.createElement("option");
      option.value = String(i);
      option.textContent = q.question;
      pick.appendChild(option);
    });
    byId("quiz-ask").disabled = !s.quizzes.length;
  }
  function showQuiz() {
    controller.share("quiz", quiz);
    byId("quiz-reveal").hidden = !quiz || quiz.revealed;
    byId("quiz-end").hidden = !quiz;
  }
  function ask() {
    const q = lesson.stops[stopNumber - 1].quizzes[Number(byId("quiz-pick").value)];
    if (!q) return;
    stop();
    setYear(Number(q.day.slice(0, 4)), q.day);
    quiz = Object.assign({}, q, { revealed: false });
    showQuiz();
  }
  function endQuiz() { quiz = null; showQuiz(); }
  lessonChoice.addEventListener("change", function () { startLesson(lessonChoice.value, 1); });
  byId("stop-previous").addEventListener("click", function () { openStop(stopNumber - 1); });
  byId("stop-next").addEventListener("click", function () { openStop(stopNumber + 1); });
  byId("quiz-ask").addEventListener("click", ask);
  byId("quiz-reveal").addEventListener("click", function () {
    if (quiz) { quiz = Object.assign({}, quiz, { revealed: true }); showQuiz(); }
  });
  byId("quiz-end").addEventListener("click", endQuiz);

  let timer = null;
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    play.textContent = "▶ Play";
  }
  /* Play's next step: on a day, the year's next day step (its last: the bare year); else, or
   * after the last, the next year. */
  function playNext() {
    const year = Number(slider.value);
    const later = day ? (notes.steps[year] || []).filter(function (s) { return s.date > day; }) : [];
    if (later.length) return setYear(year, later[0].end ? null : later[0].date);
    if (year >= timeline.last) return stop();
    setYear(year + 1);
  }
  function toggle() {
    if (timer) return stop();
    if (Number(slider.value) >= timeline.last && !day) setYear(timeline.first);
    play.textContent = "⏸ Pause";
    timer = setInterval(playNext, 1000);
  }
  function step(which) { // where Previous and Next change go: the timeline says (Python)
    const s = timeline.steps[slider.value];
    stop();
    setYear(which === "previous" ? s.previous : s.next);
  }
  /* `[` and `]`: the previous or next day of a change, across years (the notes' list). */
  function stepDay(which) {
    const to = controller.changeDay(notes.changeDays, controller.when("year"), which, notes.yearEnd);
    stop();
    if (to) setYear(Number(to.slice(0, 4)), to);
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
      if (lesson && (name === "ArrowRight" || name === "PageDown")) openStop(stopNumber + 1);
      else if (lesson && (name === "ArrowLeft" || name === "PageUp")) openStop(stopNumber - 1);
      else if (name === "PageUp") step("previous");
      else if (name === "PageDown") step("next");
      else if (name === "[") stepDay("previous");
      else if (name === "]") stepDay("next");
      else if (name === "ArrowLeft") { stop(); setYear(Number(slider.value) - 1); }
      else if (name === "ArrowRight") { stop(); setYear(Number(slider.value) + 1); }
      else return false;
    },
    chooser: function (key, year, date) { stop(); setYear(year, date); },
  });

  function mountPanels(year) {
    window.AtlasPanels.days({ data: { notes: notes, year: year, date: day },
                              parentElement: document.getElementById("days") });
    window.AtlasPanels.essay({
      data: { essay: essay, year: year, date: day, height: map.getContainer().clientHeight },
      setTriggerValue: function (key, id) {
        const p = essay.passages.find(function (q) { return q.id === id; });
        if (p) { stop(); setYear(p.jump); }
      },
      parentElement: document.getElementById("essay"),
    });
    window.AtlasPanels.notes({ data: { notes: notes, year: year, date: day },
                               parentElement: document.getElementById("notes") });
    window.AtlasPanels.lesson({ data: { stop: controller.current("stop"), quiz: quiz },
                                parentElement: document.getElementById("lesson") });
  }

  /* A real day YYYY-MM-DD in a year of the atlas, or null. */
  function realDay(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m || !(m[1] in timeline.years)) return null;
    const d = new Date(text + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === text ? text : null;
  }

  /* The address: #year=YYYY or #date=YYYY-MM-DD (and &lang=xx). A year or day the atlas does
   * not have opens the default year with a note saying so. */
  function readAddress() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    const lang = params.get("lang");
    if (lang && lang in data.vocab.languages) {
      language.value = lang;
      atlas.setLanguage(lang);
    }
    const rawDate = params.get("date");
    const date = rawDate === null ? null : realDay(rawDate.trim());
    const raw = params.get("year");
    const text = raw === null ? "" : raw.trim();
    const known = text in timeline.years;
    const range = " (" + timeline.first + "–" + timeline.last + "); showing " + timeline.default + ".";
    linkNote.textContent = rawDate !== null && !date
      ? "“" + rawDate.trim().slice(0, 24) + "” is not a day of the atlas (write it as 1945-08-20; " +
        timeline.first + "–" + timeline.last + "); showing " + timeline.default + "."
      : date || raw === null || known ? "" : "“" + text.slice(0, 24) + "” is not a year of the atlas" + range;
    linkNote.hidden = !linkNote.textContent;
    stop();
    if (date) setYear(Number(date.slice(0, 4)), date);
    else setYear(rawDate === null && known ? Number(text) : timeline.default);
    const wanted = params.get("lesson");
    if (wanted !== null) {
      const found = lessons.some(function (l) { return l.id === wanted.trim(); });
      const number = parseInt(params.get("stop") || "1", 10);
      if (!found) {
        linkNote.textContent = "The pack has no lesson “" + wanted.trim().slice(0, 40) + "”.";
        linkNote.hidden = false;
      }
      // a stop opens at its own day, unless the address names one (the slider moved in it)
      startLesson(found ? wanted.trim() : "", isNaN(number) ? 1 : number,
                  !!(date || (raw !== null && known)));
    } else if (lesson) {
      startLesson("");
    }
  }
  window.addEventListener("hashchange", readAddress);
  fitMap();
  readAddress();
  mountPanels(Number(slider.value));
})();
