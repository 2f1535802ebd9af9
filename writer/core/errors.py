"""Errors a writer can understand: each names the file, and where known the line and column."""

from __future__ import annotations

from pathlib import Path


class WriterError(Exception):
    """A problem with a user's file or site, with the place it happened."""

    kind = "error"

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.column = column
        super().__init__(str(self))

    def where(self) -> str:
        if self.path is None:
            return ""
        place = str(self.path)
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return place

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class ReadError(WriterError):
    """A file that cannot be read as text (missing, permission denied, binary, not UTF-8)."""

    kind = "read"


class FrontMatterError(WriterError):
    """Front matter that does not parse, or an edit that cannot be applied."""

    kind = "front-matter-syntax"


class ConfigError(WriterError):
    """A Hugo configuration file that cannot be read."""

    kind = "config"


class SiteNotFoundError(WriterError):
    """No Hugo configuration was found in or above a folder."""

    kind = "no-site"
