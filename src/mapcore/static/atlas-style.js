/* How the atlas map draws a status: SVG pattern fills made once per status and colours, the
 * outline, and the event markers' icons. One table, used by the map and by its legend (the
 * legend draws the same patterns in ink on white, so no status swatch looks like a power). */
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

  /* Each controller's colour, each followed by a gap of `gap` colour. */
  function bands(cols, width, gap, gapWidth) {
    const out = [];
    cols.forEach(function (c) {
      out.push([c, width]);
      if (gapWidth) out.push([gap, gapWidth]);
    });
    return out;
  }

  function pair(cols) { return cols.length > 1 ? cols : [cols[0], "#ffffff"]; }

  /* The fill of a territory: `cols` its controllers' colours; `claim` a claimant's colour. */
  function fill(status, cols, claim) {
    const id = "pat-" + status + "-" + cols.concat(claim || []).join("-").replace(/#/g, "");
    switch (status) {
      case "leased": return stripes(id, 45, bands(cols, 6, "#ffffff", 3));
      case "concession": return dots(id, cols);
      case "occupied": return stripes(id, -45, bands(cols, 5, "#e6e6e6", 5));
      case "puppet": return stripes(id, 0, bands(cols, 4, "#ffffff", 3));
      case "protectorate": return stripes(id, 90, bands(cols, 4, "#ffffff", 4));
      case "joint": return stripes(id, 45, bands(cols.length > 1 ? cols : cols.concat(cols), 7));
      case "contested": return stripes(id, 45, bands(pair(cols), 3), true);
      // the administrator's colour, with the claimant's as a fine thread: it reads as held by
      // the one that administers it, and the legend names the claim
      case "disputed": return stripes(id, -30, [[cols[0], 10], [claim && claim[0] || "#000", 1.5]]);
      default: return cols[0];
    }
  }

  /* A colour darkened by `k` (0..1): an outline in the territory's own colour keeps a small
   * island reading as its holder's, where a black outline would be most of what is drawn. */
  function darker(hex, k) {
    const n = parseInt(hex.slice(1), 16);
    const c = [n >> 16, (n >> 8) & 255, n & 255].map(function (v) { return Math.round(v * (1 - k)); });
    return "#" + c.map(function (v) { return (v < 16 ? "0" : "") + v.toString(16); }).join("");
  }

  function outline(status, cols) {
    switch (status) {
      case "contested": return { color: "#000000", weight: 2.5, dashArray: "3 4" };
      case "occupied": return { color: "#222222", weight: 1.6, dashArray: "7 4" };
      default: return { color: cols && cols.length === 1 ? darker(cols[0], 0.45) : "#222222",
                        weight: 1.2, dashArray: null };
    }
  }

  /* The legend's swatch for a status: its pattern in ink on white ("sovereign": plain). */
  function swatch(status) {
    if (status === "sovereign") return "#ffffff";
    return fill(status, status === "disputed" ? ["#ffffff"] : INK, [INK[0]]);
  }

  const SHAPES = {
    battle: "<path d='M11 1l2.6 6.4 6.9.5-5.3 4.4 1.7 6.7L11 15.3 5.1 19l1.7-6.7L1.5 7.9l6.9-.5z' fill='#b30000' stroke='#fff' stroke-width='1.2'/>",
    treaty: "<rect x='3' y='2' width='16' height='18' rx='2' fill='#1f3b73' stroke='#fff' stroke-width='1.5'/><path d='M6.5 8h9M6.5 12h9M6.5 16h6' stroke='#fff' stroke-width='1.6'/>",
    conference: "<circle cx='11' cy='11' r='9' fill='#2e7d32' stroke='#fff' stroke-width='1.5'/><circle cx='11' cy='11' r='3.5' fill='#fff'/>",
    meeting: "<circle cx='11' cy='11' r='9' fill='#2e7d32' stroke='#fff' stroke-width='1.5'/>",
    declaration: "<path d='M11 1.5l9.5 18H1.5z' fill='#6a1b9a' stroke='#fff' stroke-width='1.5'/>",
    operation: "<path d='M11 1.5l9.5 9.5-9.5 9.5-9.5-9.5z' fill='#455a64' stroke='#fff' stroke-width='1.5'/>",
  };

  function icon(kind) {
    return "<svg xmlns='" + SVG + "' width='22' height='22' viewBox='0 0 22 22' aria-hidden='true'>" +
      (SHAPES[kind] || SHAPES.operation) + "</svg>";
  }

  window.AtlasStyle = { fill: fill, outline: outline, swatch: swatch, icon: icon, SVG: SVG };
})();
