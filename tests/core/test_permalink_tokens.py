"""Permalink pattern tokens as Hugo 0.168 expands them (seen in builds of small sites)."""

from __future__ import annotations

import pytest

from writer.core.hugo.urls import expand_pattern


@pytest.mark.parametrize(("pattern", "sections", "expected"), [
    ("/s/:sections[1:]/", ["a", "b", "c"], "/s/b/c/"),
    ("/s/:sections[last]/", ["a", "b", "c"], "/s/c/"),
    ("/s/:sections[1]/", ["a", "b"], "/s/b/"),
    ("/s/C:sections[5]/", ["a", "b", "c"], "/s/c/"),  # out of range: nothing; literals lower-cased
    ("/s/:sections[-1]/", ["a", "b", "c"], "/s/a/"),  # a negative index counts as 0
    ("/s/:sections[-2:]/", ["a", "b"], "/s/a/b/"),
    ("/s/:sections[:2]/", ["a", "b", "c"], "/s/a/b/"),
])
def test_sections_slices(pattern, sections, expected) -> None:
    assert expand_pattern(pattern, {}, sections) == expected
