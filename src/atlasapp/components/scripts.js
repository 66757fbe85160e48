/* mapcore.web's classic scripts (the controller, the panels), each loaded once per page from
 * the content-hashed URL the app published for it. */
const loading = window.__atlasScripts || (window.__atlasScripts = {});

export function loadScript(url) {
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
