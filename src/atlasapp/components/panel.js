/* A panel beside the map (the essay, the year's notes): mapcore.web's own script, the same one
 * the classroom pack inlines, loaded once from the content-hashed URL the app published for it
 * (`data.module`), then drawn by its entry in window.AtlasPanels (`data.panel`). */
const loading = window.__atlasScripts || (window.__atlasScripts = {});

function loadScript(url) {
  if (!loading[url]) {
    loading[url] = new Promise(function (resolve, reject) {
      const s = document.createElement("script");
      s.src = url;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + url)); };
      document.head.appendChild(s);
    });
  }
  return loading[url];
}

export default function (component) {
  const data = component.data;
  return Promise.all([loadScript(data.controller), loadScript(data.module)]).then(function () {
    return window.AtlasPanels[data.panel](component);
  });
}
