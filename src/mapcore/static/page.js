/* The page's one bridge to Streamlit's own elements: the only code that knows them.
 *
 * - It follows each Year slider in the browser and tells the atlas's parts at once: an
 *   "atlas:year" event on window (the essay and the notes listen there; the map, in its
 *   frame, listens on its parent), and it keeps the address's year in step. The server's
 *   rerun, when it comes, only confirms what is drawn.
 * - It fits each of our ".st-key-fit-…" boxes to the window: the box's --fit-h is the height
 *   left below its top, which the map's frame and the essay panel take.
 * - It forwards the atlas's keys, pressed anywhere on the page or in the map's frame.
 * What it relies on in Streamlit's page is in HOOKS; tests/test_page_browser.py checks each
 * one on the running app and names the one an upgrade broke.
 */
const HOOKS = {
  // A keyed widget's element carries the class "st-key-KEY" (documented); inside a slider,
  // the native range input holds the value (value and aria-valuetext follow every move).
  slider: function (key) { return ".st-key-" + key + " input[type=range]"; },
  // A keyed container's element carries "st-key-KEY"; a v1 component draws in an iframe.
  fitBox: "[class*='st-key-fit-']",
  fitFrame: "iframe",
};
const STEP_KEYS = ["ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Escape"];
const FIT_MARGIN = 10; // px left under a fitted box
const FIT_MIN = 240;
const MAP_TALLEST = 1.4; // a map is at most this many times as tall as it is wide: a taller
                         // frame would need more land than the atlas has to fill it

const page = window.AtlasPage || (window.AtlasPage = {
  sliders: [], values: {}, trigger: null, present: false, watched: new WeakSet(),
});

/* --- the Year sliders ------------------------------------------------------------------ */

function readSlider(key) {
  const input = document.querySelector(HOOKS.slider(key));
  if (!input) return null;
  const year = parseInt(input.value, 10);
  return isNaN(year) ? null : year;
}

function announce(key, year) {
  if (year === null || page.values[key] === year) return;
  page.values[key] = year;
  window.dispatchEvent(new CustomEvent("atlas:year", { detail: { key: key, year: year } }));
  keepAddress(key, year);
}

function keepAddress(key, year) { // a slider's key is its parameter in the link (links.py)
  const url = new URL(window.location.href);
  if (url.searchParams.get(key) === String(year)) return;
  url.searchParams.set(key, String(year));
  window.history.replaceState(window.history.state, "", url);
}

function watchSliders() {
  page.sliders.forEach(function (key) {
    const input = document.querySelector(HOOKS.slider(key));
    if (!input || page.watched.has(input)) return;
    page.watched.add(input);
    // the server's moves (Next change, Play, a passage clicked) change the attributes
    new MutationObserver(function () { announce(key, readSlider(key)); })
      .observe(input, { attributes: true, attributeFilter: ["aria-valuetext", "value"] });
    announce(key, readSlider(key));
  });
}

// keys and drags reach the slider's input first, before any rerun
document.addEventListener("input", function (ev) {
  page.sliders.forEach(function (key) {
    if (ev.target.closest && ev.target.closest(".st-key-" + key)) announce(key, readSlider(key));
  });
}, true);

/* The year a slider shows now (null if it is not on the page): what the map draws. */
page.value = function (key) {
  const year = readSlider(key);
  return year === null ? (key in page.values ? page.values[key] : null) : year;
};

/* One panel (`owner`) follows slider `key`: `show(year)` now, with the slider's year (or
 * `fallback` if there is none), and at every move; calling again replaces the panel's last. */
page.follow = function (owner, key, show, fallback) {
  if (owner.__follow) window.removeEventListener("atlas:year", owner.__follow);
  owner.__follow = function (ev) { if (ev.detail.key === key) show(ev.detail.year); };
  window.addEventListener("atlas:year", owner.__follow);
  const year = page.value(key);
  show(year === null ? fallback : year);
};

/* --- fitting boxes to the window ----------------------------------------------------------- */

/* How far down the page a box starts when the page is scrolled to the top. */
function topOf(el) {
  let scrolled = window.scrollY;
  for (let e = el.parentElement; e; e = e.parentElement) scrolled += e.scrollTop;
  return el.getBoundingClientRect().top + scrolled;
}

function fit() {
  document.querySelectorAll(HOOKS.fitBox).forEach(function (box) {
    const top = topOf(box);
    // a box that starts low (stacked under the map on a phone) gets most of a screen
    let h = top > 0.6 * window.innerHeight ? 0.75 * window.innerHeight
      : window.innerHeight - top - FIT_MARGIN;
    if (box.querySelector(HOOKS.fitFrame)) h = Math.min(h, MAP_TALLEST * box.clientWidth);
    box.style.setProperty("--fit-h", Math.max(FIT_MIN, Math.floor(h)) + "px");
  });
}

function fitSoon() {
  if (page.fitting) return;
  page.fitting = true;
  requestAnimationFrame(function () { page.fitting = false; fit(); });
}

function installStyle() {
  if (document.getElementById("atlas-page-style")) return;
  const style = document.createElement("style");
  style.id = "atlas-page-style";
  style.textContent = HOOKS.fitBox + " " + HOOKS.fitFrame +
    " { height: var(--fit-h, 560px) !important; display: block; }";
  document.head.appendChild(style);
  window.addEventListener("resize", fitSoon);
  new ResizeObserver(fitSoon).observe(document.body);
  if (document.fonts) document.fonts.ready.then(fitSoon);
}

/* --- keys --------------------------------------------------------------------------------- */

function typing(t) {
  return t && t.closest && t.closest("input, textarea, select, [role=slider], [contenteditable]");
}

page.key = function (key) {
  if (STEP_KEYS.indexOf(key) < 0 || !page.trigger) return false;
  if (key === "Escape" && !page.present) return false;
  page.trigger("key", key + ":" + Date.now());
  return true;
};

document.addEventListener("keydown", function (ev) {
  if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const arrow = ev.key === "ArrowLeft" || ev.key === "ArrowRight";
  if (arrow && typing(ev.target)) return; // the slider and the menus keep their arrows
  if (page.key(ev.key)) { // ours: the slider must not also take it (PageUp/PageDown)
    ev.preventDefault();
    ev.stopPropagation();
  }
}, true);
window.addEventListener("atlas:key", function (ev) { page.key(ev.detail); });

export default function (component) {
  const data = component.data || {};
  page.trigger = data.keys === false ? null : component.setTriggerValue;
  page.sliders = data.sliders || [];
  page.present = !!data.present;
  installStyle();
  watchSliders();
  requestAnimationFrame(function () { watchSliders(); fit(); });
  fitSoon();
}
