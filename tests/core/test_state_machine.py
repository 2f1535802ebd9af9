"""Random sequences of form edits, body edits, saves and outside changes never lose body text
and never change bytes outside the edited field."""

from __future__ import annotations

import datetime as dt
import difflib
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from writer.core.document import Page

TEMPLATE = (
    "---\r\n"
    "title: 'Anfang'\r\n"
    "date: 2024-01-02\r\n"
    "draft: false\r\n"
    "weight: 1\r\n"
    "tags: [eins, zwei]\r\n"
    "# Kommentar\r\n"
    "seo:\r\n"
    "    title: \"SEO\"\r\n"
    "    description:\r\n"
    "---\r\n"
    "Erster Absatz  \r\nmit harter Zeile\r\n"
)
KEY_LINE = {"title": "title:", "date": "date:", "draft": "draft:", "weight": "weight:", "tags": "tags:",
            "seo.title": "    title:", "seo.description": "    description:"}
words = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
VALUES = {
    "title": words, "seo.title": words, "seo.description": words,
    "date": st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
    "draft": st.booleans(), "weight": st.integers(-999, 999),
    "tags": st.lists(st.text("abcdefgh", min_size=1, max_size=6), max_size=3),
}
bodies = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=80)


def front_lines(text: str) -> list[str]:
    return text.split("---", 2)[1].split("\r\n")


class EditingSession(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.path = self.folder / "index.de.md"
        self.path.write_bytes(TEMPLATE.encode())
        self.page = Page.load(self.path)
        self.body = self.page.body

    @rule(key=st.sampled_from(sorted(VALUES)), data=st.data())
    def form_edit(self, key: str, data) -> None:
        value = data.draw(VALUES[key])
        before = self.page.text()
        self.page.set(key, value)
        after = self.page.text()
        diff = [d for d in difflib.ndiff(front_lines(before), front_lines(after)) if d[:1] in "+-"]
        for line in diff:
            assert line[2:].startswith(KEY_LINE[key]), (key, diff)
        assert Page(after).get(key) == value

    @rule(body=bodies)
    def body_edit(self, body: str) -> None:
        self.page.set_body(body)
        self.body = body.replace("\n", "\r\n")

    @rule()
    def save(self) -> None:
        self.page.save()
        assert self.path.read_bytes() == self.page.to_bytes()

    @precondition(lambda self: not self.page.modified)
    @rule(body=bodies)
    def outside_change_without_edits(self, body: str) -> None:
        text = self.page.text().split("---\r\n", 2)
        new = "---\r\n" + text[1] + "---\r\n" + body.replace("\n", "\r\n")
        self.path.write_bytes(new.encode())
        self.page = Page.load(self.path)  # the window reloads a page without edits
        self.body = body.replace("\n", "\r\n")

    @precondition(lambda self: self.page.modified)
    @rule()
    def outside_change_with_edits_keep_mine(self) -> None:
        self.path.write_bytes(b"---\r\ntitle: theirs\r\n---\r\ntheirs\r\n")
        self.page.mark_disk_state(self.path.read_bytes())  # "Keep Mine"

    @invariant()
    def body_is_never_lost(self) -> None:
        assert self.page.body == self.body
        assert self.page.error is None


EditingSession.TestCase.settings = settings(max_examples=60, stateful_step_count=15, deadline=None)
TestEditingSession = EditingSession.TestCase
