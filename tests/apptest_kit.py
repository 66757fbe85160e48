"""What AppTest cannot do by itself: send a v2 component's trigger (a key pressed on the page,
a passage clicked), as the browser would.

This is the tests' one reliance on Streamlit's internals (the trigger widget's id and payload,
`streamlit.components.v2.bidi_component.main._make_trigger_id`); test_apptest_kit.py checks it
on the real app and names what broke after an upgrade.
"""

from __future__ import annotations

import json

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest


def component(at: AppTest, key: str):
    """The v2 component element keyed `key` drawn in the last run (None if it was not)."""
    return next((e for e in at.get("bidi_component") if e.proto.id.endswith("-" + key)), None)


def component_data(at: AppTest, key: str) -> dict:
    element = component(at, key)
    if element is None:
        raise LookupError(key)
    return json.loads(element.proto.json)


def trigger(at: AppTest, key: str, event: str, value) -> AppTest:
    """Rerun `at` as if component `key` had sent trigger `event` with `value`."""
    element = component(at, key)
    if element is None:
        raise LookupError(f"component {key!r} is not on the page")
    states = at._tree.get_widget_states()
    ws = WidgetState(id=_make_trigger_id(element.proto.id, "events"))
    ws.json_trigger_value = json.dumps([{"event": event, "value": value}])
    states.widgets.append(ws)
    return at._run(states)
