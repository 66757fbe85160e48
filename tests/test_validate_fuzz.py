"""Whatever a hand edit does to a feature, the validator answers with problems, never a crash."""

from __future__ import annotations

import json
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapcore import load_atlas, validate
from mapcore.atlas import DEFAULT_GEODATA

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
KEYS = [
    "territory",
    "controller",
    "status",
    "start",
    "end",
    "name",
    "instrument",
    "source",
    "claimant",
    "successors",
    "origin",
    "controller_name",
    "notes",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(index=st.integers(0, 131), key=st.sampled_from([*KEYS, "geometry"]), value=JSON)
def test_any_value_in_any_property_is_reported_not_raised(tmp_path_factory, index, key, value):
    path = tmp_path_factory.mktemp("ed") / "geodata"
    shutil.copytree(DEFAULT_GEODATA, path)
    doc = json.loads((path / "territories.geojson").read_text(encoding="utf-8"))
    feature = doc["features"][index % len(doc["features"])]
    if key == "geometry":
        feature["geometry"] = value
    else:
        feature["properties"][key] = value
    (path / "territories.geojson").write_text(json.dumps(doc), encoding="utf-8")
    problems = validate(path)  # must not raise, whatever the value
    assert all(str(p).startswith("territories.geojson") for p in problems)
    if not problems:  # a harmless edit (e.g. other notes): the atlas still loads
        load_atlas(path)
