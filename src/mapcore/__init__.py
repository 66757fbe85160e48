"""mapcore: the atlas of Russo-Japanese relations, 1850 to today, with no Streamlit in it.

The core reads and checks an edition and answers questions about any day; `mapcore.web`
turns it into what a browser draws (the map's data, the folium elements, the classroom pack).

>>> atlas = load_atlas()
>>> atlas.controller("iturup", datetime.date(1950, 6, 1))
'russia'
"""

from .atlas import Atlas, default_geodata, load_atlas, packaged_geodata, read_atlas
from .model import (
    Area,
    AtlasError,
    Change,
    Difference,
    Event,
    Line,
    Passage,
    Period,
    Place,
    Problem,
    Selection,
    YearRange,
    in_force,
)
from .timeline import reference_day, resolve
from .validate import validate
from .vocab import ATLAS_START

__all__ = [
    "ATLAS_START",
    "Area",
    "Atlas",
    "AtlasError",
    "Change",
    "Difference",
    "Event",
    "Line",
    "Passage",
    "Period",
    "Place",
    "Problem",
    "Selection",
    "YearRange",
    "default_geodata",
    "in_force",
    "load_atlas",
    "packaged_geodata",
    "read_atlas",
    "reference_day",
    "resolve",
    "validate",
]
