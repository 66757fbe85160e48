/* The app's binding of the atlas's browser controller (mapcore.web's controller.js) to
 * Streamlit's page: the only code that knows Streamlit's elements, through the selectors in
 * `data.hooks` (atlasapp/page_hooks.py lists each with why; tests/test_page_browser.py checks
 * each on the running app and names the one an upgrade broke).
 *
 * - It reads each Year slider and tells the controller the moment it moves, so the map, the
 *   essay and the notes redraw before the server answers; it keeps the address's year, or the
 *   day (`date`, which stands for its year: atlas/links.py writes the same) once one is chosen.
 * - It sends a day chosen on the page (a day step, or `[` / `]` within the year) to Python,
 *   which keeps it.
 * - It fits each of our `fit-…` boxes to the window (the box's --fit-h is the height left
 *   below its top, which the map's frame and the essay panel take).
 * - It shares what Python decided besides the year (a lesson's stop, a quiz) with every part
 *   of the page that follows them (the controller's `share`).
 * - It sends the atlas's keys to Python (a trigger), which decides what they do. Each key
 *   and day sent is numbered and kept until Python's data lists its number as handled: one
 *   lost on the way (sent while the page was redrawn, or beside another) is sent again.
 */
import { loadScript } from "./scripts.js";

const FIT_MARGIN = 10; // px left under a fitted box
const RETRY_MS = 1200; // a key or day not acknowledged by then is sent again...
const TRIES = 4; // ...this many times at most
const FIT_MIN = 240;
const MAP_TALLEST = 1.4; // a map is at most this many times as tall as it is wide: a taller
                         // frame would need more land than the atlas has to fill it
const own = window.__atlasPage || (window.__atlasPage = {
  sliders: [], hooks: null, trigger: null, watched: new WeakSet(), fitting: false, dates: {},
  pending: [], seq: 0, retry: null,
});

/* Send a key or a day to Python (trigger `kind`, "value:number:try"), kept until handled. */
function send(kind, value) {
  if (!own.trigger) return;
  own.seq = Math.max(own.seq + 1, Date.now()); // rising, and above an earlier page's
  const sent = { kind: kind, value: value, seq: own.seq, tries: 0 };
  own.pending.push(sent);
  deliver(sent);
}

function deliver(sent) { // each try a new value: the same one twice would not be sent
  sent.tries += 1;
  sent.at = Date.now();
  own.trigger(sent.kind, sent.value + ":" + sent.seq + ":" + sent.tries);
  if (!own.retry) own.retry = setTimeout(retry, RETRY_MS);
}

/* A trigger sent while the page is redrawn (entering presenter mode), or two sent while one
 * rerun runs, can be lost on the way: what no run has come back listing in time is sent
 * again, a few times at most (Python acts once on each number). */
function retry() {
  own.retry = null;
  own.pending = own.pending.filter(function (p) { return p.tries < TRIES; });
  const late = own.pending.filter(function (p) { return Date.now() - p.at >= RETRY_MS; });
  if (late.length && own.trigger) deliver(late[0]);
  else if (own.pending.length) own.retry = setTimeout(retry, RETRY_MS);
}

/* This run's data lists the numbers Python handled lately: those are done. */
function acknowledged(handled) {
  own.pending = own.pending.filter(function (p) { return handled.indexOf(p.seq) < 0; });
}

function sliderInput(key) {
  return document.querySelector(own.hooks.slider.replace("{key}", key));
}

function readSlider(key) {
  if (own.sliders.indexOf(key) < 0) return null;
  const input = sliderInput(key);
  if (!input) return null;
  const year = parseInt(input.value, 10);
  return isNaN(year) ? null : year;
}

function announce(key) {
  const year = readSlider(key);
  if (year === null) return;
  window.AtlasPage.set(key, year, own.dates[key] || null);
  const when = window.AtlasPage.when(key);
  keepAddress(key, year, when ? when.date : null);
}

/* A slider's key is its parameter in the link; the Year's day, once chosen, is `date` instead
 * (mapcore/links.py, link_params). */
function keepAddress(key, year, date) {
  const url = new URL(window.location.href);
  const dated = key === "year" && date;
  if (dated) {
    url.searchParams.delete(key);
    url.searchParams.set("date", date);
  } else {
    url.searchParams.set(key, String(year));
    if (key === "year") url.searchParams.delete("date");
  }
  if (url.href === window.location.href) return;
  window.history.replaceState(window.history.state, "", url);
}

