"""atlasapp: the classroom app, a thin Streamlit shell over mapcore.

`streamlit run app.py` starts it (app.py calls `atlasapp.shell.run`). The shell reads the link
and the teacher's choices (`state`), draws the settings and the view switch, and shows one of
the views (`views`); the atlas and its browser files are loaded once per process
(`edition`); the v2 components are `components`, and every contact with Streamlit's own page
is listed in `page_hooks`.
"""

SESSION_KEY = "atlas:choices"  # the teacher's choices (state.Choices); no widget has this key
