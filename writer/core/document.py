"""A page: its front matter block, its fields and its body, loaded and saved losslessly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from writer.core import frontmatter as fmmod
from writer.core.errors import FrontMatterError
from writer.core.frontmatter import FrontMatter
from writer.core.textio import atomic_write, decode_bytes, detect_newline, encode_text, read_bytes


class Page:
    """An editable page. `text()` is always the full text; `to_bytes()` what saving writes.

    Nothing is normalised: a page read and written back without edits gives the same bytes.
    """

    def __init__(self, text: str, path: Path | None = None, *, bom: bool = False) -> None:
        self.path = path
        self.bom = bom
        self.newline = detect_newline(text)
        self._front, self._body = fmmod.split(text)
        self._saved = self.to_bytes()

    # -- loading and saving --------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> Page:
        """Read a page; raises ReadError for unreadable, binary or non-UTF-8 files.

        Broken front matter does not raise: the page opens with `error` set.
        """
        p = Path(path)
        decoded = decode_bytes(read_bytes(p), p)
        return cls(decoded.text, p, bom=decoded.bom)

    @classmethod
    def from_bytes(cls, data: bytes, path: Path | None = None) -> Page:
        decoded = decode_bytes(data, path)
        return cls(decoded.text, path, bom=decoded.bom)

    def to_bytes(self) -> bytes:
        return encode_text(self.text(), bom=self.bom)

    def save(self, path: str | Path | None = None) -> Path:
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the page has no file name yet")
        data = self.to_bytes()
        atomic_write(target, data)
        self.path = target
        self._saved = data
        return target

    @property
    def modified(self) -> bool:
        return self.to_bytes() != self._saved

    @property
    def saved_bytes(self) -> bytes:
        """The bytes last read from or written to disk."""
        return self._saved

    def mark_disk_state(self, data: bytes) -> None:
        """Remember what is on disk now (after an outside change the writer chose to override)."""
        self._saved = data

    # -- content --------------------------------------------------------------

    def text(self) -> str:
        return self._front.block + self._body

    @property
    def front_matter(self) -> FrontMatter:
        return self._front

    @property
    def format(self) -> str | None:
        return self._front.format

    @property
    def fields(self) -> dict[str, Any]:
        return dict(self._front.fields)

    @property
    def error(self) -> FrontMatterError | None:
        """The front matter parse error, with the page's path and the line in the file."""
        err = self._front.error
        if err is None:
            return None
        return FrontMatterError(err.message, self.path, err.line, err.column)

    @property
    def body(self) -> str:
        return self._body

    @property
    def body_first_line(self) -> int:
        """1-based line of the file where the body starts."""
        return self._front.block.count("\n") + 1

    def get(self, key: str, default: Any = None) -> Any:
        return self._front.get(key, default)

    def set(self, key: str, value: Any) -> bool:
        """Set a front matter field; returns whether the text changed."""
        new = fmmod.set_field(self._front, key, value, self.newline)
        changed = new.block != self._front.block
        self._front = new
        return changed

    def delete(self, key: str) -> bool:
        new = fmmod.delete_field(self._front, key)
        changed = new.block != self._front.block
        self._front = new
        return changed

    def set_body(self, body: str, *, exact: bool = False) -> None:
        """Replace the body. Text typed with "\\n" line breaks gets the page's own style,
        unless `exact` (the editor's exact text, whose line breaks are already the page's)."""
        if self.newline == "\r\n" and not exact:
            body = body.replace("\r\n", "\n").replace("\n", "\r\n")
        self._body = body

    def set_front_matter_text(self, block: str) -> None:
        """Replace the whole front matter block (the raw editor); it is parsed again."""
        front, rest = fmmod.split(block)
        self._front = front
        self._body = rest + self._body if rest else self._body

    def set_text(self, text: str) -> None:
        self._front, self._body = fmmod.split(text)


def raw_block_problem(block: str) -> str:
    """Why a text typed as the whole front matter block cannot be that block ("" when it can):
    an opening `---` or `+++` without its closing line would take the body in."""
    front, rest = fmmod.split(block)
    if front.unclosed:
        delim = "+++" if front.format == fmmod.TOML else "---"
        return f"the closing '{delim}' line is missing, so the whole page would become front matter"
    if front.format is None and block.strip():
        return "it is not a front matter block (it must start with '---', '+++' or '{')"
    return ""
