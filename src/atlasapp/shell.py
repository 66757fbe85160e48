"""The page: a loading note, the settings, the view switch, and the view.

A thin shell over mapcore: it reads the link (state), draws the settings and the view switch,
and shows one of three views (views). The geometry and the essay go to the browser once, as
static files; a slider step sends only the year, and the page redraws in the browser without
waiting even for that (the browser's controller, fed by page.js).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from . import SESSION_KEY


def run(script: str) -> None:
    """Draw the app for one rerun; `script` is app.py, beside which Streamlit serves static/."""
    st.set_page_config(
        page_title="Russo-Japanese relations: an atlas, 1850–today",
        layout="wide",
        initial_sidebar_state="collapsed",
    )
    # A cold start spends seconds importing the geography stack: say so at once.
    loading = st.empty()
    if SESSION_KEY not in st.session_state:
        loading.info("Loading the atlas…", icon=":material/hourglass_top:")
    from . import views

    views.page(Path(script).parent / "static", loading)
