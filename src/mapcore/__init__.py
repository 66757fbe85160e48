"""mapcore: the atlas of Russo-Japanese relations, 1850 to today, with no Streamlit in it.

>>> atlas = load_atlas()
>>> atlas.controller("iturup", datetime.date(1950, 6, 1))
'russia'
"""

from .atlas import Atlas, default_geodata, load_atlas, read_atlas
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
    "YearRange",
    "default_geodata",
    "in_force",
    "load_atlas",
    "read_atlas",
    "reference_day",
    "resolve",
    "validate",
]
