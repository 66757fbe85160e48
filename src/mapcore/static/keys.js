/* Arrow keys step the year from anywhere on the page; the slider, inputs and the map (its own
 * frame) keep their keys. The latest trigger function is kept, since each run passes a new one. */
export default function (component) {
  window.__atlasKeys = component.setTriggerValue;
  if (window.__atlasKeysBound) return;
  window.__atlasKeysBound = true;
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "ArrowLeft" && ev.key !== "ArrowRight") return;
    const t = ev.target;
    if (t && t.closest && t.closest("input, textarea, select, [role=slider], [contenteditable]")) {
      return;
    }
    window.__atlasKeys("key", ev.key + ":" + Date.now());
  });
}
