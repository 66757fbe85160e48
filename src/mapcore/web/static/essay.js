/* The essay beside the map: every passage, the year's passages highlighted and scrolled into
 * view, the others dimmed; clicking a passage asks the app (or the pack) to show its year.
 * Which passages a year has, and which one to show, come from the essay's table (made in
 * Python). The text is fetched once and set with textContent, so nothing in it can become
 * markup. A classic script: window.AtlasPanels.essay(component).
 */
(function () {
"use strict";
function text(tag, className, value) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = value;
  return el;
}

/* The passage's text with its mentions marked: each occurrence of a mention's phrase becomes a
 * span with data-ref (the feature it names); the longer phrase wins where two overlap. The text
 * is the author's, untouched: only text nodes and spans are made. */
function marked(body, mentions) {
  const hits = [];
  (mentions || []).slice().sort(function (a, b) { return b.phrase.length - a.phrase.length; })
    .forEach(function (m) {
      for (let at = body.indexOf(m.phrase); at >= 0; at = body.indexOf(m.phrase, at + 1)) {
        const end = at + m.phrase.length;
        if (!hits.some(function (h) { return at < h.end && h.start < end; })) {
          hits.push({ start: at, end: end, ref: m.ref });
        }
      }
    });
  hits.sort(function (a, b) { return a.start - b.start; });
  const out = document.createDocumentFragment();
  let from = 0;
  hits.forEach(function (h) {
    out.appendChild(document.createTextNode(body.slice(from, h.start)));
    const span = document.createElement("span");
    span.className = "mention";
    span.dataset.ref = h.ref;
    span.tabIndex = 0;
    span.textContent = body.slice(h.start, h.end);
    const on = function () { window.AtlasPage.highlight(h.ref, false); };
    const off = function () { window.AtlasPage.highlight(null, false); };
    span.addEventListener("mouseenter", on);
    span.addEventListener("focus", on);
    span.addEventListener("mouseleave", off);
    span.addEventListener("blur", off);
    // a click frames the feature; the passage (its parent) moves to its year
    span.addEventListener("click", function () { window.AtlasPage.highlight(h.ref, true); });
    span.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") window.AtlasPage.highlight(h.ref, true);
    });
    out.appendChild(span);
    from = h.end;
  });
  out.appendChild(document.createTextNode(body.slice(from)));
  return out;
}

function build(root, essay, trigger) {
  root.textContent = "";
  root.appendChild(text("h3", "essay-title", essay.title));
  essay.passages.forEach(function (p) {
    if (p.part === "comment" && !root.querySelector(".essay-comments")) {
      root.appendChild(text("h4", "essay-comments", essay.heading));
    }
    const el = document.createElement("article");
    el.className = "passage passage-" + p.part;
    el.dataset.id = p.id;
    el.tabIndex = 0;
    el.setAttribute("role", "button");
    el.title = "Show " + p.jump + " on the map";
    el.appendChild(text("div", "passage-years", p.years));
    const para = text("p", "passage-text", p.marker ? p.marker + " " : "");
    para.appendChild(marked(p.text, p.mentions));
    el.appendChild(para);
    el.addEventListener("click", function () { trigger("clicked", p.id); });
    el.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); trigger("clicked", p.id); }
    });
    root.appendChild(el);
  });
  root.dataset.built = "1";
}

function highlight(root, sel, year, present) {
  const active = new Set(sel.active);
  const primary = new Set(sel.primary);
  let first = null;
  root.querySelectorAll("article.passage").forEach(function (el) {
    const on = active.has(el.dataset.id);
    el.classList.toggle("active", on);
    el.classList.toggle("primary", primary.has(el.dataset.id));
    el.classList.toggle("dim", !on);
    el.classList.toggle("focus", el.dataset.id === sel.focus);
    if (el.dataset.id === sel.focus) first = el;
  });
  root.classList.toggle("present", !!(present && sel.focus));
  root.dataset.year = String(year);
  root.dataset.active = sel.active.join(" ");
  root.__fit = present && first ? first : null;
  if (root.__fit) fitText(root, root.__fit);
  else root.querySelectorAll("article.passage").forEach(function (el) { el.style.fontSize = ""; });
  if (first && root.dataset.scrolledFor !== first.dataset.id) align(root, first);
}

