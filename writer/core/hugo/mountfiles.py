"""A module mount's `files` setting (Hugo 0.153+): which files of the mounted folder Hugo sees.

Checked with Hugo 0.168: each pattern is a glob on the path below the mount's source (with or
without a leading `/`, any case); `! pattern` excludes. The first pattern that matches a path
decides; a path no pattern matches is seen only when every pattern is an exclusion. A folder
whose first matching pattern excludes it is left out with everything in it. `**` as a whole
path segment spans any number of folders; elsewhere it is `*`, which never spans a `/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _segment_regex(segment: str) -> str:
    out, i = [], 0
    while i < len(segment):
        char = segment[i]
        if char == "*":
            while i + 1 < len(segment) and segment[i + 1] == "*":
                i += 1
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = segment.find("]", i + 1)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = segment[i + 1:end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
                i = end
        elif char == "{":
            end = segment.find("}", i + 1)
            if end < 0:
                out.append(re.escape(char))
            else:
                out.append("(?:" + "|".join(re.escape(alt) for alt in segment[i + 1:end].split(",")) + ")")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A Hugo glob as a regular expression on a path with no leading `/`."""
    parts = [p for p in pattern.strip().strip("/").split("/") if p]
    regex = ""
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            regex += ".*" if last else "(?:[^/]+/)*"
        else:
            regex += _segment_regex(part) + ("" if last else "/")
    return re.compile(regex + r"\Z", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class MountFiles:
    """The compiled `files` patterns of one mount (empty: every file)."""

    patterns: tuple[tuple[bool, re.Pattern[str]], ...] = ()  # (excludes, regex)

    @classmethod
    def parse(cls, raw: object) -> MountFiles:
        values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
        patterns = []
        for value in values:
            text = str(value).strip()
            excludes = text.startswith("!")
            try:
                patterns.append((excludes, glob_regex(text.lstrip("!").strip())))
            except re.error:
                continue
        return cls(tuple(patterns))

    def _first(self, rel: str) -> bool | None:
        """True: included, False: excluded, None: no pattern matches."""
        rel = rel.strip("/")
        for excludes, regex in self.patterns:
            if regex.match(rel):
                return not excludes
        return None

    def shows_file(self, rel: str) -> bool:
        decided = self._first(rel)
        if decided is None:
            return all(excludes for excludes, _ in self.patterns)
        return decided

    def shows_folder(self, rel: str) -> bool:
        return self._first(rel) is not False
