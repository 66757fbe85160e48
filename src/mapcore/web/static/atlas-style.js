/* How the atlas map draws a status: SVG pattern fills made once per status and colours, the
 * outline, and the event markers' icons, each from the vocabulary's entry (defined in Python,
 * mapcore.vocab); the map and its legend share them (the legend draws the patterns in ink on
 * white, so no status swatch looks like a power). A Leaflet plugin: L.Atlas.Style. */
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const INK = ["#3a3a3a", "#9a9a9a"]; // the legend's stand-in colours for "any power"
  const made = {};
  let defs = null;

  function holder() {
    if (defs && defs.isConnected) return defs;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "0");
    svg.setAttribute("height", "0");
    svg.setAttribute("aria-hidden", "true");
    svg.style.position = "absolute";
    defs = document.createElementNS(SVG, "defs");
    svg.appendChild(defs);
    document.body.appendChild(svg);
    return defs;
  }

  function node(tag, attrs) {
    const el = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  /* Stripes: [colour, width] bands, repeated, turned by `angle`; `cross` adds the same bands
   * at right angles (a hatch). */
  function stripes(id, angle, bands, cross) {
    if (made[id]) return "url(#" + id + ")";
    const size = bands.reduce(function (s, b) { return s + b[1]; }, 0);
    const p = node("pattern", { id: id, patternUnits: "userSpaceOnUse", width: size,
      height: size, patternTransform: "rotate(" + angle + ")" });
    let x = 0;
    bands.forEach(function (b) {
      p.appendChild(node("rect", { x: x, y: 0, width: b[1], height: size, fill: b[0] }));
      x += b[1];
    });
    if (cross) {
      let y = 0;
      bands.forEach(function (b, i) {
        if (i % 2 === 0) p.appendChild(node("rect", { x: 0, y: y, width: size, height: b[1],
          fill: b[0], "fill-opacity": 0.55 }));
        y += b[1];
      });
    }
    holder().appendChild(p);
    made[id] = true;
    return "url(#" + id + ")";
  }

  function dots(id, cols) {
    if (made[id]) return "url(#" + id + ")";
    const w = 7 * cols.length;
    const p = node("pattern", { id: id, patternUnits: "userSpaceOnUse", width: w, height: 7 });
    p.appendChild(node("rect", { width: w, height: 7, fill: "#ffffff" }));
    cols.forEach(function (c, i) {
      p.appendChild(node("circle", { cx: 3.5 + 7 * i, cy: 3.5, r: 2.6, fill: c }));
    });
    holder().appendChild(p);
    made[id] = true;
    return "url(#" + id + ")";
  }

  /* Each holder's colour, each followed by a band of the gap colour. */
  function bands(cols, width, gap, gapWidth) {
    const out = [];
    cols.forEach(function (c) {
      out.push([c, width]);
      if (gapWidth) out.push([gap, gapWidth]);
    });
    return out;
  }

  /* The fill of a territory: `status` the vocabulary's entry (its pattern, made in Python),
   * `cols` its holders' colours, `claim` a claimant's colour. */
  function fill(id, status, cols, claim) {
    const p = status.pattern;
    const key = "pat-" + id + "-" + cols.concat(claim || []).join("-").replace(/#/g, "");
    if (p.kind === "dots") return dots(key, cols);
    if (p.kind !== "stripes") return cols[0];
    let held = cols;
    if (p.pair && cols.length < 2) held = [cols[0], "#ffffff"];
    if (p.repeat && cols.length < 2) held = cols.concat(cols);
    let list = bands(held, p.width, p.gap, p.gapWidth);
    if (p.claimWidth) list = [[cols[0], p.width], [(claim && claim[0]) || "#000000", p.claimWidth]];
    return stripes(key, p.angle, list, p.cross);
  }

  /* A colour darkened by `k` (0..1): an outline in the territory's own colour keeps a small
   * island reading as its holder's, where a black outline would be most of what is drawn. */
  function darker(hex, k) {
    const n = parseInt(hex.slice(1), 16);
    const c = [n >> 16, (n >> 8) & 255, n & 255].map(function (v) { return Math.round(v * (1 - k)); });
    return "#" + c.map(function (v) { return (v < 16 ? "0" : "") + v.toString(16); }).join("");
  }

  function outline(status, cols) {
    const o = status.outline;
    const own = cols && cols.length === 1 ? darker(cols[0], 0.45) : "#222222";
    return { color: o.colour || own, weight: o.weight, dashArray: o.dash || null };
  }

  /* The legend's swatch for a status: its pattern in ink on white (a plain one: white). */
  function swatch(id, status) {
    if (status.pattern.kind === "plain") return "#ffffff";
    return fill(id, status, status.pattern.claimWidth ? ["#ffffff"] : INK, [INK[0]]);
  }

  function icon(kind) {
    return "<svg xmlns='" + SVG + "' width='22' height='22' viewBox='0 0 22 22' aria-hidden='true'>" +
      kind.icon + "</svg>";
  }

  L.Atlas = L.Atlas || {};
  L.Atlas.Style = { fill: fill, outline: outline, swatch: swatch, icon: icon, SVG: SVG };
})();
