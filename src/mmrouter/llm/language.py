"""A small function-word language guess for Latin-script text (pure).

The cascade's ``language`` trigger: the default text encoder (all-MiniLM-L6-v2) was trained
on English, so a Spanish or German request is one it was not built for, although its script
is Latin. Each language below has a few dozen frequent function words that are not English
words; a text is guessed to be in the language whose words it uses most (distinct words
counted), when that beats its English function words. Short or ambiguous texts give None.
"""

from __future__ import annotations

import re

WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the a an is are was were be been to of and in on for with this that these "
                    "those it its you your i my me we our what how can could would do does did "
                    "please why not from at by as or if about have has there here which who"
                    .split()),
    "es": frozenset("el la los las una uno unos es y de del que en por para con esta este esto "
                    "mi mis tu qué cómo puedes hola gracias pero muy más también está son "
                    "hay haz dime sobre".split()),
    "fr": frozenset("le la les un une des est et de du que qui pour avec dans ce cette mon ma "
                    "mes tu vous je pas sur c'est est-ce bonjour merci très peux quoi".split()),
    "de": frozenset("der das ein eine einen einem einer ist und von mit für ich du sie nicht "
                    "meine mein meinen auf im zu wie bitte danke auch sehr dieses diese dieser "
                    "kannst hallo erstelle ob".split()),
    "pt": frozenset("o os um uma é e de da que para com não meu minha você isso esta este olá "
                    "obrigado obrigada muito também como pode".split()),
    "it": frozenset("il lo gli un una è e di del della che per con non mio mia questo questa "
                    "ciao grazie sono molto anche puoi".split()),
    "nl": frozenset("de het een en met voor niet ik je mijn dit deze wat hoe hallo bedankt".split()),
}
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)?")
MAX_CHARS = 2000


def guess_language(text: str) -> str | None:
    """The language code whose function words ``text`` uses most (see the module doc)."""
    words = {w.lower() for w in WORD.findall(text[:MAX_CHARS])}
    if not words:
        return None
    english = len(words & WORDS["en"])
    best, hits = None, 0
    for code, vocabulary in WORDS.items():
        if code == "en":
            continue
        count = len(words & (vocabulary - WORDS["en"]))
        if count > hits:
            best, hits = code, count
    if best is not None and hits > english:
        return best
    return "en" if english else None


def foreign_language(text: str, languages: tuple[str, ...]) -> bool:
    """Whether ``text`` is guessed to be in a language outside ``languages``."""
    guess = guess_language(text)
    return guess is not None and guess not in languages
