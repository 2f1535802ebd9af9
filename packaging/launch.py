"""Entry point of the frozen app (PyInstaller)."""

from writer.cli import main

raise SystemExit(main())
