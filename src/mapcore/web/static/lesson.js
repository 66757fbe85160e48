/* A lesson's stop beside the map: where in the lesson, the day, the title and the caption for
 * the class; a quiz's question, its choices and (once revealed) its answer. The teacher's
 * console adds what only the teacher sees: the note, the question's answer, the next stop's
 * title, a clock, and the class code with its links. Everything comes from the shared "stop"
 * and "quiz" (mapcore.web.stops, made in Python) and is set with textContent. A classic
 * script: window.AtlasPanels.lesson(component).
 *
 * data: {stop, quiz} (what this run shows; shared with the page, so the map and the essay
 * follow them too), console (the teacher's screen), classCode, since (ms: when the class began).
 */
(function () {
"use strict";
function el(tag, className, text) { return window.AtlasPage.el(tag, className, text); }

function classLink(code, projector) {
  const url = new URL(window.location.href);
  url.search = "";
  url.hash = "";
  url.searchParams.set("class", code);
  if (projector) url.searchParams.set("present", "1");
  return url.href;
}

function quizBox(quiz) {
  const box = el("div", "lesson-quiz");
  box.dataset.quiz = quiz.revealed ? "revealed" : "asked";
  box.appendChild(el("div", "lesson-quiz-label", quiz.revealed ? "Quiz: the answer" : "Quiz"));
  box.appendChild(el("p", "lesson-quiz-question", quiz.question));
  if (quiz.choices.length) {
    const list = el("ol", "lesson-quiz-choices");
    list.type = "A";
    quiz.choices.forEach(function (c) {
      const item = el("li", "", c);
      if (quiz.revealed && c === quiz.answer) item.className = "lesson-quiz-right";
      list.appendChild(item);
    });
    box.appendChild(list);
  }
  if (quiz.revealed) box.appendChild(el("p", "lesson-quiz-answer", quiz.detail || quiz.answer));
  return box;
}

function clock(root, since) {
  const face = el("span", "lesson-clock");
  const tick = function () {
    const now = new Date();
    const minutes = since ? Math.floor((Date.now() - since) / 60000) : null;
    face.textContent = now.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) +
      (minutes === null ? "" : " · " + minutes + " min into the class");
  };
  tick();
  if (root.__clock) clearInterval(root.__clock);
  root.__clock = setInterval(tick, 15000);
  return face;
}

function render(root, data, stop, quiz) {
  root.textContent = "";
  root.dataset.stop = stop ? String(stop.number) : "";
  root.dataset.quiz = quiz ? (quiz.revealed ? "revealed" : "asked") : "";
  if (stop) {
    root.appendChild(el("div", "lesson-where", "Stop " + stop.number + " of " + stop.of + " · " +
                        stop.when));
    root.appendChild(el("h3", "lesson-title", stop.title));
    root.appendChild(el("p", "lesson-caption", stop.caption));
  }
  if (quiz) root.appendChild(quizBox(quiz));
  if (!data.console) return;
  const mine = el("div", "lesson-console");
  mine.setAttribute("aria-label", "For the teacher only");
  if (data.classCode) {
    const code = el("div", "lesson-class");
    code.appendChild(el("span", "lesson-class-label", "Class code "));
    code.appendChild(el("strong", "lesson-class-code", data.classCode));
    const open = el("button", "lesson-projector", "Open the projector view");
    open.type = "button";
    open.title = "A window with only the map, the caption and the passage, following this one";
    open.addEventListener("click", function () {
      window.open(classLink(data.classCode, true), "atlas-projector");
    });
    code.appendChild(open);
    const link = el("a", "lesson-class-link", classLink(data.classCode, false));
    link.href = link.textContent;
    link.target = "_blank";
    link.rel = "noopener";
    const students = el("div", "lesson-class-students", "Students open ");
    students.appendChild(link);
    code.appendChild(students);
    mine.appendChild(code);
  }
  const line = el("div", "lesson-console-line");
  line.appendChild(clock(root, data.since));
  if (stop) {
    line.appendChild(el("span", "lesson-next", stop.next ? "Next: " + (stop.number + 1) + ". " +
                        stop.next : "The last stop."));
  }
  mine.appendChild(line);
  if (stop && stop.note) mine.appendChild(el("p", "lesson-note", "Note: " + stop.note));
  if (stop && stop.question && !(quiz && quiz.question === stop.question)) {
    mine.appendChild(el("p", "lesson-question", "Ask: " + stop.question));
    mine.appendChild(el("p", "lesson-answer", "Answer: " + stop.answer));
  }
  root.appendChild(mine);
}

function lessonPanel(component) {
  const data = component.data;
  const root = window.AtlasPage.panel(component.parentElement, "lesson", data.style);
  // this run's stop and quiz: shared at once (page.js shares the same), so nothing waits
  window.AtlasPage.share("stop", data.stop || null);
  window.AtlasPage.share("quiz", data.quiz || null);
  const draw = function () {
    render(root, data, window.AtlasPage.current("stop"), window.AtlasPage.current("quiz"));
  };
  window.AtlasPage.shared("stop", root, draw);
  window.AtlasPage.shared("quiz", root, draw);
}

window.AtlasPanels = window.AtlasPanels || {};
window.AtlasPanels.lesson = lessonPanel;
window.AtlasLesson = { render: render, classLink: classLink };
})();
