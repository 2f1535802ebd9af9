"""Spellchecking with real dictionaries (de, en, fr) on text written for these tests."""

from __future__ import annotations

import pytest

from writer.core.errors import WriterError
from writer.core.spell import SpellChecker, available_languages, markdown_words, utf16_index


@pytest.fixture(scope="module")
def de() -> SpellChecker:
    checker = SpellChecker("de")
    assert checker.load()
    return checker


@pytest.fixture(scope="module")
def en() -> SpellChecker:
    checker = SpellChecker("en")
    checker.load()
    return checker


@pytest.fixture(scope="module")
def fr() -> SpellChecker:
    checker = SpellChecker("fr")
    checker.load()
    return checker


def test_the_site_languages_have_dictionaries() -> None:
    assert {"de", "en", "fr", "es", "pt", "ru", "it", "nl"} <= set(available_languages())


def test_german(de) -> None:
    text = "Unser Team arbeitet in drei Zeitzonen und schreibt jede Entscheidung auf.\n"
    assert de.misspelled(text) == []
    wrong = de.misspelled("Die Besprechnug war kurz, das Ergebnis klahr.\n")
    assert [w.text for w in wrong] == ["Besprechnug", "klahr"]
    assert "Besprechung" in de.suggestions("Besprechnug")


def test_english_with_contractions(en) -> None:
    assert en.misspelled("We don't write everything down, but the team's notes help.\n") == []
    assert [w.text for w in en.misspelled("The meetnig was short.\n")] == ["meetnig"]
    assert en.suggestions("meetnig")[0] == "meeting"


def test_french_elisions_and_typographic_apostrophes(fr) -> None:
    text = "Aujourd'hui, l’équipe travaille d'abord à distance, jusqu'à midi.\n"
    assert fr.misspelled(text) == []
    assert [w.text for w in fr.misspelled("L'équipe travallie beaucoup.\n")] == ["travallie"]


def test_markdown_regions_are_skipped(en) -> None:
    text = (
        "A [lnik text](https://exmaple.org/pth) and `cdoe` here.\n"
        "```python\nimprot sys\n```\n"
        '{{< figure src="fotto.png" caption="Captoin" >}} <span class="hdr">wrods</span>\n'
        "Visit www.exmaple.org or mail ana@exmaple.org, version v2beta and snake_case.\n"
        "## Heading {#custum-id}\n"
        "    indneted code\n"
    )
    assert [w.text for w in en.misspelled(text)] == ["lnik", "wrods"]  # text between tags is prose


def test_offsets_are_right_for_emoji_and_accents() -> None:
    text = "😀 Café für 👩‍👩‍👧 Équipe\n"
    words, _ = markdown_words(text)
    assert [text[w.start:w.end] for w in words] == ["Café", "für", "Équipe"]
    cafe = words[0]
    assert utf16_index(text, cafe.start) == 3  # the emoji takes two UTF-16 units
    qt_text = text.encode("utf-16-le")
    start, end = utf16_index(text, words[2].start), utf16_index(text, words[2].end)
    assert qt_text[start * 2:end * 2].decode("utf-16-le") == "Équipe"


def test_fence_state_carries_between_blocks() -> None:
    words, in_fence = markdown_words("Text\n```\ncode")
    assert [w.text for w in words] == ["Text"] and in_fence
    words, in_fence = markdown_words("still code\n```\nprose", in_fence=True)
    assert [w.text for w in words] == ["prose"] and not in_fence


def test_site_dictionary_and_ignore(tmp_path) -> None:
    checker = SpellChecker("de", site_root=tmp_path)
    checker.load()
    assert not checker.is_correct("Lumenwerkstatt")
    path = checker.add_to_site_dictionary("Lumenwerkstatt")
    assert path == tmp_path / ".writer" / "dictionary.de.txt"
    assert path.read_text(encoding="utf-8") == "Lumenwerkstatt\n"
    checker.add_to_site_dictionary("Almanach")
    assert path.read_text(encoding="utf-8") == "Almanach\nLumenwerkstatt\n"
    assert checker.is_correct("lumenwerkstatt")
    assert SpellChecker("de", site_root=tmp_path).site_words == {"almanach", "lumenwerkstatt"}
    assert not checker.is_correct("Xyzzyq")
    checker.ignore("Xyzzyq")
    assert checker.is_correct("Xyzzyq")


def test_language_without_dictionary_checks_nothing() -> None:
    checker = SpellChecker("sv")
    assert not checker.supported and not checker.load()
    assert checker.misspelled("Hej alla vänner, detta ar fel stavat.\n") == []


@pytest.mark.parametrize("lang", ["ru", "es"])
def test_line_by_line_reading_equals_the_librarys_own(lang) -> None:
    from spellchecker import SpellChecker as Library

    from writer.core.spell.checker import read_word_counts

    ours = read_word_counts(lang)
    theirs = Library(language=lang).word_frequency.dictionary
    assert len(ours) == len(theirs)
    assert all(theirs[word.lower()] == count for word, count in list(ours.items())[::97])


