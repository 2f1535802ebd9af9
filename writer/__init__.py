"""Writer: a desktop Markdown authoring app for Hugo websites."""

__version__ = "0.1.0"
