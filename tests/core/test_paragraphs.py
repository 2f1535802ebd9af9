from writer.core.paragraphs import line_of_paragraph, paragraph_at, paragraph_starts


def test_paragraphs_map_between_texts() -> None:
    source = "# Titel\n\nErster Absatz\nzweite Zeile\n\n\nZweiter Absatz\n"
    starts = paragraph_starts(source)
    assert starts == [0, 2, 6]
    assert paragraph_at(starts, 3) == 1 and paragraph_at(starts, 5) == 1 and paragraph_at(starts, 6) == 2
    translation = "# Title\n\nFirst paragraph, one line\n\nSecond paragraph\n"
    assert line_of_paragraph(paragraph_starts(translation), paragraph_at(starts, 6)) == 4
    assert line_of_paragraph([], 3) == 0
