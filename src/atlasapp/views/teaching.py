"""The classroom's controls: the Quiz (ask, reveal, end), the console's class (start, end),
and a follower's bar (following the class, or exploring on one's own)."""

from __future__ import annotations

import streamlit as st

from .. import classroom, state
from ..edition import Edition
from .common import Settings


def quiz_controls(edition: Edition, settings: Settings) -> None:
    """Quiz: a question to ask of the day shown (its holders hidden on the map), then Reveal
    and End quiz. Not on a follower's page: the teacher asks."""
    if settings.following:
        return
    c = state.choices()
    if c.quiz is None:
        offered = classroom.offered(edition)
        with st.popover("Quiz", icon=":material/quiz:", help="Ask the class, then reveal"):
            state.STATE.setdefault("quiz-pick", 0)
            if state.STATE["quiz-pick"] >= len(offered):
                state.STATE["quiz-pick"] = 0
            st.selectbox("Ask the class", range(len(offered)), key="quiz-pick",
                         format_func=lambda i: offered[i].text)  # fmt: skip
            st.button("Ask: hide the answer on the map", key="quiz-ask", type="primary",
                      on_click=classroom.ask, args=(edition,))  # fmt: skip
        return
    if not c.quiz.revealed:
        st.button(
            "Reveal",
            icon=":material/visibility:",
            key="quiz-reveal",
            type="primary",
            on_click=classroom.reveal,
            help="Show the answer on the map and its card",
        )
    st.button("End quiz", icon=":material/close:", key="quiz-end", on_click=classroom.end_quiz)


def class_controls() -> None:
    """The console's class: start it (a class code the projector and the students follow),
    or end it."""
    c = state.choices()
    if c.teach:
        st.button("End the class", icon=":material/cast:", key="class-end",
                  on_click=classroom.end_class,
                  help="Followers keep the last stop; the code stops changing")  # fmt: skip
    else:
        st.button("Teach (console)", icon=":material/cast_for_education:",
                  key="class-start", on_click=classroom.start_class,
                  help="Your notes, the next stop and a clock here; a code and a link that "
                       "the projector window and the students' devices follow")  # fmt: skip


def follower_bar(settings: Settings) -> None:
    """A follower's line over the view: whose class it follows, and the way out or back (the
    projector has none: it shows only the map, the caption and the passage)."""
    c = state.choices()
    if settings.present or not c.follow:
        return
    with st.container(horizontal=True, vertical_alignment="center", key="follow-bar"):
        if c.following:
            waiting = " (waiting for the teacher to begin)" if classroom.waiting() else ""
            st.markdown(f"**Following the class {c.follow}**{waiting}: the teacher moves the "
                        "map, the day and the stop.")  # fmt: skip
            st.button("Explore on my own", icon=":material/explore:", key="follow-leave",
                      on_click=classroom.explore)  # fmt: skip
        else:
            st.markdown(f"**Exploring on your own.** The class {c.follow} goes on without you.")
            st.button("Follow again", icon=":material/sync:", key="follow-again", type="primary",
                      on_click=classroom.follow_again)  # fmt: skip
