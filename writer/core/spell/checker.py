"""Is a word spelled right in a language: pyspellchecker's dictionaries plus the site's own words."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import threading
from functools import lru_cache
from pathlib import Path

from writer.core.errors import ReadError, WriterError
from writer.core.spell.compact import MAGIC, CompactDictionary
from writer.core.spell.compact import build as build_dictionary
from writer.core.spell.tokenizer import Word, markdown_words
from writer.core.textio import MAX_SETTINGS_BYTES, atomic_write, decode_bytes, detect_newline, read_limited

ELISIONS = {
    "fr": ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu"),
    "it": ("l", "d", "un", "dell", "all", "dall", "nell", "sull", "quest", "c", "s"),
    "en": (),
}
ENGLISH_SUFFIXES = ("'s", "'ll", "'re", "'ve", "'d")
COMPOUNDING = {"de", "nl"}  # languages that write compounds as one word
LINKING = ("", "s", "n", "en", "es", "e")  # German/Dutch linking letters between parts
MIN_PART = 3


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """Languages whose dictionary ships with pyspellchecker (de, en, es, fr, it, nl, pt, ru, ...)."""
    import spellchecker

    folder = Path(spellchecker.__file__).parent / "resources"
    return tuple(sorted(p.name.split(".")[0] for p in folder.glob("*.json.gz")))


def read_word_counts(lang: str) -> dict[str, int]:
    """A shipped dictionary's word counts, parsed line by line.

    The files hold one `"word": count,` a line. Parsing them in Python rather than with one
    `json.loads` call lets a background load give the UI thread its turns (a single C call
    holds the interpreter lock for up to 0.3 s on the larger dictionaries).
    """
    import spellchecker

    path = Path(spellchecker.__file__).parent / "resources" / f"{lang}.json.gz"
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    counts: dict[str, int] = {}
    position = 0
    while position < len(text):  # short steps, not one long splitlines() call
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        entry = text[position:end].strip().rstrip(",")
        position = end + 1
        if not entry.startswith('"'):
            continue
        key, _, count = entry.rpartition(":")
        word = json.loads(key) if "\\" in key else key.strip()[1:-1]
        counts[word] = int(count)
    return counts or json.loads(text)


_loaded: dict[str, CompactDictionary] = {}  # one copy a language for every checker of the process
_loading = threading.Lock()


@lru_cache(maxsize=1)
def _library_version() -> str:
    import importlib.metadata

    return importlib.metadata.version("pyspellchecker")


def dictionary_file(lang: str) -> Path:
    """Where a language's compact dictionary is kept (Writer's data folder; per pyspellchecker
    version and file format)."""
    from writer.core.paths import app_data_dir

    return app_data_dir() / "dictionaries" / f"{lang}-{_library_version()}-{MAGIC[2:-1].decode()}.dict"


def write_dictionary_file(lang: str, path: str) -> None:
    """Turn pyspellchecker's word list into the compact file (run in a process of its own)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, build_dictionary(read_word_counts(lang)))


def load_dictionary(lang: str) -> CompactDictionary:
    """A language's dictionary: the compact file, made first when there is none (in another
    process, so that this one keeps drawing; here when no process can be started)."""
    with _loading:
        found = _loaded.get(lang)
        if found is not None:
            return found
        path = dictionary_file(lang)
        try:
            found = CompactDictionary.read(path)
        except (OSError, ValueError):
            _write_in_process(lang, path)
            try:
                found = CompactDictionary.read(path)
            except (OSError, ValueError):  # no data folder to keep it in: built and kept in memory
                found = CompactDictionary(build_dictionary(read_word_counts(lang)))
        _loaded[lang] = found
        return found


def _write_in_process(lang: str, path: Path) -> None:
    import multiprocessing

    from writer.core import processes

    try:
        process = multiprocessing.get_context(processes.METHOD).Process(
            target=write_dictionary_file, args=(lang, str(path)), daemon=True)
        process.start()
        process.join(120)
        if process.is_alive():
            process.kill()
    except (OSError, RuntimeError, ValueError):
        pass
    if not path.is_file():
        with contextlib.suppress(OSError):
            write_dictionary_file(lang, str(path))


def site_dictionary_path(site_root: Path, lang: str) -> Path:
    return site_root / ".writer" / f"dictionary.{lang}.txt"


def read_site_dictionary(site_root: Path, lang: str) -> str:
    """The text of a site dictionary ("" when there is none). Only a regular UTF-8 file of at
    most 5 MB inside the site is read; a WriterError names the file and the problem."""
    path = site_dictionary_path(site_root, lang)
    _refuse_outside(site_root, path)
    if not os.path.lexists(path):
        return ""
    try:
        return decode_bytes(read_limited(path, MAX_SETTINGS_BYTES, "dictionary"), path).text
    except ReadError as exc:
        if "does not exist" in exc.message:
            return ""
        raise


def _refuse_outside(site_root: Path, path: Path) -> None:
    real_root = os.path.realpath(site_root)
    try:
        inside = os.path.commonpath([os.path.realpath(path), real_root]) == real_root
    except ValueError:  # another drive
        inside = False
    if not inside:
        raise WriterError("the site dictionary (or its .writer folder) is a symbolic link to a place "
                          "outside the site: Writer reads and writes no file outside the site", path)


