"""The menu bar: File, Edit, Insert, View, Help, with the platforms' standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

import writer

if TYPE_CHECKING:
    from writer.ui.main_window import MainWindow

Std = QKeySequence.StandardKey


def _editor_call(window: MainWindow, method: str, *args) -> Callable[[], None]:
    def call() -> None:
        editor = window.current_editor()
        if editor is not None:
            getattr(editor.editor, method)(*args)

    return call


def build_menus(window: MainWindow) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    bar = window.menuBar()

    def add(menu: QMenu, name: str, text: str, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        actions[name] = action
        return action

    file_menu = bar.addMenu("&File")
    add(file_menu, "new_page", "New Page…", window.helpers.new_page, Std.New)
    add(file_menu, "open_site", "Open Site…", window.open_site_dialog, Std.Open)
    recent = file_menu.addMenu("Open Recent")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    add(file_menu, "open_sample", "Open Sample Site", window.open_sample_site)
    file_menu.addSeparator()
    add(file_menu, "translate", "Translated Copies…", window.helpers.translate, "Ctrl+Shift+T")
    add(file_menu, "move_page", "Rename or Move Page…", window.helpers.move_page, "F2")
    add(file_menu, "delete_page", "Delete Page…", window.helpers.delete_page)
    add(file_menu, "publish", "Publish (draft off, date now)", window.helpers.publish, "Ctrl+Shift+P")
    file_menu.addSeparator()
    add(file_menu, "save", "Save", window.save_current, Std.Save)
    add(file_menu, "save_as", "Save As…", window.save_as, Std.SaveAs)
    add(file_menu, "save_all", "Save All", window.save_all, "Ctrl+Alt+S")
    lastmod = add(file_menu, "update_lastmod", "Update lastmod on Save", window.settings.set_update_lastmod,
                  checkable=True)
    lastmod.setChecked(window.settings.update_lastmod)
    lastmod.setToolTip("When a page or most pages of its section carry lastmod, saving a changed page "
                       "sets it to today in the form the page uses")
    add(file_menu, "close_tab", "Close Page", lambda: window.close_tab(window.tabs.currentIndex()), Std.Close)
    file_menu.addSeparator()
    add(file_menu, "quit", "Quit", window.close, Std.Quit)

    edit = bar.addMenu("&Edit")
    for name, text, key in (("undo", "Undo", Std.Undo), ("redo", "Redo", Std.Redo), ("cut", "Cut", Std.Cut),
                            ("copy", "Copy", Std.Copy), ("paste", "Paste", Std.Paste)):
        add(edit, name, text, _editor_call(window, name), key)
    edit.addSeparator()
    add(edit, "find", "Find…", lambda: window.find_bar.show_bar(False), Std.Find)
    add(edit, "replace", "Replace…", lambda: window.find_bar.show_bar(True), "Ctrl+H")
    add(edit, "find_next", "Find Next", window.find_bar.find_next, Std.FindNext)
    add(edit, "find_previous", "Find Previous", window.find_bar.find_previous, Std.FindPrevious)
    edit.addSeparator()
    add(edit, "next_misspelling", "Next Misspelling", lambda: window.next_misspelling(False), "F7")
    add(edit, "previous_misspelling", "Previous Misspelling", lambda: window.next_misspelling(True), "Shift+F7")

    insert = bar.addMenu("&Insert")
    add(insert, "insert_image", "Image…", window.helpers.insert_image, "Ctrl+Shift+I")
    add(insert, "insert_link", "Link to Page…", window.helpers.insert_link, "Ctrl+Alt+K")
    insert.addSeparator()
    add(insert, "bold", "Bold", _editor_call(window, "bold"), Std.Bold)
    add(insert, "italic", "Italic", _editor_call(window, "italic"), Std.Italic)
    add(insert, "link", "Link", _editor_call(window, "link"), "Ctrl+K")
    add(insert, "heading", "Heading (cycle level)", _editor_call(window, "heading"), "Ctrl+Shift+H")
    add(insert, "bullet_list", "Bulleted List", _editor_call(window, "bullet_list"), "Ctrl+Shift+8")
    add(insert, "quote", "Quote", _editor_call(window, "quote"), "Ctrl+Shift+.")
    add(insert, "code", "Code", _editor_call(window, "inline_code"), "Ctrl+Shift+C")

    view = bar.addMenu("&View")
    add(view, "zoom_in", "Zoom In", _editor_call(window, "zoom", 1), Std.ZoomIn)
    add(view, "zoom_out", "Zoom Out", _editor_call(window, "zoom", -1), Std.ZoomOut)
    add(view, "zoom_reset", "Actual Size", _editor_call(window, "reset_zoom"), "Ctrl+0")
    wrap = add(view, "wrap", "Soft Wrap", lambda on: [e.editor.set_wrap(on) for e in window.editors()],
               checkable=True)
    wrap.setChecked(True)
    add(view, "remote_images", "Load Remote Images in Preview", window.set_remote_images, checkable=True)
    sync = add(view, "sync_scroll", "Sync Preview Scrolling", lambda _on: None, checkable=True)
    sync.setChecked(True)
    add(view, "side_by_side", "Side by Side with Source Language", window.helpers.toggle_side_by_side,
        "Ctrl+Alt+B", checkable=True)
    add(view, "outline", "Show Outline", lambda: window.left.setCurrentWidget(window.outline), "Ctrl+Shift+O")
    themes = view.addMenu("Theme")
    group = QActionGroup(window)
    for choice, text in (("auto", "Follow System"), ("light", "Light"), ("dark", "Dark")):
        action = add(themes, f"theme_{choice}", text, lambda _c=False, c=choice: window.set_theme_choice(c),
                     checkable=True)
        action.setChecked(choice == window.theme_choice)
        group.addAction(action)

    toolbar = window.addToolBar("Helpers")
    toolbar.setObjectName("helpers-toolbar")
    toolbar.setMovable(False)
    for name in ("new_page", "insert_image", "insert_link", "translate", "side_by_side", "publish"):
        toolbar.addAction(actions[name])

    help_menu = bar.addMenu("&Help")
    add(help_menu, "about", "About Writer", lambda: _about(window))
    return actions


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    for path in window.settings.recent_sites:
        action = menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: window.open_path(Path(p)))
    if not window.settings.recent_sites:
        menu.addAction("No recent sites").setEnabled(False)


def about_text() -> str:
    """Writer's version and the versions of the libraries it stands on."""
    from importlib.metadata import PackageNotFoundError, version

    import PySide6
    from PySide6.QtCore import qVersion

    rows = [f"Qt {qVersion()}", f"Qt for Python {PySide6.__version__}"]
    for name in ("markdown-it-py", "mdit-py-plugins", "Pygments", "pyspellchecker", "ruamel.yaml",
                 "tomlkit", "PyYAML"):
        try:
            rows.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            rows.append(f"{name} (bundled)")
    return (f"<b>Writer {writer.__version__}</b><br>Markdown authoring for Hugo sites, offline.<br><br>"
            + "<br>".join(rows))


def _about(window: MainWindow) -> None:
    QMessageBox.about(window, "About Writer", about_text())
