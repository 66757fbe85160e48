/* The change cards, a Leaflet plugin (L.Atlas.Cards): when a step crosses a change of control,
 * a card on the map names it: the day, the territory, from whom to whom, the instrument with
 * its article, and (one click away, so that the map stays in sight) the source and the day's
 * events. Several crossed at once are paged (‹ ›), from the first of the latest day; the text
 * can be selected, and Copy puts the whole card on the clipboard. Which cards a step brings is
 * the map's lookup (atlasmap.js); what a card says comes whole from the data
 * (mapcore.story.change_card, in Python), set with textContent: nothing in it becomes markup.
 * The card sits bottom right or top right, wherever it hides less of the map.
 */
(function () {
  "use strict";
  const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long",
                                                       timeZone: "UTC" });

  /* "20 August" for "1945-08-20": the year box names the day in full with its year. */
  function dayMonth(iso) {
    return DAY_MONTH.format(new Date(iso + "T00:00:00Z"));
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function button(label, title, act) {
    const b = el("button", "atlas-card-button", label);
    b.type = "button";
    b.title = title;
    b.setAttribute("aria-label", title);
    L.DomEvent.on(b, "click", function (ev) { L.DomEvent.stop(ev); act(); });
    return b;
  }

  /* The cards' control on `map`. `hover(territories)` highlights what a card names on the map
   * (null lets go); `cost(rect, territories)` says how much a card at `rect` would hide (the
   * territories it names above all); `changed()` after the teacher acts. */
  function create(map, hover, cost, changed) {
    const box = L.DomUtil.create("div", "atlas-cards");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    // one box, moved between corners (setPosition adds the control again: onAdd returns it)
    const Control = L.Control.extend({ onAdd: function () { return box; } });
    const control = new Control({ position: "bottomright" }).addTo(map);
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Changes of control crossed");
    box.style.display = "none";
    box.__cards = { list: [], at: 0, open: false, folded: false, control: control,
                    hover: hover, cost: cost, changed: changed };
    box.addEventListener("mouseenter", function () {
      const s = box.__cards;
      if (s.list.length) s.hover(s.list[s.at].territories);
    });
    box.addEventListener("mouseleave", function () { box.__cards.hover(null); });
    return box;
  }

  /* The cards a step brought (the data's, in date order): the first of the latest day is
   * shown first. `folded`: only the day and the name, one click from the rest (a lesson's
   * stop, whose caption tells the story and whose frame the card must not hide). */
  function show(box, cards, folded) {
    const s = box.__cards;
    s.list = cards.slice();
    s.folded = !!folded;
    const latest = s.list.length ? s.list[s.list.length - 1].date : "";
    s.at = Math.max(0, s.list.findIndex(function (c) { return c.date === latest; }));
    render(box);
  }

  function copy(text, done) {
    const fallback = function () { // a frame without clipboard permission, file:// in some
      const area = el("textarea");
      area.value = text;
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      area.remove();
      done(ok);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  /* The card whole (its source too, folded or not), one fact a line. */
  function quoted(card) {
    return [card.day, card.name, card.was + " → " + card.now, "Instrument: " + card.instrument,
            "Source: " + card.source].concat(card.events.length ? ["That day: " +
            card.events.join("; ")] : []).join("\n");
  }

  function render(box) {
    const s = box.__cards;
    box.textContent = "";
    if (!s.list.length) {
      box.style.display = "none";
      box.removeAttribute("data-card-date");
      return;
    }
    box.style.display = "";
    const card = s.list[s.at];
    const head = el("div", "atlas-card-head");
    if (s.list.length > 1) { // "‹ Change 2 of 5 ›"
      const nav = el("span", "atlas-card-nav atlas-card-kind");
      nav.appendChild(button("‹", "Previous card", function () { page(box, -1); }));
      nav.appendChild(el("span", "atlas-card-count",
                         "Change " + (s.at + 1) + " of " + s.list.length));
      nav.appendChild(button("›", "Next card", function () { page(box, 1); }));
      head.appendChild(nav);
    } else {
      head.appendChild(el("span", "atlas-card-kind", "Change of control"));
    }
    const body = el("article", "atlas-card");
    const copyButton = button("Copy", "Copy the card's text", function () {
      copy(quoted(card), function (ok) { copyButton.textContent = ok ? "Copied" : "Select to copy"; });
    });
    copyButton.classList.add("atlas-card-copy");
    head.appendChild(copyButton);
    head.appendChild(button("×", "Close the card", function () {
      s.list = [];
      s.hover(null);
      render(box);
      s.changed();
    }));
    box.appendChild(head);
    body.appendChild(el("div", "atlas-card-day", card.day));
    body.appendChild(el("h3", "atlas-card-name", card.name));
    box.classList.toggle("atlas-cards-folded", s.folded);
    if (s.folded) {
      body.appendChild(button("Show the change", "The card in full", function () {
        s.folded = false;
        render(box);
        s.changed();
      }));
      box.appendChild(body);
      box.setAttribute("data-card-date", card.date);
      box.setAttribute("data-card-territories", card.territories.join(" "));
      place(box, card);
      return;
    }
    body.appendChild(el("p", "atlas-card-change", card.was + " → " + card.now));
    body.appendChild(el("p", "atlas-card-instrument", "Instrument: " + card.instrument));
    // the source and the day's events: one click away, so the card leaves the map in sight
    const more = el("details", "atlas-card-more");
    more.open = s.open;
    more.addEventListener("toggle", function () { s.open = more.open; s.changed(); });
    more.appendChild(el("summary", "", "Source" + (card.events.length ? " and that day" : "")));
    more.appendChild(el("p", "atlas-card-source", "Source: " + card.source));
    if (card.events.length) {
      more.appendChild(el("p", "atlas-card-events", "That day: " + card.events.join("; ")));
    }
    body.appendChild(more);
    box.appendChild(body);
    box.setAttribute("data-card-date", card.date);
    box.setAttribute("data-card-territories", card.territories.join(" "));
    place(box, card);
  }

  /* Bottom right or top right (under the year): wherever the card hides less of the map
   * (`cost` of its box, the map's measure; the first wins a tie). */
  function place(box, card) {
    const s = box.__cards;
    let best = null;
    ["bottomright", "topright"].forEach(function (corner) {
      if (s.control.getPosition() !== corner) s.control.setPosition(corner);
      const cost = s.cost(box.getBoundingClientRect(), card.territories);
      if (best === null || cost < best.cost) best = { corner: corner, cost: cost };
    });
    if (s.control.getPosition() !== best.corner) s.control.setPosition(best.corner);
  }

  function page(box, by) {
    const s = box.__cards;
    s.at = (s.at + by + s.list.length) % s.list.length;
    render(box);
    s.hover(s.list[s.at].territories);
    s.changed();
  }

  L.Atlas = L.Atlas || {};
  /* The map moved under the card (a lesson's stop flown to): its corner chosen again. */
  function again(box) {
    const s = box.__cards;
    if (s.list.length) place(box, s.list[s.at]);
  }

  L.Atlas.Cards = { create: create, show: show, again: again, dayMonth: dayMonth };
})();
