"""Editions for testing: copies of the real geodata, broken or made hostile on purpose."""

from __future__ import annotations

import json
import shutil
import tomllib
from dataclasses import replace
from pathlib import Path

from mapcore.atlas import DEFAULT_GEODATA
from mapcore.passages import original_lines, read_passages, text_digest

# Each would run a script if it reached the page as markup; it sets window.top.__xss if it does.
HOSTILE = [
    "<script>window.top.__xss = 'script'</script>",
    "<img src=x onerror=\"window.top.__xss = 'img'\">",
    "<a href=\"javascript:window.top.__xss = 'link'\">click</a>",
    "javascript:window.top.__xss = 'bare'",
    "[md link](javascript:window.top.__xss = 'md')",
]


def hostile(i: int) -> str:
    return f"{HOSTILE[i % len(HOSTILE)]} #{i}"


def copy_geodata(target: Path) -> Path:
    shutil.copytree(DEFAULT_GEODATA, target)
    return target


def make_hostile(target: Path) -> Path:
    """A valid edition whose every text field carries markup that must show as plain text."""
    copy_geodata(target)
    n = 0

    def spoil(props: dict, keys: tuple[str, ...]) -> None:
        nonlocal n
        for key in keys:
            if isinstance(props.get(key), str) and props[key]:
                props[key] = f"{props[key]} {hostile(n)}"
                n += 1
        for lang, name in list((props.get("names") or {}).items()):
            props["names"][lang] = f"{name} {hostile(n)}"
            n += 1

    text_keys = {
        "territories.geojson": ("name", "instrument", "source", "notes", "controller_name"),
        "events.geojson": ("name", "description", "place", "source", "notes"),
        "lines.geojson": ("name", "source"),
        "places.geojson": ("source",),
        "context.geojson": ("name", "source"),
    }
    for name, keys in text_keys.items():
        doc = json.loads((target / name).read_text(encoding="utf-8"))
        for feature in doc["features"]:
            spoil(feature["properties"], keys)
        (target / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _spoil_passages(target / "passages.toml")
    _spoil_lessons(target / "lessons")
    return target


def _spoil_lessons(folder: Path) -> None:
    """Markup in each lesson's title and in every text of every stop."""
    from mapcore.lessons import TEXTS, lesson_toml, read_lesson

    for file in folder.glob("*.toml"):
        lesson, _ = read_lesson(file, file.name)
        assert lesson is not None
        stops = tuple(
            replace(s, **{k: f"{getattr(s, k)} {hostile(i + j)}" for j, k in enumerate(TEXTS)})
            for i, s in enumerate(lesson.stops)
        )
        spoiled = replace(lesson, title=f"{lesson.title} {hostile(1)}", stops=stops)
        file.write_text(lesson_toml(spoiled), encoding="utf-8")


def _spoil_passages(file: Path) -> None:
    """Markup in the title and in every passage, with the checksum made to match again."""
    doc = tomllib.loads(file.read_text(encoding="utf-8"))
    doc["title"] += " <b>bold</b>"
    for i, passage in enumerate(doc["passage"]):
        passage["text"] += f" {hostile(i)}"
    essay, _ = read_passages(file, file.name)  # the ids, parts and markers, as they were
    spoiled = [replace(p, text=doc["passage"][i]["text"]) for i, p in enumerate(essay.passages)]
    doc["sha256"] = text_digest(original_lines(doc["title"], doc["comments_heading"], spoiled))
    file.write_text(_toml(doc), encoding="utf-8")


def _toml(doc: dict) -> str:
    """Just enough TOML for passages.toml: strings (JSON escapes are valid TOML), ints, lists,
    inline tables."""

    def value(v) -> str:
        if isinstance(v, dict):  # an inline table (a mention)
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        if isinstance(v, list) and any(isinstance(x, dict) for x in v):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(v, ensure_ascii=False) if not isinstance(v, int) else str(v)

    lines = [f"{k} = {value(v)}" for k, v in doc.items() if k != "passage"]
    for passage in doc["passage"]:
        lines += ["", "[[passage]]", *(f"{k} = {value(v)}" for k, v in passage.items())]
    return "\n".join(lines) + "\n"


def edit_feature(target: Path, file: str, match: dict, **props) -> int:
    """Set (or, with None, remove) properties of the first feature matching `match`."""
    doc = json.loads((target / file).read_text(encoding="utf-8"))
    for i, feature in enumerate(doc["features"]):
        if all(feature["properties"].get(k) == v for k, v in match.items()):
            for key, value in props.items():
                if value is None:
                    feature["properties"].pop(key, None)
                elif key == "geometry":
                    feature["geometry"] = value
                else:
                    feature["properties"][key] = value
            (target / file).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            return i
    raise LookupError(match)


# -- a small edition, written from scratch -------------------------------------------------------

_LANGS = ("en", "ja", "ru", "zh", "ko")
# Territories with a history: the carve-outs, joint rule, a dispute, a successor split.
_HISTORY = {
    "sakhalin-south": [
        ("1850-01-01", "1856-12-07", "japan", "disputed", "russia"),
        ("1856-12-07", "1875-08-22", "japan+russia", "joint", None),
        ("1875-08-22", None, "russia", "sovereign", None),
    ],
    "korea": [("1850-01-01", "1945-08-10", "korea", "sovereign", None)],
    "korea-north": [("1945-08-10", None, "north-korea", "sovereign", None)],
    "korea-south": [("1945-08-10", None, "south-korea", "sovereign", None)],
    "manchuria": [
        ("1850-01-01", "1932-03-01", "china", "sovereign", None),
        ("1932-03-01", "1945-08-09", "japan", "puppet", None),
        ("1945-08-09", None, "china", "sovereign", None),
    ],
    "south-manchuria-railway": [("1898-03-27", None, "russia", "concession", None)],
}


def _names(name: str) -> dict[str, str]:
    return {lang: f"{name} ({lang})" if lang != "en" else name for lang in _LANGS}


def _square(x: float, y: float, size: float = 0.5) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def _feature(props: dict, geometry: dict | None) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def small_edition(target: Path) -> Path:
    """A clean edition small enough to read in milliseconds, written from scratch.

    A handful of territories have a history (joint rule, a dispute, a carve-out with `origin`,
    a division into successors, a shape shared by several periods); every other territory of
    the vocabulary has one period, so that the validator finds nothing. A couple of events,
    lines, places and context areas, and a three-paragraph essay whose paragraph count and
    SHA-256 are computed here.
    """
    from mapcore.model import Passage, YearRange
    from mapcore.vocab import TERRITORIES

    target.mkdir(parents=True)
    periods, shapes = [], []
    for n, territory in enumerate(TERRITORIES):
        shapes.append(_feature({"key": territory, "territory": territory}, _square(100 + n, 30)))
        for start, end, controller, status, claimant in _HISTORY.get(
            territory, [("1850-01-01", None, "china", "sovereign", None)]
        ):
            name = f"{TERRITORIES[territory]} {start[:4]}"
            props = {"territory": territory, "name": name, "controller": controller,
                     "status": status, "start": start, "end": end,
                     "instrument": f"Treaty of {start[:4]}", "source": "a reference work",
                     "names": _names(name), "shape": territory}  # fmt: skip
            if claimant:
                props["claimant"] = claimant
            periods.append(_feature(props, None))
    periods[-1]["properties"]["short_names"] = {"en": "Short"}
    by = {f["properties"]["territory"]: f["properties"] for f in periods}  # the last of each
    by["south-manchuria-railway"]["origin"] = "manchuria"
    by["korea"]["successors"] = ["korea-north", "korea-south"]
    events = [
        _feature({"date": "1904-02-08", "end": "1905-01-02", "name": "Siege", "kind": "battle",
                  "place": "Port Arthur", "description": "A siege.", "source": "a history"},
                 {"type": "Point", "coordinates": [121.25, 38.8]}),
        _feature({"date": "1905-09-05", "name": "Peace", "kind": "treaty",
                  "description": "A peace.", "source": "the treaty"},
                 {"type": "Point", "coordinates": [-70.76, 43.07]}),
    ]  # fmt: skip
    lines = [
        _feature({"key": "rail", "kind": "railway", "name": "A railway",
                  "territory": "south-manchuria-railway", "start": "1898-03-27",
                  "source": "a convention"},
                 {"type": "LineString", "coordinates": [[110, 30.1], [110.4, 30.4]]}),
        _feature({"key": "line-50n", "kind": "boundary", "name": "50th parallel",
                  "start": "1905-10-15", "end": "1945-08-25", "source": "a treaty"},
                 {"type": "LineString", "coordinates": [[141.8, 50], [144.2, 50]]}),
    ]  # fmt: skip
    places = [
        _feature({"key": "dalian", "start": None, "end": "1905-01-02", "names": _names("Dalny"),
                  "source": "a gazetteer"}, {"type": "Point", "coordinates": [121.6, 38.9]}),
        _feature({"key": "dalian", "start": "1905-01-02", "end": None, "names": _names("Dairen"),
                  "source": "a gazetteer"}, {"type": "Point", "coordinates": [121.6, 38.9]}),
    ]  # fmt: skip
    context = [
        _feature({"key": "land", "kind": "land", "name": "Land", "source": "made up"},
                 _square(99, 29, 25)),
        _feature({"key": "home-japan", "kind": "home", "name": "Japan", "controller": "japan",
                  "start": "1850-01-01", "source": "made up"}, _square(130, 33, 2)),
    ]  # fmt: skip
    for name, features in {
        "territories.geojson": periods,
        "shapes.geojson": shapes,
        "events.geojson": events,
        "lines.geojson": lines,
        "places.geojson": places,
        "context.geojson": context,
    }.items():
        (target / name).write_text(json.dumps(_collection(features)), encoding="utf-8")

    texts = [("essay", "", "The first paragraph.", ["1850-"]),
             ("essay", "", "The war of 1904.", ["1904-1905"]),
             ("comment", "1.", "A reader's comment on 1945.", ["1945"])]  # fmt: skip
    doc: dict = {"title": "A small essay", "comments_heading": "1 thought"}
    passages = [
        Passage(f"p{i}", text, (YearRange(1850, None),), part, marker, order=i)
        for i, (part, marker, text, _) in enumerate(texts)
    ]
    doc["paragraphs"] = len(texts)
    doc["sha256"] = text_digest(original_lines(doc["title"], doc["comments_heading"], passages))
    doc["passage"] = [
        {"id": f"p{i}", "years": years, "text": text, "part": part, **({"marker": m} if m else {})}
        for i, (part, m, text, years) in enumerate(texts)
    ]
    (target / "passages.toml").write_text(_toml(doc), encoding="utf-8")
    return target
