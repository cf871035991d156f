"""Normalisation for Azerbaijani typed with and without its letters, and bad-input handling."""
import copy
import pickle

import pytest

from classifier.text import MAX_CHARS, TextError, az_lower, fold, fold_per_char, normalise, prepare


@pytest.mark.parametrize("raw,expected", [
    ("İNTERNET", "internet"),
    ("ŞİFRƏ", "şifrə"),
    ("IŞIQ", "ışıq"),
    ("Ağ", "ağ"),
])
def test_az_lower_handles_dotted_and_dotless_i(raw, expected):
    assert az_lower(raw) == expected
    assert len(az_lower(raw)) == len(raw)


@pytest.mark.parametrize("typed_with_letters,typed_without", [
    ("şifrəni dəyişib", "sifreni deyisib"),
    ("sındırıb", "sindirib"),
    ("hesabına daxil olub", "hesabina daxil olub"),
    ("Gəncə", "Gence"),
    ("ÖDƏNİŞ", "odenis"),
])
def test_both_spellings_normalise_alike(typed_with_letters, typed_without):
    assert normalise(typed_with_letters) == normalise(typed_without)


def test_fold_keeps_length_so_spans_map_back():
    text = "Bakıda İŞ yerində şəbəkəyə girdilər — ещё"
    assert len(fold(text)) == len(text)


def test_decomposed_input_is_composed_first():
    assert normalise("s\u0327") == normalise("ş")


@pytest.mark.parametrize("bad,words", [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("12345 !!! ???", "no words"),
    (b"\xff\xfe\x00\x01binary", "not valid UTF-8"),
    ("abc\x00def ghi", "NUL"),
    ("\x01\x02\x03\x04\x05\x06\x07\x08" * 10 + "word", "control characters"),
    ("\ufffd\ufffd\ufffd text \ufffd\ufffd", "mis-encoded"),
    (None, "expected text"),
], ids=["empty", "whitespace", "no-letters", "binary-bytes", "nul", "control", "mis-encoded", "none"])
def test_bad_input_gets_a_clear_error(bad, words):
    with pytest.raises(TextError, match=words):
        prepare(bad)


def test_huge_text_is_truncated_with_a_warning():
    text, warnings = prepare("hackers broke in " * 100_000)
    assert len(text) == MAX_CHARS
    assert "only the first" in warnings[0]


def test_mixed_script_is_accepted():
    text, warnings = prepare("Хакер serverə daxil olub and stole data")
    assert text and not warnings


def test_fast_fold_equals_the_per_character_definition_for_every_character():
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert [fold(c) for c in chars] == [fold_per_char(c) for c in chars]
    for text in ("İstanbul IŞIQ Şəki", "ΣΟΦΙΑ ΣΑΣ", "Bakı ОДИН ёлка", "plain ascii TEXT"):
        assert fold(text) == fold_per_char(text)


def test_warnings_are_english_strings_that_carry_their_azerbaijani_wording():
    from i18n import Text  # the one localised-text type (was classifier.text.Message)
    _, warnings = prepare("hack it")
    assert warnings == ["the text is very short; the analysis is unreliable"]
    assert isinstance(warnings[0], Text) and warnings[0].text("az") == "mətn çox qısadır; təhlil etibarlı deyil"
    assert warnings[0].text("en") == warnings[0]
    again = pickle.loads(pickle.dumps(warnings[0]))
    assert again == warnings[0] and again.az == warnings[0].az and copy.deepcopy(again).az == again.az


def test_text_errors_say_why_in_english_and_in_azerbaijani():
    from classifier.text import TextError, prepare
    with pytest.raises(TextError) as exc:
        prepare("   ...   ")
    assert str(exc.value) == "the text is empty or has no words" == exc.value.message("en")
    assert exc.value.message("az") == "mətn boşdur və ya onda söz yoxdur"
