"""Regenerate resources/emoji/github.tsv from Hugo's own output.

Run: python tests/hugo/make_emoji_table.py PATH/TO/goldmark-emoji/_tools/github.json

The names come from goldmark-emoji's list (the table Hugo uses for `enableEmoji`); each is
written into one page, built by the real Hugo, and the code points are read back from the
HTML Hugo published, so the table is what Hugo does.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from hugo_snippets import hugo_render

OUT = Path(__file__).resolve().parents[2] / "resources" / "emoji" / "github.tsv"
HEADER = [
    "# GitHub emoji short names as Hugo 0.168 renders them with enableEmoji = true",
    "# (goldmark-emoji's table, MIT licence, Copyright (c) 2020 Yusuke Inuzuka).",
    "# Regenerate: tests/hugo/make_emoji_table.py. One line a name: name TAB code points (hex).",
]


def main(source: str) -> None:
    data = json.loads(Path(source).read_text(encoding="utf-8"))["data"]
    names = [name for entry in data for name in entry["ShortNames"]]
    body = "\n\n".join(f"x :{name}:" for name in names)
    published = hugo_render({"all": body}, "enableEmoji = true\n")["all"]
    values = re.findall(r"<p>x (.*?)</p>", published, re.S)
    if len(values) != len(names):
        raise SystemExit("Hugo's output does not have one paragraph a name")
    lines = list(HEADER)
    for name, value in zip(names, values, strict=True):
        lines.append(name + "\t" + " ".join(f"{ord(c):x}" for c in html.unescape(value)))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} names written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