/* The atlas's keys go to Python, which decides; `[` and `]` to a day of the slider's own year
 * are drawn at once (the notes' list, made in Python, says where they go) and Python keeps the
 * day; to another year they wait for Python, which moves the slider. */
function keyHandler(name) {
  if ((name === "[" || name === "]") && own.notes) {
    const when = window.AtlasPage.when("year");
    const to = when && window.AtlasPage.changeDay(own.notes.changeDays, when,
      name === "[" ? "previous" : "next", own.notes.yearEnd);
    if (to && Number(to.slice(0, 4)) === when.year) {
      window.AtlasPage.choose("year", when.year, to);
      return;
    }
  }
  send("key", name);
}

function chosen(key, year, date) { // a day step: kept here until Python's answer says it too
  own.dates[key] = date;
  keepAddress(key, year, date);
  send("day", date || String(year));
}

function watchSliders() {
  own.sliders.forEach(function (key) {
    const input = sliderInput(key);
    if (!input || own.watched.has(input)) return;
    own.watched.add(input);
    // keys and drags: the input's own event, before any rerun
    input.addEventListener("input", function () { announce(key); });
    // the server's moves (Next change, Play, a passage clicked) change its attributes
    new MutationObserver(function () { announce(key); })
      .observe(input, { attributes: true, attributeFilter: [own.hooks.sliderValue, "value"] });
    announce(key);
  });
}

/* --- fitting boxes to the window ----------------------------------------------------------- */

/* How far down the page a box starts when the page is scrolled to the top. */
function topOf(el) {
  let scrolled = window.scrollY;
  for (let e = el.parentElement; e; e = e.parentElement) scrolled += e.scrollTop;
  return el.getBoundingClientRect().top + scrolled;
}

function fit() {
  document.querySelectorAll(own.hooks.fitBox).forEach(function (box) {
    const top = topOf(box);
    // a box that starts low (stacked under the map on a phone) gets most of a screen
    let h = top > 0.6 * window.innerHeight ? 0.75 * window.innerHeight
      : window.innerHeight - top - FIT_MARGIN;
    if (box.querySelector(own.hooks.fitFrame)) h = Math.min(h, MAP_TALLEST * box.clientWidth);
    box.style.setProperty("--fit-h", Math.max(FIT_MIN, Math.floor(h)) + "px");
  });
}

function fitSoon() {
  if (own.fitting) return;
  own.fitting = true;
  requestAnimationFrame(function () { own.fitting = false; fit(); });
}

function installStyle() {
  if (document.getElementById("atlas-page-style")) return;
  const style = document.createElement("style");
  style.id = "atlas-page-style";
  style.textContent = own.hooks.fitBox + " " + own.hooks.fitFrame +
    " { height: var(--fit-h, 560px) !important; display: block; }";
  document.head.appendChild(style);
  window.addEventListener("resize", fitSoon);
  new ResizeObserver(fitSoon).observe(document.body);
  if (document.fonts) document.fonts.ready.then(fitSoon);
}

export default function (component) {
  const data = component.data || {};
  own.hooks = data.hooks;
  own.sliders = data.sliders || [];
  own.trigger = data.keys === false ? null : component.setTriggerValue;
  own.dates = { year: data.date || null }; // the day Python keeps (null: the bare year)
  installStyle();
  fitSoon();
  return loadScript(data.controller).then(function () {
    if (data.notes) window.AtlasPage.load(data.notes).then(function (n) { own.notes = n; });
    window.AtlasPage.bind({
      reader: readSlider,
      escape: !!data.present,
      handler: own.trigger ? keyHandler : null,
      chooser: own.trigger ? chosen : null,
    });
    watchSliders();
    own.sliders.forEach(announce); // the server's day, as this run has it
    if (own.sliders.indexOf("year") < 0 && typeof data.year === "number") { // no slider (the
      window.AtlasPage.set("year", data.year, data.date || null);            // projector)
    }
    const shared = data.shared || {};
    Object.keys(shared).forEach(function (name) { window.AtlasPage.share(name, shared[name]); });
    acknowledged(data.handled || []);
    requestAnimationFrame(function () { watchSliders(); fit(); });
  });
}
