"""Random edits of front matter full of what real files carry (anchors and aliases, block scalars,
comments everywhere, keys in other cases, CRLF and lone CR, TOML and JSON) with values and bodies
from all of Unicode: after every step the edited value reads back as set, or the edit is refused
and no byte changes; nothing outside the edited value changes (comments, other fields, body).
The Hugo side of the same rules: tests/hugo/test_frontmatter_vs_hugo.py."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from writer.core.document import Page
from writer.core.errors import FrontMatterError
from writer.core.frontmatter.values import lookup, resolve, same_value, scalar_text

YAML_PAGE = (
    "# vorne\n"
    "title: &t Über uns # Titel\n"
    "linkTitle: *t\n"
    "SEO:   # Gruppe\n"
    "    Description: |\n"
    "        zwei\n"
    "        Zeilen\n"
    "\n"
    "    # mitten\n"
    "    title: 'SEO'\n"
    "tags: [eins, zwei] # Liste\n"
    "menu: {main: {weight: 3}}\n"
    "summary: >-\n"
    "   gefaltet\n"
    "# hinten\n"
)
TEMPLATES = {
    "yaml": "---\n" + YAML_PAGE + "---\n",
    "yaml-crlf": "\r\n---\r\n" + YAML_PAGE.replace("\n", "\r\n") + "---\r\n",
    "toml-crlf": '+++\r\ntitle = "Über uns" # Titel\ntext = """a\nb"""\n[SEO]\nDescription = \'x\'\n+++\n',
    "json": '{\n  "title": "Über uns",\n  "SEO": {"Description": "x"},\n  "tags": ["a"]\n}\n',
}
KEYS = ["title", "linkTitle", "seo.description", "SEO.Title", "Seo.neu", "tags", "menu.main.weight",
        "summary", "neu", "Title", "neu.tief.feld"]
COMMENT = re.compile(r"#[^\n\r]*")
unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=25)
bodies = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
values = st.one_of(
    unicode_text, st.integers(-(2**63), 2**63 - 1), st.booleans(), st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.one_of(unicode_text, st.none(), st.integers(-999, 999)), max_size=3),
)


class FrontMatterSession(RuleBasedStateMachine):
    @initialize(kind=st.sampled_from(sorted(TEMPLATES)), body=bodies)
    def start(self, kind: str, body: str) -> None:
        self.kind = kind
        self.page = Page(TEMPLATES[kind] + body)
        assert self.page.error is None, self.page.error
        self.body = self.page.body
        self.comments = Counter(COMMENT.findall(TEMPLATES[kind]))
        self.group_replaced = False

    @rule(key=st.sampled_from(KEYS), value=values)
    def set_field(self, key: str, value: object) -> None:
        before = self.page.text()
        old_fields = self.page.fields
        try:
            path, problem = resolve(old_fields, key)
            self.page.set(key, value)
        except FrontMatterError as exc:
            event(f"refused: {exc.message.split(':')[1][:40]}")
            assert self.page.text() == before  # refused: not a byte changed
            return
        event(f"set {self.kind}")
        after = self.page.text()
        assert problem is None
        found, got = Page(after).front_matter.find(key)
        was_text = isinstance(lookup(old_fields, path)[1], str)
        assert found and (same_value(got, _as_read(self.kind, value)) or (was_text and got == scalar_text(value)))
        self._nothing_else_changed(before, after, old_fields, path)

    def _nothing_else_changed(self, before: str, after: str, old_fields: dict, path: list[str]) -> None:
        reread = Page(after)
        assert reread.body == self.body
        self.group_replaced = self.group_replaced or _in_value(before, path)
        for comment, count in self.comments.items():  # the template's comments all stay
            assert after.count(comment) >= count or self.group_replaced, comment
        allowed = {("linkTitle",)} if path == ["title"] and "&t" in before else set()
        assert _without(old_fields, path, allowed) == _without(reread.fields, path, allowed)

    @invariant()
    def page_reads(self) -> None:
        if hasattr(self, "page"):
            assert self.page.error is None
            assert self.page.body == self.body


def _as_read(kind: str, value: object) -> object:
    if isinstance(value, list):
        return [_as_read(kind, v) for v in value]
    return "" if kind.startswith("toml") and value is None else value


def _in_value(text: str, path: list[str]) -> bool:
    """A comment inside a replaced map (the `SEO` group as a whole) goes with it."""
    return len(path) == 1 and path[0].lower() == "seo"


def _without(fields: dict, path: list[str], allowed: set[tuple[str, ...]]) -> dict:
    """The fields minus the edited path (and its now empty parents) and the allowed aliases."""
    out = {k: v for k, v in fields.items() if (k,) not in allowed}
    node = out
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            return out
        node[key] = dict(node[key])
        node = node[key]
    node.pop(path[-1], None)
    return _prune(out, path)


def _prune(fields: dict, path: list[str]) -> dict:
    node = fields
    trail = []
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            break
        trail.append((node, key))
        node = node[key]
    for parent, key in reversed(trail):
        if parent[key] == {}:
            del parent[key]
    return fields


FrontMatterSession.TestCase.settings = settings(
    max_examples=300, stateful_step_count=12, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestFrontMatterSession = FrontMatterSession.TestCase
