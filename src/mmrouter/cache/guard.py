"""Whether two latest turns ask the same thing, beyond their cosine (pure).

Cosine similarity of sentence embeddings is high for sentences that differ in one entity,
number, date, negation or unit ("the capital of France" vs "of Germany"), which are the
answers a cache must never swap. So a semantic hit also needs the two texts to carry the same
*content words in the same order*: words are compared case-folded, after dropping a small set of
words that only frame a question (articles, politeness, "can you tell me"); two content words
count as equal only when one is an inflection of the other (same stem of 5+ letters, endings
of at most 3). Numbers, negations, capitalised names inside a sentence and anything with a
digit must be identical. A different language is different words: no hit across languages.
"""

from __future__ import annotations

import functools
import re
import unicodedata

WORD = re.compile(r"\w+", re.UNICODE)
# English contractions, spelled out so "what's" and "what is" compare equal.
CONTRACTIONS = ((re.compile(r"\b(can)'t\b", re.I), r"\1 not"),
                (re.compile(r"\b(wo)n't\b", re.I), "will not"),
                (re.compile(r"(\w)n't\b", re.I), r"\1 not"),
                (re.compile(r"(\w)'s\b", re.I), r"\1 is"),
                (re.compile(r"(\w)'re\b", re.I), r"\1 are"),
                (re.compile(r"(\w)'m\b", re.I), r"\1 am"),
                (re.compile(r"(\w)'ll\b", re.I), r"\1 will"),
                (re.compile(r"(\w)'ve\b", re.I), r"\1 have"))
MIN_STEM = 5
MAX_ENDING = 3

# Words that frame a request without changing what is asked. Not here on purpose: question
# words (what/when/where), tense auxiliaries (is/was), prepositions, pronouns, quantifiers.
FRAMING = frozenset("""
a an the please pls thanks thank kindly hi hello hey tell me can could would you i like to
know want do does
le la les l un une des du svp merci bonjour salut
der die das ein eine einen einem einer dem den des bitte danke hallo
el los las una unos unas gracias hola
il lo gli uno grazie ciao
o os um uma obrigado obrigada olá
""".split())

NEGATIONS = frozenset("""
not no never none nothing nobody nor without don t isn aren wasn weren doesn didn won cannot
ne pas jamais aucun aucune sans rien personne
nicht kein keine keinen keinem keiner nie niemals ohne nichts
nunca ninguno ninguna sin nada nadie tampoco
non mai nessuno nessuna senza niente nulla
não nem nenhum nenhuma sem nada ninguém
""".split())


def words(text: str) -> list[tuple[str, bool]]:
    """(case-folded word, whether it is written like a name: capitalised inside a sentence, or
    all capitals) for each word of ``text``."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'")
    if "'" in text:
        for pattern, replacement in CONTRACTIONS:
            text = pattern.sub(replacement, text)
    out = []
    sentence_start = True
    for match in WORD.finditer(text):
        word = match.group()
        named = (word[:1].isupper() and not sentence_start) or (len(word) > 1 and word.isupper())
        out.append((word.casefold(), named))
        tail = text[match.end():match.end() + 2]
        sentence_start = any(c in ".!?\n¿¡:" for c in tail)
    return out


KEPT_CHARS = 1024  # texts up to this long keep their word lists (4,096 of them: ~10 MB at most)


def content_words(text: str) -> tuple[tuple[str, bool], ...]:
    """The words that carry the question (kept for the short texts seen last: a lookup
    compares its text with up to four entries, and the same entries come up again and again)."""
    return _kept_content_words(text) if len(text) <= KEPT_CHARS else _content_words(text)


def _content_words(text: str) -> tuple[tuple[str, bool], ...]:
    return tuple((w, named) for w, named in words(text) if w not in FRAMING or w in NEGATIONS)


_kept_content_words = functools.lru_cache(maxsize=4096)(_content_words)


def same_question(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` ask the same thing by the rule above (symmetric)."""
    left, right = content_words(a), content_words(b)
    if len(left) != len(right) or not left:
        return False
    return all(_same_word(x, y) for x, y in zip(left, right))


def _same_word(x: tuple[str, bool], y: tuple[str, bool]) -> bool:
    (wx, named_x), (wy, named_y) = x, y
    if wx == wy:
        return True
    if named_x or named_y or wx in NEGATIONS or wy in NEGATIONS:
        return False
    if any(c.isdigit() for c in wx + wy):
        return False
    stem = _common_prefix(wx, wy)
    return stem >= MIN_STEM and len(wx) - stem <= MAX_ENDING and len(wy) - stem <= MAX_ENDING


def _common_prefix(x: str, y: str) -> int:
    n = 0
    for cx, cy in zip(x, y):
        if cx != cy:
            break
        n += 1
    return n
