"""Text from a page, a file name or an error is shown as text: Qt never reads it as HTML (an
`<img src=...>` in a key, a title or a file name would make Qt load that file)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from writer.ui.dialogs.site_ops import DeleteDialog, MoveDialog
from writer.ui.dialogs.translate import TranslateDialog

IMG = '<img src="{}">'
UI = Path(__file__).parents[2] / "writer" / "ui"


def _hostile_site(site: Path, secret: Path) -> str:
    tag = IMG.format(secret)
    page = site / "content" / "docs" / "feind.md"
    page.write_text(f"---\ntitle: '{tag} Titel'\n'{tag}': x\nseo:\n  '{tag}': y\n---\nText\n", encoding="utf-8")
    (site / "content" / "docs" / f"{tag.replace('/', '_')}.md").write_text("---\ntitle: n\n---\n", encoding="utf-8")
    return tag


def _labels_with(widget, needle: str) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if needle in label.text()]


def test_keys_titles_and_file_names_show_as_text(window, site, tmp_path, no_modal_dialogs) -> None:
    secret = tmp_path / "outside" / "secret.png"
    _hostile_site(site, secret)
    window.open_site(site)
    editor = window.open_page("content/docs/feind.md")
    labels = _labels_with(editor.form, "<img")
    assert len(labels) >= 1  # the key's row label shows the tag's characters
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    info = window.model.index.get("content/docs/feind.md")
    for dialog in (DeleteDialog(window.model.index, info, window), MoveDialog(window.model.index, info, window),
                   TranslateDialog(window.model.index, info, window)):
        shown = _labels_with(dialog, "<img")
        assert shown and all(label.textFormat() == Qt.TextFormat.PlainText for label in shown), type(dialog)
        dialog.deleteLater()
    tips = [str(index.data(Qt.ItemDataRole.ToolTipRole)) for index in _tree_items(window.site_tree)]
    assert any("&lt;img" in tip for tip in tips) and not any(IMG.format(secret) in tip for tip in tips)


def test_the_duplicate_key_error_label_is_plain_text(window, site, tmp_path) -> None:
    tag = IMG.format(tmp_path / "secret.png")
    (site / "content" / "docs" / "doppelt.md").write_text(f"---\n'{tag}': 1\n'{tag}': 2\n---\n", encoding="utf-8")
    window.open_site(site)
    editor = window.open_page("content/docs/doppelt.md")
    error = editor.form.error_label
    assert "<img" in error.text() and error.textFormat() == Qt.TextFormat.PlainText


def test_message_boxes_show_file_names_as_text(window, site, monkeypatch) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr("writer.ui.messages._exec", lambda box, kind: shown.append(box) or QMessageBox.StandardButton.Ok)
    name = '<img src="x">.txt'
    (site / "content" / name).write_text("x", encoding="utf-8")
    window.open_site(site)
    window.open_page(f"content/{name}")
    assert shown and "<img" in shown[0].text() and shown[0].textFormat() == Qt.TextFormat.PlainText


def _tree_items(tree):
    """Every index of the tree's model, asked through the model as the view asks."""
    model = tree.model
    stack = [model.index(i, 0) for i in range(model.rowCount())]
    while stack:
        index = stack.pop()
        yield index
        stack.extend(model.index(i, 0, index) for i in range(model.rowCount(index)))


def test_no_widget_guesses_rich_text() -> None:
    """Every label, message box and tooltip of the window goes through writer/ui/messages.py."""
    offenders = []
    for path in UI.rglob("*.py"):
        if path.name == "messages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
            if name == "QLabel" or (owner == "QMessageBox" and name in ("warning", "critical", "question", "information")) \
                    or name == "QMessageBox":
                offenders.append(f"{path.name}:{node.lineno} {name}")
            if name in ("setToolTip", "setTabToolTip") and node.args:
                text = node.args[-1]
                dynamic = not (isinstance(text, ast.Constant) or (isinstance(text, ast.Call)
                                                                   and getattr(text.func, "attr", "") == "tip"))
                if dynamic:
                    offenders.append(f"{path.name}:{node.lineno} {name}")
    assert offenders == []


def test_a_page_linked_outside_the_site_is_not_opened(window, site, tmp_path, no_modal_dialogs) -> None:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("---\ntitle: Geheim\n---\nNur für mich\n", encoding="utf-8")
    (site / "content" / "docs" / "leak.md").symlink_to(secret)
    window.open_site(site)
    assert window.open_page("content/docs/leak.md") is None
    assert any("outside the site" in text and "leak.md" in text for _, text in no_modal_dialogs)
    assert "content/docs/leak.md" not in window.site_tree.visible_paths()  # Hugo leaves it out too


def test_a_broken_site_dictionary_is_named_in_the_window(window, site, qtbot) -> None:
    (site / ".writer").mkdir()
    (site / ".writer" / "dictionary.de.txt").write_bytes(b"\x00\x01\x02binary")
    window.open_site(site)
    window.open_page("content/docs/install.md")
    qtbot.waitUntil(lambda: "Site dictionary not used" in window.statusBar().currentMessage(), timeout=20000)
    assert "dictionary.de.txt" in window.statusBar().currentMessage()
