"""Pictures of the helper dialogs on the sample site, for the README.

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py docs/screenshots
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from writer.ui.dialogs.compare import CompareDialog  # noqa: E402
from writer.ui.dialogs.image import ImageDialog  # noqa: E402
from writer.ui.dialogs.link import LinkDialog  # noqa: E402
from writer.ui.dialogs.site_ops import DeleteDialog, MoveDialog, NewPageDialog  # noqa: E402
from writer.ui.dialogs.translate import TranslateDialog  # noqa: E402
from writer.ui.main_window import MainWindow  # noqa: E402
from writer.ui.settings import AppSettings  # noqa: E402


def grab(app: QApplication, widget, out: Path) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(out))
    widget.close()


def main(out_dir: Path) -> None:
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        site = Path(shutil.copytree(ROOT / "resources" / "sample-site", tmp / "site"))
        window = MainWindow(AppSettings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)),
                            use_webengine=False, theme="light")
        window.open_site(site)
        model = window.model
        page = site / "content/blog/gemeinsam-schreiben/index.de.md"
        info = model.index.page_for_file(page)
        shot = QImage(960, 540, QImage.Format.Format_RGB32)
        shot.fill(QColor("#2e5c8a"))
        image = ImageDialog(site, page, "leaf", image=shot, max_width=800)
        image.alt_edit.setText("Zwei Entwürfe nebeneinander")
        image.caption_edit.setText("Der erste und der dritte Entwurf im Vergleich.")
        image.wait_for_size()  # the size shown is worked out in the background
        grab(app, image, out_dir / "dialog-image.png")
        link = LinkDialog(model, info)
        link.search.setText("remote")
        link.anchor.setCurrentIndex(2)
        grab(app, link, out_dir / "dialog-link.png")
        grab(app, TranslateDialog(model.index, info), out_dir / "dialog-translate.png")
        new = NewPageDialog(model.index, "blog", "de")
        new.title_edit.setText("Schreiben im Zug")
        grab(app, new, out_dir / "dialog-new-page.png")
        move = MoveDialog(model.index, info)
        move.new_path.setText("blog/zusammen-schreiben")
        grab(app, move, out_dir / "dialog-move.png")
        remote = model.index.page_for_file(site / "content/blog/remote-teams/index.de.md")
        theirs = remote_text = (site / "content/blog/remote-teams/index.de.md").read_text(encoding="utf-8")
        lines = remote_text.replace("Remote", "Verteilte", 1).splitlines(keepends=True)
        lines.insert(12, "Ein neuer Absatz, den ich heute geschrieben habe.\n\n")
        compare = CompareDialog("“Remote-Teams gut führen” (content/blog/remote-teams/index.de.md)",
                                theirs, "".join(lines))
        compare.resize(1200, 720)
        compare.changes.setCurrentRow(1)
        grab(app, compare, out_dir / "dialog-compare.png")
        grab(app, DeleteDialog(model.index, remote), out_dir / "dialog-delete.png")
        window.resize(1400, 800)
        window.open_page("content/blog/remote-teams/index.fr.md")
        window.left.setCurrentWidget(window.translations)
        window.actions["side_by_side"].trigger()
        grab(app, window, out_dir / "side-by-side.png")
        window.close_all_tabs()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
