"""The project's promises to a newcomer: two commands, and CI runs the second of them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_readme_has_exactly_two_commands_setup_run_and_test():
    app, tests = quick_start_commands()
    assert "streamlit run app.py" in app and "pip install -e ." in app
    assert "pytest" in tests and "[test]" in tests


def test_ci_runs_the_readmes_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in ci
    assert "set -euo pipefail" in ci


def test_nothing_at_run_time_reaches_for_shared_or_a_cdn():
    for path in [ROOT / "app.py", *(ROOT / "src").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if "build" in path.parts:
            continue  # the geodata build reads Natural Earth from a folder it is given
        assert "../shared" not in text, path
        assert "cdn.jsdelivr" not in text and "unpkg.com" not in text, path


def test_the_code_is_ruff_clean():
    """ruff's lint and format over the project (its settings in pyproject.toml): a CI run
    fails on what a commit let through."""
    import subprocess
    import sys

    for args in (["check", "--no-cache"], ["format", "--check", "--no-cache"]):
        run = subprocess.run([sys.executable, "-m", "ruff", *args, "src", "tests", "benchmarks"],
                             cwd=ROOT, capture_output=True, text=True)  # fmt: skip
        assert run.returncode == 0, run.stdout + run.stderr


def test_the_code_type_checks():
    """mypy over src/ (its settings in pyproject.toml) is clean: py.typed ships, so the types
    are a promise to whoever imports mapcore. Its cache is kept outside the checkout, like
    every file the tests write (mypy checks what changed since: a second run is quick)."""
    import tempfile

    from mypy import api

    config = str(ROOT / "pyproject.toml")
    cache = Path(tempfile.gettempdir()) / "atlas-mypy-cache"
    out, err, status = api.run(
        ["--config-file", config, "--cache-dir", str(cache), str(ROOT / "src")]
    )
    assert status == 0, out + err


def imports(path: Path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            dots = "." * node.level
            names.add(dots + (node.module or ""))
    return names


def test_the_layers_import_only_what_docs_architecture_allows():
    """The core knows no Streamlit and no browser; the web layer no Streamlit; the app is the
    only place that imports Streamlit."""
    core = ROOT / "src" / "mapcore"
    for path in core.rglob("*.py"):
        found = imports(path)
        assert not any(n.split(".")[0] in ("streamlit", "streamlit_folium", "atlasapp")
                       for n in found), path  # fmt: skip
        text = path.read_text(encoding="utf-8")
        assert "/app/static" not in text and "_stcore" not in text, path  # no Streamlit URL
        over_both = path.name == "cli.py" or "build" in path.parts  # the tools, not the core
        if "web" not in path.relative_to(core).parts and not over_both:
            assert not any(n.startswith((".web", "mapcore.web", "folium")) for n in found), path