def test_german_compounds_domains_and_ligatures(de, fr) -> None:
    text = "Im Besprechungsraum lagen Versionshinweise und Archivkartons; mehr auf timeanddate.com.\n"
    assert de.misspelled(text) == []
    assert [w.text for w in de.misspelled("Der Besprechnugsraum ist zu.\n")] == ["Besprechnugsraum"]
    assert fr.is_correct("cœur") and not fr.is_correct("cœurx")


def test_the_sample_site_spells_clean_with_its_site_dictionaries() -> None:
    from pathlib import Path

    from writer.core.document import Page
    from writer.core.hugo.index import ContentIndex
    from writer.core.hugo.site import Site

    root = Path(__file__).parents[3] / "resources" / "sample-site"
    index = ContentIndex.build(Site.open(root))
    checkers = {lang: SpellChecker(lang, root) for lang in index.site.language_codes}
    for checker in checkers.values():
        checker.load()
    wrong = [(p.path, w.text) for p in index.pages
             for w in checkers[p.lang].misspelled(Page.load(root / p.path).body)]
    assert wrong == []


def test_adding_a_word_changes_one_line_of_a_kept_dictionary(tmp_path) -> None:
    path = tmp_path / ".writer" / "dictionary.de.txt"
    path.parent.mkdir()
    kept = "# Namen der Firma\r\nZebra\r\nAnton\r\n\r\n# Produkte\r\nNotizblock"  # unsorted, CRLF, no final newline
    path.write_bytes(kept.encode("utf-8"))
    checker = SpellChecker("de", site_root=tmp_path)
    checker.add_to_site_dictionary("Mittwochsrunde")
    assert path.read_bytes() == kept.replace("Zebra", "Mittwochsrunde\r\nZebra").encode("utf-8")
    checker.add_to_site_dictionary("Anton")  # already there: no byte changes
    assert path.read_bytes() == kept.replace("Zebra", "Mittwochsrunde\r\nZebra").encode("utf-8")
    path.write_bytes("Caf\xe9\n".encode("latin-1"))
    with pytest.raises(WriterError, match="not UTF-8"):
        checker.add_to_site_dictionary("Neu")
    assert path.read_bytes() == "Caf\xe9\n".encode("latin-1")


@pytest.mark.parametrize("lang", ["de", "fr", "ru"])
def test_the_compact_dictionary_knows_what_the_library_knows(lang) -> None:
    """Every word's count, and the suggestions (known words one edit away), as pyspellchecker's."""
    from spellchecker import SpellChecker as Library

    from writer.core.spell.checker import read_word_counts
    from writer.core.spell.compact import CompactDictionary, build

    counts = read_word_counts(lang)
    compact = CompactDictionary(build(counts))
    assert compact.size == len(counts)
    assert all(compact.count(word) == count for word, count in list(counts.items())[::37])
    library = Library(language=lang, distance=1)
    samples = list(counts)[5000::20011][:8]
    for word in samples:
        for wrong in (word[1:], word[:-1] + "x", word[:2] + word[3:], "zz" + word):
            assert compact.count(wrong) == library.word_frequency.dictionary.get(wrong, 0)
            assert compact.candidates(wrong) == (library.candidates(wrong) or set()), wrong


def test_a_damaged_compact_file_is_refused_and_made_again(tmp_path, monkeypatch) -> None:
    from writer.core.spell import checker as module
    from writer.core.spell.compact import CompactDictionary, build

    data = build({"haus": 3, "maus": 2, "straße": 1, "ёж": 5})
    table = CompactDictionary(data)
    assert table.count("straße") == 1 and table.count("ёж") == 5 and "hau" not in table
    assert table.candidates("hxus") == {"haus"} and table.candidates("aus") == {"haus", "maus"}
    for damaged in (b"", data[:20], b"XXXXXXXX" + data[8:], data[:-3]):
        with pytest.raises(ValueError):
            CompactDictionary(damaged)
    monkeypatch.setenv("WRITER_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(module, "_loaded", {})
    path = module.dictionary_file("nl")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"planted")
    dictionary = module.load_dictionary("nl")
    assert "huis" in dictionary and path.read_bytes().startswith(b"WRDICT2")


def test_a_compact_file_is_mapped_and_a_damaged_or_empty_one_refused(tmp_path) -> None:
    from writer.core.spell.compact import CompactDictionary, build

    data = build({"haus": 2, "maus": 1})
    path = tmp_path / "de.dict"
    for damaged in (b"", data[:-3], b"WRDICT2\n" + bytes(40)):
        path.write_bytes(damaged)
        with pytest.raises(ValueError):
            CompactDictionary.read(path)
        path.unlink()  # nothing holds the refused file (it is made again in its place)
    path.write_bytes(data)
    table = CompactDictionary.read(path)
    assert table.count("haus") == 2 and table.candidates("mxus") == {"maus"}


def test_a_compact_file_with_wild_slots_answers_without_crashing() -> None:
    import struct

    from writer.core.spell.compact import CompactDictionary, build

    data = bytearray(build({"haus": 2, "maus": 1}))
    header = struct.calcsize("<8sIII")
    letters = struct.unpack_from("<8sIII", data)[3]
    at = header + letters
    for slot in range(4):  # every slot names an entry far beyond the words
        struct.pack_into("<I", data, at + 4 * slot, 10_000)
    table = CompactDictionary(bytes(data))
    assert table.count("haus") == 0 and "maus" not in table and table.candidates("hxus") == set()
