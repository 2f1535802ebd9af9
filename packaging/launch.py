"""Entry point of the frozen app (PyInstaller)."""

import multiprocessing

from writer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a pool process of the frozen app runs its job, not the app
    raise SystemExit(main())
