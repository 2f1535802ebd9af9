"""Opening a page in the window: what may be opened, and how (read-only, large, safe mode)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from writer.core.document import Page
from writer.core.errors import WriterError
from writer.core.hugo.fields import sibling_fields, site_values
from writer.core.hugo.index import CONTENT_EXTS
from writer.core.textio import decode_legacy, read_bytes
from writer.ui import messages
from writer.ui.page_editor import PageEditor

if TYPE_CHECKING:
    from writer.ui.main_window import MainWindow

LARGE_PAGE_CHARS = 5_000_000  # above this, a page opens without highlighting, spelling and preview


def open_editor(window: MainWindow, file: Path, rel: str) -> PageEditor | None:
    """A PageEditor for `file` with its form filled, or None (the writer is told why)."""
    assert window.model is not None
    if not file.name.lower().endswith(CONTENT_EXTS):
        messages.warning(window, "Cannot open the page",
                         f"{file}: not a content page (Writer opens {', '.join(CONTENT_EXTS)} files)")
        return None
    if not window.model.site.inside(file):
        messages.warning(window, "Cannot open the page",
                         f"{file}: it links to a file outside the site ({file.resolve()}); "
                         "Writer reads nothing outside the site")
        return None
    safe = window.guard.crashed_opening(file)  # it took Writer down last time: no form, no preview
    window.guard.opening(file)
    read_only = ""
    try:
        page = Page.load(file)
    except WriterError as exc:
        page, read_only = _legacy_page(window, file, exc)
        if page is None:
            messages.warning(window, "Cannot open the page", str(exc))
            return None
    editor = PageEditor(page, theme=window.theme, large=len(page.body) > LARGE_PAGE_CHARS or safe)
    if read_only:
        editor.set_read_only(read_only)
    if safe:
        editor.safe_mode = True
        messages.warning(window, "Opened in safe mode",
                         f"Writer closed unexpectedly while opening {rel} last time. It is open in safe mode: "
                         "no form, no preview, no highlighting or spelling. Fix the page in the editor or the "
                         "Raw tab; once the file changes it opens normally again.")
        editor.form.load_raw_only(page)
        return editor
    if editor.large:
        window.statusBar().showMessage(
            f"{file.name} is large ({len(page.body) // 1_000_000} MB): highlighting, spelling and the "
            "live preview are off for it; editing and saving work as usual", 15000)
    info = window.model.index.get(rel)
    editor.set_form_data(sibling_fields(window.model.index, info), site_values(window.model.index))
    return editor


def page_label(model, path: Path, title: str = "") -> str:
    """A page as a writer knows it: “Title” (content/blog/x/index.de.md); in a site of bundles
    every file is called index.de.md."""
    rel = str(path)
    if model is not None:
        with contextlib.suppress(ValueError):  # a page outside the site keeps its full path
            rel = Path(os.path.abspath(path)).relative_to(model.site.root).as_posix()
        info = model.index.get(rel)
        title = title or (info.title if info else "")
    return f"“{title}” ({rel})" if title else rel


def _legacy_page(window: MainWindow, file: Path, error: WriterError) -> tuple[Page | None, str]:
    """A page that is not UTF-8 opens read-only, decoded with the likely encoding, named."""
    if "not UTF-8" not in error.message:
        return None, ""
    text, encoding = decode_legacy(read_bytes(file))
    page = Page(text, file)
    reason = (f"{file.name} is not UTF-8 (it looks like {encoding}): it is shown read-only and "
              "is never re-encoded; convert it to UTF-8 to edit it")
    messages.warning(window, "Opened read-only", reason)
    return page, reason
