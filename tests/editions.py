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
    return target


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
    """Just enough TOML for passages.toml: strings (JSON escapes are valid TOML), ints, lists."""

    def value(v) -> str:
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
