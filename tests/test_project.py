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
    for path in [ROOT / "app.py", *(ROOT / "src" / "mapcore").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if "build" in path.parts:
            continue  # the geodata build reads Natural Earth from a folder it is given
        assert "../shared" not in text, path
        assert "cdn.jsdelivr" not in text and "unpkg.com" not in text, path
