/* "Add this view as a stop": a button that sends Python the map's frame as the teacher left
 * it (the map reports it to the controller, shared "view"), with the day Python already has.
 * Its own button, since a Streamlit button cannot carry what the browser knows. */
import { loadScript } from "./scripts.js";

const STYLE = "button{font:inherit;font-size:15px;padding:6px 12px;border-radius:8px;" +
  "border:1px solid rgba(49,51,63,.25);background:#fff;color:#31333f;cursor:pointer}" +
  "button:hover{border-color:#0b4f8a;color:#0b4f8a}button:focus-visible{outline:3px solid #0b4f8a}";

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  return loadScript(data.controller).then(function () {
    let b = parentElement.querySelector("button.atlas-add-stop");
    if (!b) {
      const style = document.createElement("style");
      style.textContent = STYLE;
      parentElement.appendChild(style);
      b = document.createElement("button");
      b.type = "button";
      b.className = "atlas-add-stop";
      parentElement.appendChild(b);
    }
    b.textContent = data.label;
    b.title = "A stop at the day shown, framed as the map is now";
    b.onclick = function () {
      const view = window.AtlasPage.current("view");
      setTriggerValue("add", JSON.stringify(view || null) + "|" + Date.now());
    };
  });
}
