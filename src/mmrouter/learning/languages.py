"""Which language a turn is written in, for per-language accuracy in `mmrouter eval`.

Deterministic and dependency-free: the Unicode script decides for scripts that one language
dominates (Hangul, kana, Thai, Greek, Hebrew, Devanagari); Arabic script is told apart from
Persian, and Russian from Ukrainian, by their own letters; Latin script is decided by letters
a language alone uses and then by its most frequent words. An unclear text is ``und``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_SCRIPT_PREFIXES = (
    ("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"),
    ("THAI", "th"), ("GREEK", "el"), ("HEBREW", "he"), ("DEVANAGARI", "hi"),
    ("ARABIC", "ar"), ("CYRILLIC", "ru"), ("LATIN", "latin"),
)
_PERSIAN_LETTERS = set("پچژگکی")
_UKRAINIAN_LETTERS = set("іїєґ")

# Letters one Latin-script language alone uses (in this set of languages).
_LATIN_LETTERS = {
    "vi": set("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
    "pl": set("ąęłńśźż"),
    "tr": set("ğış"),
    "sv": set("å"),
    "de": set("ß"),
    "pt": set("ãõ"),
    "es": set("ñ¿¡"),
}

# The most frequent short words of each Latin-script language.
_STOPWORDS = {
    "en": "the and is are you to of in it that this what how for with my your can please me do",
    "es": "el la los las de que y en es por para con una un lo qué cómo mi tu pero muy",
    "pt": "o os as de que e em um uma para com não é você do da no na meu minha",
    "fr": "le la les de des et est un une que je vous pour pas dans ce il qui avec mon",
    "de": "der die das und ist nicht ich du sie ein eine zu mit wie was bitte mein den dem",
    "it": "il lo la gli le di che e è un una per non con mi ti questo come sono della",
    "nl": "de het een en is van ik je niet dat wat hoe mijn voor met op zijn ook maar",
    "sv": "och att det är en ett jag du inte som på för med vad hur min till har kan",
    "pl": "i w nie się na jest to że z do jak co mi czy mój ale tak proszę",
    "tr": "ve bir bu için ne nasıl ben sen de da mi mı çok daha var ile gibi",
    "id": "dan yang di ini itu saya kamu untuk dengan tidak apa bagaimana ada ke dari bisa",
    "vi": "và là của có không tôi bạn này cho một những được với các trong như",
}
_STOPWORD_SETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}


def script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        for prefix, script in _SCRIPT_PREFIXES:
            if name.startswith(prefix):
                counts[script] += 1
                break
    return counts


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``und`` when it cannot tell."""
    counts = script_counts(text)
    if not counts:
        return "und"
    if counts["ja"]:  # kana mark Japanese even among many kanji
        return "ja"
    script = max((s for s in counts if s != "latin"), key=counts.__getitem__, default="latin")
    if script != "latin" and counts[script] >= 0.3 * counts["latin"]:
        return _refine(script, text)
    return _latin_language(text)


def _refine(script: str, text: str) -> str:
    letters = set(text.lower())
    if script == "ar" and letters & _PERSIAN_LETTERS:
        return "fa"
    if script == "ru" and letters & _UKRAINIAN_LETTERS:
        return "uk"
    return script


def _latin_language(text: str) -> str:
    lowered = text.lower()
    scores = _stopword_scores(lowered)
    letters = set(lowered)
    for lang, marks in _LATIN_LETTERS.items():
        scores[_LANGUAGE_INDEX[lang]] += 3 * len(letters & marks)
    best = max(scores)
    return "und" if best == 0 else _LANGUAGE_ORDER[scores.index(best)]


_LANGUAGE_ORDER = tuple(_STOPWORD_SETS)  # ties go to the first
_LANGUAGE_INDEX = {lang: i for i, lang in enumerate(_LANGUAGE_ORDER)}
_STOPWORD_LANGUAGES: dict[str, tuple[int, ...]] = {}  # word -> the languages it is frequent in
for _index, _words in enumerate(_STOPWORD_SETS.values()):
    for _word in _words:
        _STOPWORD_LANGUAGES[_word] = (*_STOPWORD_LANGUAGES.get(_word, ()), _index)


def _stopword_scores(lowered: str) -> list[int]:
    """Per language of ``_LANGUAGE_ORDER``: how many of the text's words are its frequent ones."""
    scores = [0] * len(_LANGUAGE_ORDER)
    for word in _WORD.findall(lowered):
        for index in _STOPWORD_LANGUAGES.get(word, ()):
            scores[index] += 1
    return scores


ENGLISH_MAX_NON_ASCII = 0.05  # of the letters: other scripts exceed it (accents: the words decide)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def is_english(text: str) -> bool:
    """A fast test for English (the serving path's: no per-character Unicode lookups in ASCII
    text): nearly every letter ASCII (typographic quotes, dashes and emoji do not count), and
    English the Latin-script language whose frequent words it uses most."""
    non_ascii = sum(ch.isalpha() for ch in _NON_ASCII.findall(text))
    letters = len(_ASCII_LETTER.findall(text)) + non_ascii
    if not letters or non_ascii > ENGLISH_MAX_NON_ASCII * letters:
        return False
    scores = _stopword_scores(text.lower())
    best = max(scores)
    return best > 0 and _LANGUAGE_ORDER[scores.index(best)] == "en"
