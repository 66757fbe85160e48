"""The Folium map: a base that never changes (no remount), and a small, safe per-year layer."""

from __future__ import annotations

import re

import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from mapcore.web import elements as layers
from mapcore.web.assets import Assets

ASSETS = layers.MapAssets(
    leaflet=Assets(
        js=(("leaflet", "/app/static/vendor/l.js"),), css=(("lc", "/app/static/vendor/l.css"),)
    ),
    script_urls=tuple(f"/app/static/atlas/{name}" for name in layers.MAP_SCRIPTS),
    style_url="/app/static/atlas/atlasmap.css",
    data_url="/app/static/atlas/atlas.json",
)


def step(year: int, lang: str = "en") -> dict:
    return {"year": year, "lang": lang, "tiles": None}


def rendered(year_state: dict) -> tuple[str, str, list[str]]:
    m = layers.base_map(ASSETS)
    m.get_root().render()
    script = _get_map_string(m)
    group = _get_feature_group_string(layers.YearLayer(year_state), map=m)
    links = [src for e in m._children.values() for _, src in getattr(e, "default_js", [])]
    return script, group, [*[src for _, src in m.default_js], *links]


def test_the_base_map_is_the_same_for_every_year(atlas):
    """streamlit-folium keys the map on its script: the same script means no remount."""
    hashes = {
        generate_js_hash(rendered(step(y))[0], "atlas-map", False) for y in (1850, 1905, 1945, 2016)
    }
    assert len(hashes) == 1


def test_nothing_is_loaded_from_a_cdn(atlas):
    script, group, links = rendered(step(1905))
    assert links == ["/app/static/vendor/l.js", *ASSETS.script_urls]
    assert "http" not in script and "http" not in group
    assert "tileLayer" not in script  # no tile server unless the teacher turns one on


def test_the_year_layer_carries_the_years_state(atlas):
    _, group, _ = rendered(step(1905))
    assert '"year": 1905' in group and "L.Atlas.of(map_div).show(" in group
    assert len(group) < 1000  # a step sends the year and the settings, nothing else


def test_data_cannot_break_out_of_the_script(atlas):
    state = {**step(1905), "lang": "</script><script>alert(1)</script>"}
    _, group, _ = rendered(state)
    assert "</script>" not in group
    assert re.search(r"\\u003c/script\\u003e", group)


@pytest.mark.parametrize(
    ("name", "expected"),
    [(None, None), ("nonsense", None), ("OpenStreetMap", "tile.openstreetmap.org")],
)
def test_online_tiles_only_when_switched_on(name, expected):
    option = layers.tiles_option(name)
    assert (option is None) if expected is None else expected in option["url"]
