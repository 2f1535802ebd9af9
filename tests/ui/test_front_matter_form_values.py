"""The front matter form with values real sites have: huge integers, TOML drafts, `SEO:` groups."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLineEdit

from writer.core.document import Page
from writer.core.hugo.drafts import publish
from writer.ui.front_matter_form import FrontMatterForm


def _form(qtbot, page: Page, suggestions=None) -> tuple[FrontMatterForm, list]:
    form = FrontMatterForm()
    qtbot.addWidget(form)
    edits: list = []

    def apply(key, value):  # what the page editor does with the signal
        edits.append((key, value))
        page.set(key, value)

    form.field_edited.connect(apply)
    form.load(page, suggestions or {}, {})
    return form, edits


def test_an_integer_beyond_32_bits_opens_and_edits_exactly(qtbot) -> None:
    tweet = 1790000000000000123
    page = Page(f"---\ntitle: T\ntweet: {tweet}\nweight: -3\n---\nBody\n")
    form, edits = _form(qtbot, page)
    box = form.editors["tweet"]
    assert isinstance(box, QLineEdit) and box.text() == str(tweet)
    box.setFocus()
    box.end(False)
    qtbot.keyClicks(box, "4")
    assert edits[-1] == ("tweet", tweet * 10 + 4) and page.get("tweet") == tweet * 10 + 4
    weight = form.editors["weight"]
    weight.selectAll()
    qtbot.keyClicks(weight, "x")  # not a digit: the validator keeps it out
    assert weight.text() == "-3" and page.get("weight") == -3
    weight.clear()
    qtbot.keyClicks(weight, "-12")
    assert page.get("weight") == -12


def test_a_toml_draft_box_really_turns_the_draft_off(qtbot) -> None:
    page = Page('+++\ntitle = "Neu"\ndate = 2024-01-02T10:00:00+01:00\ndraft = true\n+++\nText\n')
    form, edits = _form(qtbot, page)
    box = form.editors["draft"]
    assert isinstance(box, QCheckBox) and box.isChecked()
    box.click()
    assert edits == [("draft", False)] and page.get("draft") is False
    assert "draft = false\n" in page.text()
    page = Page('+++\ntitle = "Neu"\ndraft = true\n+++\nText\n')
    assert publish(page) and page.get("draft") is False


def test_fields_differing_only_by_case_show_as_one_group(qtbot) -> None:
    page = Page("---\ntitle: T\nSEO:\n  Title: alt\n---\n")
    suggestions = {"seo.title": "x", "seo.description": "y", "summary": "z"}
    form, _ = _form(qtbot, page, suggestions)
    groups = [g.title() for g in form.findChildren(QGroupBox)]
    assert groups == ["SEO"]
    assert "SEO.description" in form.editors and "seo.description" not in form.editors
    assert "seo.title" not in form.editors and "SEO.Title" in form.editors
    editor = form.editors["SEO.description"]
    qtbot.keyClicks(editor, "neu")
    assert page.text() == "---\ntitle: T\nSEO:\n  Title: alt\n  description: neu\n---\n"


def test_a_map_typed_in_the_form_is_read_as_hugo_reads_it(qtbot) -> None:
    page = Page("---\ntitle: T\nlinks:\n  - a: 1\n---\n")
    form, edits = _form(qtbot, page)
    form.editors["links"].setPlainText("- a: yes\n  b: 1:30\n  c: 014x")
    assert edits[-1] == ("links", [{"a": "yes", "b": "1:30", "c": "014x"}])
    assert page.get("links") == [{"a": "yes", "b": "1:30", "c": "014x"}]


def test_lists_a_comma_line_cannot_give_back_are_edited_as_yaml(qtbot) -> None:
    page = Page("---\ntitle: T\ntags: [Berlin, Hamburg]\nplaces: ['Berlin, Germany', Paris]\n"
                "weights: [1, 2]\nflags: [true, 'true']\n---\nBody\n")
    form, edits = _form(qtbot, page, {"places": ["x"], "weights": ["x"], "flags": ["x"]})
    assert isinstance(form.editors["tags"], QLineEdit)  # plain words: a comma line is fine
    for key in ("places", "weights", "flags"):
        assert not isinstance(form.editors[key], QLineEdit), key
    tags = form.editors["tags"]
    tags.end(False)
    qtbot.keyClicks(tags, ", Essen")  # (keyClicks aborts on non-ASCII)
    assert page.get("tags") == ["Berlin", "Hamburg", "Essen"]
    assert page.get("places") == ["Berlin, Germany", "Paris"] and page.get("weights") == [1, 2]


def test_a_long_single_line_value_shows_its_beginning(qtbot) -> None:
    title = "Ein sehr langer Titel " * 20
    page = Page(f"---\ntitle: '{title.strip()}'\n---\nBody\n")
    form, _ = _form(qtbot, page)
    assert form.editors["title"].cursorPosition() == 0
