"""The shortcode scanner: arguments, pairing, comments, placeholders and the line map."""

from __future__ import annotations

from writer.core.render.shortcodes import extract, parse_args


def test_positional_named_quoted_and_raw_args() -> None:
    assert parse_args(' "a b" `raw "x"` plain') == (("a b", 'raw "x"', "plain"), ())
    assert parse_args(' src="x.png" width=100 alt="say \\"hi\\""') == (
        (),
        (("src", "x.png"), ("width", "100"), ("alt", 'say "hi"')),
    )


def test_paired_shortcode_takes_inner_text() -> None:
    result = extract("a {{< highlight go >}}\nx\n{{< /highlight >}} b")
    (sc,) = result.shortcodes
    assert (sc.name, sc.positional, sc.inner) == ("highlight", ("go",), "\nx\n")
    assert result.marker is not None
    assert result.text == f"a {result.marker.placeholder(0)} b"


def test_nested_same_name_pairs_innermost_first() -> None:
    result = extract("{{% a %}}1{{% a %}}2{{% /a %}}3{{% /a %}}")
    (outer,) = result.shortcodes
    assert outer.inner == "1{{% a %}}2{{% /a %}}3"


def test_unclosed_opener_is_standalone_and_self_closing() -> None:
    result = extract("{{< a >}} {{< b />}} {{< c >}}x")
    assert [(s.name, s.inner) for s in result.shortcodes] == [("a", None), ("b", None), ("c", None)]


def test_unmatched_closing_is_an_error() -> None:
    (sc,) = extract("{{< /gone >}}").shortcodes
    assert sc.error


def test_comment_becomes_literal_text() -> None:
    result = extract('{{</* figure src="x" */>}} and {{%/* x */%}}')
    assert result.text == '{{< figure src="x" >}} and {{% x %}}'
    assert result.shortcodes == []


def test_unterminated_and_not_shortcodes_left_alone() -> None:
    for text in ("{{< figure", "{{<", "{{ .Title }}", "{{<>}}", "{{< !bad >}}"):
        assert extract(text).text == text


def test_line_map_after_multiline_shortcode() -> None:
    result = extract("0\n{{< a >}}\n2\n3\n{{< /a >}}\n5\n{{< b\n  x=1 >}}\n8")
    lines = result.text.split("\n")
    assert lines[2] == "5" and result.source_line(2) == 5
    assert result.marker is not None
    assert lines[3] == result.marker.placeholder(1) and result.source_line(3) == 6
    assert lines[4] == "8" and result.source_line(4) == 8
    assert result.shortcodes[1].line == 6


def test_many_unterminated_openers_are_left_as_text() -> None:
    text = "{{< " * 200_000
    result = extract(text)
    assert not result.shortcodes
    assert extract("{{< x " * 100_000 + ">}}") is not None
