"""The Folium elements: a base map that never changes, and a tiny per-step layer on top of it.

In the folium way, each element's template creates one Leaflet object: `AtlasLayer` an
`L.atlas(...)` layer (atlasmap.js) with its own state, which fetches the atlas's data once and
draws any year from its table; `YearLayer` tells that layer which year and settings to show.
The base map is identical on every rerun, so streamlit-folium keeps the same map (no remount,
the teacher's pan and zoom kept); a step sends only the YearLayer's few bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from . import mapview
from .assets import Assets
from .wire import StepMessage

ONLINE_TILES = {
    "OpenStreetMap": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "&copy; OpenStreetMap contributors",
    ),
    "CartoDB Positron": (
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
        "&copy; OpenStreetMap contributors &copy; CARTO",
    ),
}


# The atlas map's own scripts, in the order they load: each is a Leaflet plugin adding to `L`
# (L.Atlas.Style, L.Atlas.Labels, L.Atlas.Legend, L.Atlas.Cards, then L.Atlas itself).
MAP_SCRIPTS = (
    "atlas-style.js",
    "atlas-labels.js",
    "atlas-legend.js",
    "atlas-cards.js",
    "atlasmap.js",
)


@dataclass(frozen=True)
class MapAssets:
    """Where the browser finds Leaflet, the atlas map's scripts and style, and the data."""

    leaflet: Assets
    script_urls: tuple[str, ...]
    style_url: str
    data_url: str
    fonts_url: str = ""  # the @font-face rules of the atlas's CJK font


class AtlasLayer(JSCSSMixin, MacroElement):
    """The atlas layer: `L.atlas(options)` on the base map; loads the map's scripts (once)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.atlas(
                {{ this.options|tojson }}
            ).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, assets: MapAssets, slider_key: str = "year", sync: str | None = None,
                 cards: bool = False):  # fmt: skip
        super().__init__()
        self._name = "AtlasLayer"
        self.options: dict = {"dataUrl": assets.data_url, "sliderKey": slider_key}
        if cards:
            self.options["cards"] = True
        if sync:
            self.options["syncGroup"] = sync
        self.default_js = [(name.split(".")[0], url) for name, url
                           in zip(MAP_SCRIPTS, assets.script_urls, strict=True)]  # fmt: skip
        self.default_css = [("atlasmap_css", assets.style_url)]
        if assets.fonts_url:
            self.default_css.append(("atlas_fonts", assets.fonts_url))


class YearLayer(folium.FeatureGroup):
    """The step: which year and settings the map's atlas layer shows (its only message)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup();
            L.Atlas.of({{ this._parent.get_name() }}).show({{ this.message|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, message: StepMessage):
        super().__init__(name=f"year {message['year']}", control=False)
        self.message = message


def base_map(assets: MapAssets, slider_key: str = "year", sync: str | None = None,
             cards: bool = False) -> folium.Map:  # fmt: skip
    """The map every rerun passes to st_folium unchanged: no tiles, Leaflet served locally.

    `slider_key` is the key of the page's Year slider, which the map follows to redraw at once;
    maps given the same `sync` group pan and zoom together (compare mode); `cards`: the map
    names each change of control a step crosses (the atlas view, not compare's two maps).
    """
    m = folium.Map(
        location=mapview.CENTER,
        zoom_start=mapview.ZOOM,
        tiles=None,
        min_zoom=mapview.MIN_ZOOM,
        max_zoom=mapview.MAX_ZOOM,
        control_scale=True,
        world_copy_jump=False,
    )
    m.default_js = list(assets.leaflet.js)
    m.default_css = list(assets.leaflet.css)
    AtlasLayer(assets, slider_key, sync, cards).add_to(m)
    return m


def tiles_option(name: str | None) -> dict | None:
    """The online tile layer the teacher switched on, if any (None: the atlas's own land)."""
    if not name or name not in ONLINE_TILES:
        return None
    url, attribution = ONLINE_TILES[name]
    return {"url": url, "attribution": attribution}
