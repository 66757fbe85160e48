/* A follower's page (the projector, a student's device): the teacher's latest moment, handed
 * to the controller the moment Python's poll sees it, so the map, the essay and the caption
 * redraw at once (the page's own run, which moves the greyed slider and the notes, follows).
 * Each moment once: `data.version` rises with each new one. */
import { loadScript } from "./scripts.js";

export default function (component) {
  const data = component.data || {};
  return loadScript(data.controller).then(function () {
    if (!data.version || window.__atlasFollowed === data.version) return;
    window.__atlasFollowed = data.version;
    const page = window.AtlasPage;
    page.share("stop", data.stop || null);
    page.share("quiz", data.quiz || null);
    page.set("year", data.year, data.date || null);
  });
}
