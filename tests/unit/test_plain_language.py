"""Plain language (B1): the resident-facing Dutch sentences stay short, and the measure is right."""

from __future__ import annotations

import pytest

from smi_intake.languages import dutch_sentence_report, sentences, words


def test_the_resident_facing_dutch_sentences_average_at_most_15_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = dutch_sentence_report()
    with capsys.disabled():
        print(
            f"\nB1 check: {report.sentences} sentences in {report.messages} messages, "
            f"average {report.average:.1f} words, longest {report.longest}: {report.longest_sentence}"
        )
    assert report.messages > 100  # the measure sees the texts
    assert report.average <= 15, report
    assert report.longest <= 25, report.longest_sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vul uw kenmerk in. Druk dan op Verder.", [4, 4]),
        ("Wat is er aan de hand?\nVertel het ons!", [6, 3]),
        ("U krijgt %(n)s dagdelen per week.", [6]),
        ("**Let op:** bewaar uw code.", [5]),
        ("Stap 2 van 9", [4]),
    ],
)
def test_sentences_and_words_are_counted_as_a_reader_sees_them(text: str, expected: list[int]) -> None:
    assert [words(s) for s in sentences(text)] == expected
