"""The Folium map: a base that never changes, and a small per-year layer on top of it.

The base map is identical on every rerun, so streamlit-folium keeps the same map (no remount,
the teacher's pan and zoom kept); it loads the atlas's geometry once from a static file. Each
step sends only `YearLayer`, whose script hands the year's state to the map's own script.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from .assets import Assets

CENTER = (45.5, 131.0)  # North-East Asia: Lake Baikal's meridian to Kamchatka
ZOOM = 4
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


# The atlas map's own scripts, in the order they load (each adds one global the next uses).
MAP_SCRIPTS = ("atlas-style.js", "atlas-labels.js", "atlas-legend.js", "atlasmap.js")


@dataclass(frozen=True)
class MapAssets:
    """Where the browser finds Leaflet, the atlas map's scripts and style, and the data."""

    leaflet: Assets
    script_urls: tuple[str, ...]
    style_url: str
    data_url: str
    fonts_url: str = ""  # the @font-face rules of the atlas's CJK font


class AtlasBase(JSCSSMixin, MacroElement):
    """Loads the atlas map's script and data into the base map (once)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            AtlasMap.init({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, assets: MapAssets, slider_key: str = "year", sync: str | None = None):
        super().__init__()
        self._name = "AtlasBase"
        self.options = {"dataUrl": assets.data_url, "sliderKey": slider_key}
        if sync:
            self.options["syncGroup"] = sync
        self.default_js = [(name.split(".")[0], url) for name, url
                           in zip(MAP_SCRIPTS, assets.script_urls, strict=True)]  # fmt: skip
        self.default_css = [("atlasmap_css", assets.style_url)]
        if assets.fonts_url:
            self.default_css.append(("atlas_fonts", assets.fonts_url))


class YearLayer(folium.FeatureGroup):
    """The year's state, handed to the map's script: the only thing a slider step sends."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup();
            AtlasMap.show({{ this.state|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, state: dict):
        super().__init__(name=f"year {state['year']}", control=False)
        self.state = state


def base_map(assets: MapAssets, slider_key: str = "year", sync: str | None = None) -> folium.Map:
    """The map every rerun passes to st_folium unchanged: no tiles, Leaflet served locally.

    `slider_key` is the key of the page's Year slider, which the map watches to redraw at once;
    maps given the same `sync` group pan and zoom together (compare mode).
    """
    m = folium.Map(
        location=CENTER,
        zoom_start=ZOOM,
        tiles=None,
        min_zoom=3,
        max_zoom=10,
        control_scale=True,
        world_copy_jump=False,
    )
    m.default_js = list(assets.leaflet.js)
    m.default_css = list(assets.leaflet.css)
    AtlasBase(assets, slider_key, sync).add_to(m)
    return m


def tiles_option(name: str | None) -> dict | None:
    """The online tile layer the teacher switched on, if any (None: the atlas's own land)."""
    if not name or name not in ONLINE_TILES:
        return None
    url, attribution = ONLINE_TILES[name]
    return {"url": url, "attribution": attribution}