/* The year's selection, at a lesson's stop: the first of the stop's passages that speaks of
 * the year is the one shown first (the stop was made with it; the slider may have moved). */
function withStop(sel, stop) {
  const first = stop && stop.passages.find(function (id) { return sel.active.indexOf(id) >= 0; });
  return first ? { active: sel.active, primary: sel.primary, focus: first } : sel;
}

/* A territory clicked on the map: the passages that mention it, marked and the first scrolled
 * to; none (null) lets go. From the essay's table (made in Python). */
function mentioned(root, essay, territory) {
  const ids = new Set((territory && essay.mentioning[territory]) || []);
  let first = null;
  root.querySelectorAll("article.passage").forEach(function (el) {
    const on = ids.has(el.dataset.id);
    el.classList.toggle("mentioned", on);
    if (on && !first) first = el;
  });
  if (territory) root.dataset.mentioned = territory;
  else delete root.dataset.mentioned;
  if (first) align(root, first);
}

/* Presenter mode: the year's passage in the largest type that fits the panel (27 px down to
 * 16 px), so it never runs off the bottom of the window. */
function fitText(root, passage) {
  if (!root.clientHeight) return; // not laid out yet: the ResizeObserver calls again
  for (let size = 27; size >= 16; size -= 1) {
    passage.style.fontSize = size + "px";
    if (passage.offsetHeight <= root.clientHeight - 8) break;
  }
  root.querySelectorAll("article.passage").forEach(function (el) {
    if (el !== passage) el.style.fontSize = "";
  });
}

/* Keep `passage` at the top of the panel (not the page) for a few seconds: the panel may not
 * be laid out yet, and the text reflows when the fonts arrive, so re-align on every resize. */
function align(root, passage) {
  root.__align = { passage: passage, until: performance.now() + 3000 };
  if (!root.__watch) {
    root.__watch = new ResizeObserver(function () {
      if (root.__fit) fitText(root, root.__fit);
      const a = root.__align;
      if (a && performance.now() < a.until) place(root, a.passage);
    });
    root.__watch.observe(root);
    root.querySelectorAll("article.passage").forEach(function (el) { root.__watch.observe(el); });
  }
  place(root, passage);
}

function place(root, passage) {
  if (!root.clientHeight) return; // not laid out yet: the ResizeObserver calls again
  root.scrollTop += passage.getBoundingClientRect().top - root.getBoundingClientRect().top - 6;
  root.dataset.scrolledFor = passage.dataset.id;
}

function essayPanel(component) {
  const { data, setTriggerValue, parentElement } = component;
  const root = window.AtlasPage.panel(parentElement, "essay", data.style);
  if (data.height) root.style.height = data.height + "px";
  window.AtlasPage.load(data.url, data.essay)
    .then(function (essay) {
      const source = data.url || "inline";
      if (root.dataset.url !== source) {
        build(root, essay, setTriggerValue);
        root.dataset.url = source;
      }
      const show = function (year, date) { // the passages speak of years; the day is kept
        const sel = essay.years[year];
        if (sel) highlight(root, withStop(sel, window.AtlasPage.current("stop")), year, data.present);
        root.dataset.date = date || "";
      };
      // the Year slider, through the controller: the panel moves with the map at once
      window.AtlasPage.follow(root, "year", show, { year: data.year, date: data.date || null });
      // a lesson's stop: its passages marked, the first the year has shown first
      window.AtlasPage.shared("stop", root, function (stop) {
        const ids = new Set(stop ? stop.passages : []);
        root.querySelectorAll("article.passage").forEach(function (el) {
          el.classList.toggle("stop-passage", ids.has(el.dataset.id));
        });
        if (stop) root.dataset.stop = String(stop.number);
        else delete root.dataset.stop;
        if (root.dataset.year) show(Number(root.dataset.year), root.dataset.date || null);
      });
      if (!root.__selecting) {
        root.__selecting = true;
        window.AtlasPage.onSelect(function (territory) { mentioned(root, essay, territory); });
      }
    })
    .catch(function (err) {
      root.textContent = "The essay could not be loaded (" + err + "). Reload the page.";
    });
}

window.AtlasPanels = window.AtlasPanels || {};
window.AtlasPanels.essay = essayPanel;
})();
