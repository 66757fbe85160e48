/* A panel beside the map (the essay, the year's notes): mapcore.web's own script, the same one
 * the classroom pack inlines (`data.module`), drawn by its entry in window.AtlasPanels
 * (`data.panel`) once the controller it follows is there. */
import { loadScript } from "./scripts.js";

export default function (component) {
  const data = component.data;
  return Promise.all([loadScript(data.controller), loadScript(data.module)]).then(function () {
    return window.AtlasPanels[data.panel](component);
  });
}
