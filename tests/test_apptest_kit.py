"""The tests' one reliance on Streamlit's internals (apptest_kit.trigger), checked on its own:
if an upgrade breaks it, this names it rather than leaving the journeys to fail obscurely."""

from __future__ import annotations

from apptest_kit import component, trigger
from streamlit.testing.v1 import AppTest

from atlasapp.testing import app_copy

APP = str(app_copy())


def test_a_v2_components_trigger_reaches_its_callback():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["year"] = "1905"
    at.run()
    assert component(at, "page") is not None, "the page component is not drawn"
    trigger(at, "page", "key", "ArrowRight:1")
    assert not at.exception
    assert at.slider(key="year").value == 1906, (
        "a v2 trigger sent as streamlit's `_make_trigger_id(id, 'events')` widget with a JSON list "
        "of {event, value} no longer reaches on_<event>_change: see tests/apptest_kit.py"
    )
