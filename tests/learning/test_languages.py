"""Language detection for per-language accuracy in `mmrouter eval`."""

from __future__ import annotations

import pytest

from mmrouter.learning.evaluation import per_language_accuracy
from mmrouter.learning.languages import detect_language

SAMPLES = {
    "en": "What is the capital of France and how do I get there?",
    "es": "¿Qué hay en esta imagen? Dímelo por favor",
    "pt": "Olá, tudo bem com você? Não entendi a resposta",
    "fr": "Salut, ça va ? Je ne comprends pas la question",
    "de": "Das ist falsch, versuch es bitte nochmal mit der Formel.",
    "it": "Ciao! Come stai oggi? Questo non è corretto",
    "nl": "Hoi, hoe gaat het met je? Ik snap het niet",
    "sv": "Hej, hur mår du? Det är inte rätt svar",
    "pl": "Cześć, jak się masz? To nie jest dobra odpowiedź",
    "tr": "Merhaba, bu cevap yanlış, lütfen tekrar dene.",
    "id": "Apa kabar? Saya ingin tahu bagaimana cara membuat kue",
    "vi": "Xin chào, bạn có khỏe không? Câu trả lời này sai rồi",
    "ko": "이 사진에 무엇이 있나요?",
    "ja": "この画像に何が写っていますか？",
    "zh": "这张图片里有什么？",
    "ru": "Привет, как дела? Ответ неверный",
    "uk": "Привіт, як справи? Ця відповідь неправильна, її треба виправити",
    "ar": "مرحبا، ما هي عاصمة فرنسا؟",
    "fa": "سلام، پایتخت فرانسه کجاست؟ لطفا کمک کنید",
    "he": "שלום, מה שלומך היום?",
    "th": "สวัสดีครับ วันนี้เป็นอย่างไรบ้าง",
    "el": "Γεια σου, τι κάνεις σήμερα;",
    "hi": "नमस्ते, आप कैसे हैं?",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_language(lang: str) -> None:
    assert detect_language(SAMPLES[lang]) == lang


def test_unclear_text_is_undetermined() -> None:
    assert detect_language("") == "und" and detect_language("123 ???") == "und"


def test_per_language_accuracy_groups_by_language() -> None:
    out = per_language_accuracy(["a", "b", "a", "a"], ["a", "a", "a", "b"], ["en", "ko", "en", "en"])
    assert out == {"en": {"n": 3, "accuracy": pytest.approx(0.6667)},
                   "ko": {"n": 1, "accuracy": 0.0}}
    assert list(out) == ["en", "ko"]  # most frequent first
