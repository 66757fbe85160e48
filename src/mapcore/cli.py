"""`mapcore`: validate an edition of the atlas, or rebuild `geodata/` from Natural Earth."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .atlas import default_geodata, read_atlas
from .validate import validate


def _validate(args: argparse.Namespace) -> int:
    path = Path(args.dir) if args.dir else default_geodata()
    atlas, problems = read_atlas(path)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    shapes = len({p.shape for p in atlas.periods})
    print(
        f"{path}: {len(atlas.periods)} periods ({shapes} shapes), "
        f"{len(atlas.all_events())} events, {len(atlas.passages(None))} passages, "
        f"{len(atlas.lessons)} lesson(s) ({sum(len(x.stops) for x in atlas.lessons)} stops): "
        "clean"
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    from .build import DATA, GEODATA, build

    ne_dir = Path(args.naturalearth)
    if not ne_dir.is_dir():
        print(f"{ne_dir}: Natural Earth folder not found", file=sys.stderr)
        return 2
    counts = build(ne_dir, Path(args.data or DATA), Path(args.out or GEODATA))
    for name, count in counts.items():
        print(f"{name}: {count} features")
    problems = validate(Path(args.out or GEODATA))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def _export(args: argparse.Namespace) -> int:
    from .atlas import load_atlas
    from .model import AtlasError
    from .web.pack import export_pack

    try:
        atlas = load_atlas(args.geodata)
    except AtlasError as err:
        for problem in err.problems:
            print(problem)
        print("the geodata has problems: no pack written", file=sys.stderr)
        return 1
    size = export_pack(atlas, Path(args.out))
    print(f"{args.out}: {size / 1e6:.2f} MB, one file, nothing fetched")
    return 0


def _fonts(args: argparse.Namespace) -> int:
    from .build import DATA
    from .build.fonts import atlas_characters, build_fonts
    from .web.fonts import FONT_DIR

    chars = atlas_characters(DATA)
    out = Path(args.out or FONT_DIR)
    try:
        paths = build_fonts(Path(args.source), out, chars)
    except (OSError, ValueError) as err:
        print(err, file=sys.stderr)
        return 1
    for path in paths:
        print(f"{path}: {path.stat().st_size / 1e3:.0f} KB")
    print(f"{len(chars)} CJK characters")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mapcore", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check geodata and passages; exit 1 listing problems")
    v.add_argument("dir", nargs="?", help="geodata folder (default: $MAPCORE_GEODATA or geodata/)")
    v.set_defaults(func=_validate)
    b = sub.add_parser("build", help="rebuild geodata/ from Natural Earth and data/")
    b.add_argument("naturalearth", help="folder with the Natural Earth GeoJSON layers")
    b.add_argument("--data", help="definitions folder (default: the project's data/)")
    b.add_argument("--out", help="output folder (default: the project's geodata/)")
    b.set_defaults(func=_build)
    e = sub.add_parser("export", help="write the static classroom pack: one HTML file")
    e.add_argument("out", help="the HTML file to write")
    e.add_argument("--geodata", help="geodata folder (default: $MAPCORE_GEODATA or geodata/)")
    e.set_defaults(func=_export)
    f = sub.add_parser("fonts", help="rebuild the CJK font subsets for data/")
    f.add_argument("source", help="folder with NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc")
    f.add_argument("--out", help="output folder (default: the package's static/fonts/)")
    f.set_defaults(func=_fonts)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
