"""Dialogs of the writing window."""