def load_site_words(site_root: Path | None, lang: str) -> tuple[set[str], WriterError | None]:
    """The site's own words, and why its dictionary could not be read (None when it could)."""
    if site_root is None:
        return set(), None
    try:
        text = read_site_dictionary(site_root, lang)
    except WriterError as exc:
        return set(), exc
    words = {line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return words, None


def read_site_words(site_root: Path | None, lang: str) -> set[str]:
    return load_site_words(site_root, lang)[0]


class SpellChecker:
    """One language. Loading the dictionary is lazy (`load()` may run in a background thread)."""

    def __init__(self, lang: str, site_root: Path | None = None) -> None:
        self.lang = lang.lower().split("-")[0]
        self.site_root = site_root
        # why the site dictionary could not be read (binary, too large, a FIFO, outside the site)
        self.site_words, self.site_dictionary_error = load_site_words(site_root, self.lang)
        self.ignored: set[str] = set()
        self._spell: CompactDictionary | None = None
        self._cache: dict[str, bool] = {}
        self._compounds: dict[tuple[str, int], bool] = {}
        self._lock = threading.Lock()

    @property
    def supported(self) -> bool:
        return self.lang in available_languages()

    @property
    def loaded(self) -> bool:
        return self._spell is not None

    def load(self) -> bool:
        """Read the dictionary (a few milliseconds; the first time ever about two seconds, in
        another process); False when the language has none."""
        if not self.supported:
            return False
        with self._lock:
            if self._spell is None:
                self._spell = load_dictionary(self.lang)
        return True

    def is_correct(self, word: str) -> bool:
        """Unknown before loading, and for unsupported languages: everything passes."""
        if self._spell is None:
            return True
        key = word.replace("’", "'").lower()
        cached = self._cache.get(key)
        if cached is None:
            cached = self._check(key, word)
            self._cache[key] = cached
        return cached

    def _known(self, word: str) -> bool:
        return word in self._spell or word in self.site_words or word in self.ignored  # type: ignore[operator]

    def _check(self, key: str, original: str) -> bool:
        if len(key) < 2 or (original.isupper() and len(original) <= 6) or self._known(key):
            return True
        if "'" in key:
            head, _, tail = key.partition("'")
            if head in ELISIONS.get(self.lang, ()) and (not tail or self._known(tail)):
                return True
            if self.lang == "en" and any(key.endswith(s) and self._known(key[: -len(s)]) for s in ENGLISH_SUFFIXES):
                return True
        if "-" in key:
            parts = [p for p in key.split("-") if p]
            return all(len(p) < 2 or self._known(p) or self._compound(p) for p in parts)
        if "œ" in key or "æ" in key:
            return self._known(key.replace("œ", "oe").replace("æ", "ae"))
        return self._compound(key)

    def _compound(self, word: str, depth: int = 0) -> bool:
        """Whether a German or Dutch word is made of known words (Besprechungsraum = Besprechung
        + s + Raum), up to four parts. Results are kept, so each ending is looked at once."""
        if self.lang not in COMPOUNDING or depth > 3 or len(word) < 2 * MIN_PART:
            return False
        memo = self._compounds.get((word, depth))
        if memo is not None:
            return memo
        found = False
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if self._known(tail) or self._compound(tail, depth + 1):
                found = any(
                    head.endswith(link) and len(head) - len(link) >= MIN_PART
                    and self._known(head[: len(head) - len(link)])
                    for link in LINKING
                )
                if found:
                    break
        self._compounds[(word, depth)] = found
        return found

    def misspelled(self, text: str, in_fence: bool = False) -> list[Word]:
        words, _ = markdown_words(text, in_fence)
        return [w for w in words if not self.is_correct(w.text)]

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        if self._spell is None:
            return []
        key = word.replace("’", "'").lower()
        spell = self._spell
        ranked = sorted(spell.candidates(key) - {key}, key=lambda w: (-spell.count(w), w))[:limit]
        if word[:1].isupper():
            ranked = [w[:1].upper() + w[1:] for w in ranked]
        return ranked

    def ignore(self, word: str) -> None:
        self.ignored.add(word.replace("’", "'").lower())
        self._cache.clear()

    def add_to_site_dictionary(self, word: str) -> Path:
        """Add a word to `.writer/dictionary.<lang>.txt` in the site: one line inserted in
        alphabetical place; every other byte of the file (comments, order, line breaks) stays."""
        if self.site_root is None:
            raise ValueError("no site to keep the word in")
        path = site_dictionary_path(self.site_root, self.lang)
        text = read_site_dictionary(self.site_root, self.lang)
        lines = text.splitlines(keepends=True)
        if word not in (line.rstrip("\r\n") for line in lines):
            newline = detect_newline(text)
            place = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")
                          and line.strip().lower() > word.lower()), len(lines))
            if place == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
                lines[-1] += newline  # appended after a last line without its line break
            lines.insert(place, word + newline)
            os.makedirs(path.parent, exist_ok=True)
            atomic_write(path, "".join(lines).encode("utf-8"))
        self.site_words.add(word.lower())
        self._cache.clear()
        return path
