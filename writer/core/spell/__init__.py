"""Offline spellchecking in the page's language: Markdown-aware words, dictionaries, site words."""

from writer.core.spell.checker import SpellChecker, available_languages
from writer.core.spell.tokenizer import Word, markdown_words, utf16_index

__all__ = ["SpellChecker", "Word", "available_languages", "markdown_words", "utf16_index"]
