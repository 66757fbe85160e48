"""The console, the class following it and the quiz, in the app (AppTest: one process, so a
teacher's session and the followers' share the in-memory follow backend, as on a laptop)."""

from __future__ import annotations

import pytest
from apptest_kit import component_data, trigger
from test_app import map_state, run
from test_lesson_app import LESSON, address, shown

from atlasapp import classroom


def follower(at) -> dict:
    """What a follower's page shows: the stop and day its page shares (no slider: the teacher
    moves it); in the browser, its poll hands each new moment over the same way (follow.js)."""
    page = component_data(at, "page")
    stop = page["shared"]["stop"]
    return {"stop": stop["number"] if stop else None, "year": page["year"],
            "date": page["date"]}  # fmt: skip


def follower_slider(at) -> int:
    return at.slider(key="year").value


def teacher(stop: int = 3):
    at = run(lesson=LESSON, stop=str(stop))
    at.button(key="class-start").click().run()
    code = at.session_state["atlas:choices"].teach
    assert code and len(code) == 6
    return at, code


def test_a_console_shows_the_note_the_next_stop_and_a_class_code(lesson_):
    at, code = teacher()
    panel = component_data(at, "lesson")
    assert panel["console"] and panel["classCode"] == code and panel["since"]
    assert panel["stop"]["note"] == lesson_.stop(3).note
    assert panel["stop"]["next"] == lesson_.stop(4).title
    assert address(at) == {"date": "1895-05-08", "lesson": LESSON, "stop": "3", "teach": code}
    published = classroom.backend().latest(code)
    assert published.moment.stop == 3 and published.moment.lesson == LESSON


@pytest.fixture
def lesson_():
    import mapcore

    return mapcore.load_atlas().lesson(LESSON)


def test_a_follower_follows_leaves_and_rejoins():
    at, code = teacher(3)
    student = run(**{"class": code})
    assert follower(student) == shown(at) and not student.exception
    assert not student.slider and not [b for b in student.button if b.key.startswith("stop-")]
    assert not student.segmented_control  # nor the views: the teacher's view is shown
    assert component_data(student, "page")["keys"] is False  # read-only: keys are not sent
    assert not component_data(student, "lesson")["console"]  # the note is the teacher's
    assert address(student) == {"class": code}
    at.button(key="stop-next").click().run()
    student.run()  # what its poll does when the teacher's version is new
    assert follower(student)["stop"] == 4 == shown(at)["stop"]
    trigger(student, "essay", "clicked", "yalta")  # read-only: a passage does not move it
    assert follower(student)["stop"] == 4 and follower(student)["year"] == 1898
    student.button(key="follow-leave").click().run()
    assert not student.slider(key="year").disabled
    at.button(key="stop-next").click().run()
    student.slider(key="year").set_value(1950).run()
    assert shown(student)["year"] == 1950 and shown(at)["stop"] == 5  # on its own
    student.button(key="follow-again").click().run()
    assert follower(student) == shown(at) == {"stop": 5, "year": 1904, "date": "1904-02-08"}


def test_the_projector_shows_only_the_map_the_caption_and_the_passage():
    _, code = teacher(7)
    projector = run(**{"class": code, "present": "1"})
    assert not projector.exception
    assert not projector.slider  # no controls at all
    assert not [b for b in projector.button if b.key and b.key.startswith("stop-")]
    assert component_data(projector, "lesson")["stop"]["number"] == 7
    assert not component_data(projector, "lesson")["console"]
    assert component_data(projector, "page")["year"] == 1905
    assert map_state(projector)["date"] == "1905-10-15"
    assert follower(projector) == {"stop": 7, "year": 1905, "date": "1905-10-15"}


def test_a_class_that_has_not_begun_waits():
    student = run(**{"class": "ZZZZ99"})
    assert not student.exception
    assert any("waiting for the teacher" in m.value for m in student.markdown)


def quiz(at) -> dict | None:
    return component_data(at, "page")["shared"]["quiz"]


def test_the_quiz_hides_the_holder_then_reveals_it_with_its_card():
    at = run(date="1906-01-01")
    texts = at.selectbox(key="quiz-pick").options  # what the Quiz lists, in order
    assert texts[0] == "Who held Kwantung (Port Arthur and Dalny) on 1 January 1906?"
    assert "What changed between 1904 and 1906?" in texts
    at.button(key="quiz-ask").click().run()
    asked = quiz(at)
    assert asked["hidden"] == ["kwantung"] and not asked["revealed"]
    assert "Empire of Japan" in asked["choices"] and "Russian Empire" in asked["choices"]
    assert component_data(at, "lesson")["quiz"] == asked  # the question beside the map
    at.button(key="quiz-reveal").click().run()
    revealed = quiz(at)
    assert revealed["revealed"] and revealed["answer"] == "Empire of Japan"
    assert revealed["card"] == "1905-12-22"  # the lease passed to Japan
    at.button(key="quiz-end").click().run()
    assert quiz(at) is None


def test_a_stops_own_question_and_the_class_sees_the_quiz():
    at, code = teacher(13)
    first = at.selectbox(key="quiz-pick").options[0]
    assert first == "Who held Port Arthur on 1 August 1945? And on 22 August?"
    at.button(key="quiz-ask").click().run()
    assert quiz(at)["hidden"] == ["manchuria", "kwantung"]
    student = run(**{"class": code})
    assert quiz(student) == quiz(at)
    assert not [b for b in student.button if b.key and b.key.startswith("quiz-")]
    at.button(key="quiz-reveal").click().run()
    student.run()
    assert quiz(student)["revealed"]
    at.slider(key="year").set_value(1946).run()  # another day: the quiz is over
    assert quiz(at) is None


def test_random_walks_of_a_teacher_and_a_student_keep_the_student_with_the_class():
    """A teacher moves through the lesson (stops, keys, the slider, a quiz) while a student
    leaves, explores and rejoins at random: whenever the student follows, after each action
    its page shows the teacher's moment; when it explores, it keeps its own."""
    import random

    rng = random.Random(7)
    at, code = teacher(1)
    student = run(**{"class": code})
    following, own = True, None
    for step in range(40):
        act = rng.choice(["next", "previous", "key", "slide", "quiz", "leave", "explore",
                          "rejoin"])  # fmt: skip
        if act == "next" and not at.button(key="stop-next").disabled:
            at.button(key="stop-next").click().run()
        elif act == "previous" and not at.button(key="stop-previous").disabled:
            at.button(key="stop-previous").click().run()
        elif act == "key":
            trigger(at, "page", "key", f"{rng.choice(['ArrowRight', 'ArrowLeft', ']'])}:{step}")
        elif act == "slide":
            at.slider(key="year").set_value(rng.randint(1850, 2020)).run()
        elif act == "quiz" and any(b.key == "quiz-ask" for b in at.button):
            at.button(key="quiz-ask").click().run()
        elif act == "leave" and following:
            student.button(key="follow-leave").click().run()
            following, own = False, None
            assert follower_slider(student) == shown(at)["year"], (step, act)  # from there
        elif act == "explore" and not following:
            student.slider(key="year").set_value(rng.randint(1850, 2020)).run()
            own = student.slider(key="year").value
        elif act == "rejoin" and not following:
            student.button(key="follow-again").click().run()
            following = True
        student.run()  # the student's poll
        assert not at.exception and not student.exception, (step, act)
        if following:
            assert follower(student) == shown(at), (step, act)
            assert quiz(student) == quiz(at), (step, act)
        elif own is not None:
            assert student.slider(key="year").value == own, (step, act)
