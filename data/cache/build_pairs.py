"""Builds pairs.jsonl: near misses (must never hit) and paraphrases (may hit) for the response
cache's guard and threshold (run: python data/cache/build_pairs.py; deterministic)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

ENTITY = {  # (template, [values]) in several languages: every pair of values is a near miss
    "en": [("What is the capital of {}?", ["France", "Germany", "Spain", "Italy", "Austria",
                                           "Australia"]),
           ("what is the capital of {}", ["france", "germany", "sweden", "norway"]),
           ("Who wrote the novel {}?", ["Dracula", "Frankenstein", "Emma", "Ulysses"]),
           ("How tall is {}?", ["Mount Everest", "K2", "Mont Blanc", "Kilimanjaro"]),
           ("Translate 'good morning' into {}", ["French", "German", "Spanish", "Italian"]),
           ("What is the population of {}?", ["Tokyo", "Paris", "Lagos", "Lima"]),
           ("Summarize the plot of {}", ["Hamlet", "Macbeth", "Othello"]),
           ("Write a short poem about {}", ["cats", "dogs", "rain", "the sea"]),
           ("How far is it from London to {}?", ["Paris", "Berlin", "Madrid", "Rome", "Oslo"]),
           ("What is the currency of {}?", ["Japan", "China", "India", "Brazil", "Canada"]),
           ("When was {} born?", ["Albert Einstein", "Isaac Newton", "Marie Curie",
                                  "Charles Darwin"]),
           ("Explain the rules of {}", ["chess", "poker", "cricket", "rugby", "baseball"]),
           ("Write a function in {} that reverses a string", ["Python", "Rust", "Go", "Java",
                                                               "JavaScript"])],
    "fr": [("Quelle est la capitale de {} ?", ["la France", "l'Allemagne", "l'Espagne",
                                              "l'Italie"]),
           ("Quelle est la population de {} ?", ["Paris", "Lyon", "Marseille", "Lille"]),
           ("Qui a écrit {} ?", ["Les Misérables", "Madame Bovary", "Candide"])],
    "de": [("Was ist die Hauptstadt von {}?", ["Frankreich", "Deutschland", "Spanien",
                                               "Österreich"]),
           ("Wie weit ist es von Berlin nach {}?", ["Hamburg", "München", "Köln", "Wien"]),
           ("Wer hat {} geschrieben?", ["Faust", "Die Verwandlung", "Der Prozess"])],
    "es": [("¿Cuál es la capital de {}?", ["Francia", "Alemania", "México", "Perú"]),
           ("¿Quién pintó {}?", ["La Gioconda", "Guernica", "Las Meninas"]),
           ("¿Cuántos habitantes tiene {}?", ["Madrid", "Barcelona", "Sevilla", "Bilbao"])],
    "it": [("Qual è la capitale della {}?", ["Francia", "Germania", "Spagna"]),
           ("Quanti abitanti ha {}?", ["Roma", "Milano", "Napoli", "Torino"]),
           ("Che ore sono a {}?", ["Tokyo", "New York", "Sydney", "Londra"])],
    "pt": [("Qual é a capital do {}?", ["Brasil", "Chile", "Peru"]),
           ("Quantos habitantes tem {}?", ["Lisboa", "Porto", "Braga", "Coimbra"])],
}
NUMBER = {
    "en": [("What is {}% of 80?", ["15", "20", "25"]),
           ("Convert {} km to miles", ["5", "6", "50"]),
           ("Is {} a prime number?", ["91", "97", "101"]),
           ("What is {} squared?", ["12", "13", "21"]),
           ("Give me {} ideas for a birthday party", ["three", "five", "ten"]),
           ("What is the square root of {}?", ["144", "169", "196"]),
           ("How much is {} dollars in euros?", ["10", "100", "1000", "250"]),
           ("Set a timer for {} minutes", ["5", "10", "15", "20"])],
    "fr": [("Combien font {} fois 7 ?", ["6", "8", "9"])],
    "de": [("Wie viel sind {} mal 7?", ["6", "8", "9"])],
    "es": [("¿Cuánto es {} por 7?", ["6", "8", "9"])],
    "it": [("Quanto fa {} per 7?", ["6", "8", "9"])],
    "pt": [("Quanto é {} vezes 7?", ["6", "8", "9"])],
}
DATE = {
    "en": [("What happened on {}?", ["July 4, 1776", "July 14, 1789", "July 4, 1976"]),
           ("What day of the week was {}?", ["March 3, 2020", "March 4, 2020",
                                             "March 3, 2021"]),
           ("Who won the World Cup in {}?", ["2014", "2018", "2022"]),
           ("What is the weather usually like in Rome in {}?", ["January", "July", "October"]),
           ("Plan my schedule for {}", ["Monday", "Tuesday", "the weekend"])],
    "fr": [("Que s'est-il passé en {} ?", ["1789", "1848", "1968"])],
    "de": [("Was geschah im Jahr {}?", ["1871", "1914", "1989"])],
    "es": [("¿Qué pasó en {}?", ["1492", "1810", "1936"])],
}
UNIT = {
    "en": [("Convert 10 miles to {}", ["kilometers", "meters", "feet"]),
           ("How many {} are in a pound?", ["grams", "ounces", "kilograms"]),
           ("What is 100 degrees Fahrenheit in {}?", ["Celsius", "Kelvin"]),
           ("How many {} in a day?", ["hours", "minutes", "seconds"]),
           ("How many calories are in 100 {} of rice?", ["grams", "ounces", "pounds"]),
           ("Convert 5 {} to liters", ["gallons", "pints", "quarts", "cups"])],
    "fr": [("Convertis 10 miles en {}", ["kilomètres", "mètres"])],
    "de": [("Rechne 10 Meilen in {} um", ["Kilometer", "Meter"])],
    "es": [("Convierte 10 millas a {}", ["kilómetros", "metros"])],
}
NEGATION = [  # (sentence, its negation)
    ("Should I take ibuprofen with food?", "Should I not take ibuprofen with food?"),
    ("Is it safe to eat raw eggs?", "Is it not safe to eat raw eggs?"),
    ("Why do cats purr?", "Why don't cats purr?"),
    ("List foods that contain gluten", "List foods that contain no gluten"),
    ("Explain why the sky is blue", "Explain why the sky is not blue"),
    ("Recipes with meat", "Recipes without meat"),
    ("Can I mix bleach and ammonia?", "Can't I mix bleach and ammonia?"),
    ("Is Pluto a planet?", "Is Pluto not a planet?"),
    ("Do vaccines cause autism?", "Do vaccines never cause autism?"),
    ("Which countries use the euro?", "Which countries do not use the euro?"),
    ("Est-ce que je dois prendre ce médicament ?",
     "Est-ce que je ne dois pas prendre ce médicament ?"),
    ("Soll ich das Fenster öffnen?", "Soll ich das Fenster nicht öffnen?"),
    ("¿Debo tomar agua antes de correr?", "¿No debo tomar agua antes de correr?"),
    ("Devo mangiare prima di nuotare?", "Non devo mangiare prima di nuotare?"),
    ("Posso beber café à noite?", "Não posso beber café à noite?"),
    ("Ist Kaffee gesund?", "Ist Kaffee nicht gesund?"),
    ("Is the museum open on Sundays?", "Is the museum closed on Sundays?"),
    ("How do I enable two-factor authentication?", "How do I disable two-factor authentication?"),
    ("What are the advantages of nuclear power?", "What are the disadvantages of nuclear power?"),
    ("Write a positive review of this phone", "Write a negative review of this phone"),
    ("How to increase my credit score", "How to decrease my credit score"),
    ("Is this mushroom edible?", "Is this mushroom poisonous?"),
]
LANGUAGE = [  # the same question in two languages: the answer's language differs
    ("What is the capital of France?", "Quelle est la capitale de la France ?"),
    ("What is the capital of France?", "Was ist die Hauptstadt von Frankreich?"),
    ("What is the capital of France?", "¿Cuál es la capital de Francia?"),
    ("How are you today?", "Comment allez-vous aujourd'hui ?"),
    ("How are you today?", "Wie geht es dir heute?"),
    ("Explain photosynthesis", "Explique la photosynthèse"),
    ("Explain photosynthesis", "Erkläre die Photosynthese"),
    ("Explain photosynthesis", "Explica la fotosíntesis"),
    ("Tell me a joke", "Raconte-moi une blague"),
    ("Tell me a joke", "Erzähl mir einen Witz"),
    ("Tell me a joke", "Cuéntame un chiste"),
    ("Tell me a joke", "Raccontami una barzelletta"),
    ("What time is it?", "Quelle heure est-il ?"),
    ("What time is it?", "Wie spät ist es?"),
    ("Good morning, how is the weather?", "Bom dia, como está o tempo?"),
    ("Where is the train station?", "Où est la gare ?"),
    ("Where is the train station?", "Wo ist der Bahnhof?"),
    ("Where is the train station?", "¿Dónde está la estación de tren?"),
    ("Where is the train station?", "Dov'è la stazione?"),
    ("Summarize this article in English", "Summarize this article in French"),
]
PARAPHRASE = [  # the same request written differently (a cache may answer one with the other)
    ("What is the capital of France?", "what is the capital of france"),
    ("What is the capital of France?", "What is the capital of France ?"),
    ("What's the capital of France?", "What is the capital of France?"),
    ("Please explain how photosynthesis works", "Explain how photosynthesis works, please."),
    ("How do I reverse a list in Python?", "how can I reverse a list in python?"),
    ("Tell me a joke", "Tell me a joke, please!"),
    ("Can you tell me a fun fact about otters?", "Tell me a fun fact about otters"),
    ("Explain quantum entanglement", "Please explain quantum entanglement."),
    ("Hi! What is the boiling point of water?", "What is the boiling point of water?"),
    ("Write a haiku about autumn", "write a haiku about autumn."),
    ("Give me a recipe for pancakes", "Could you give me a recipe for pancakes?"),
    ("What is the speed of light?", "What's the speed of light?"),
    ("Summarize the French Revolution", "Please summarize the French Revolution"),
    ("Translate hello into Spanish", "Translate 'hello' into Spanish."),
    ("How does a refrigerator work?", "How does a refrigerator work"),
    ("Explain the difference between TCP and UDP",
     "Explain the difference between TCP and UDP, please"),
    ("What are the symptoms of the flu?", "what are the symptoms of the flu"),
    ("Recommend a good science fiction book", "Can you recommend a good science fiction book?"),
    ("Quelle est la capitale de la France ?", "quelle est la capitale de la France"),
    ("Explique-moi la photosynthèse", "Explique-moi la photosynthèse, s'il te plaît"),
    ("Was ist die Hauptstadt von Frankreich?", "was ist die Hauptstadt von Frankreich"),
    ("Erkläre mir bitte die Relativitätstheorie", "Erkläre mir die Relativitätstheorie"),
    ("¿Cuál es la capital de Francia?", "cual es la capital de Francia"),
    ("Explícame la fotosíntesis, por favor", "Explícame la fotosíntesis"),
    ("Qual è la capitale della Francia?", "qual è la capitale della Francia"),
    ("Qual é a capital do Brasil?", "Qual é a capital do Brasil"),
    ("What is the capital city of France?", "What is the capital of France?"),
    ("How many legs does a spider have?", "How many legs do spiders have?"),
    ("Who painted the Mona Lisa?", "Who was the painter of the Mona Lisa?"),
    ("What is machine learning?", "Explain what machine learning is"),
    ("Best way to learn guitar", "What is the best way to learn the guitar?"),
    ("How do I boil an egg?", "How do you boil eggs?"),
    ("What causes rain?", "Why does it rain?"),
    ("Define photosynthesis", "What is photosynthesis?"),
    ("Write a poem about the sea", "Write a poem about the ocean"),
    ("How to center a div in CSS", "How do I center a div with CSS?"),
    ("Tell me about black holes", "Tell me something about black holes"),
    ("What is the tallest mountain in the world?", "Which mountain is the tallest in the world?"),
    ("Explain recursion", "Explain recursion to me"),
    ("Hello, how are you?", "Hi, how are you?"),
]


def substitutions(table: dict[str, list[tuple[str, list[str]]]], variant: str):
    for lang, templates in table.items():
        for template, values in templates:
            for x, y in itertools.combinations(values, 2):
                yield {"a": template.format(x), "b": template.format(y), "kind": "near_miss",
                       "variant": variant, "lang": lang}


def main() -> None:
    rows = [*substitutions(ENTITY, "entity"), *substitutions(NUMBER, "number"),
            *substitutions(DATE, "date"), *substitutions(UNIT, "unit")]
    rows += [{"a": a, "b": b, "kind": "near_miss", "variant": "negation", "lang": "multi"}
             for a, b in NEGATION]
    rows += [{"a": a, "b": b, "kind": "near_miss", "variant": "language", "lang": "multi"}
             for a, b in LANGUAGE]
    rows += [{"a": a, "b": b, "kind": "paraphrase", "variant": "paraphrase", "lang": "multi"}
             for a, b in PARAPHRASE]
    out = Path(__file__).with_name("pairs.jsonl")
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    near = sum(r["kind"] == "near_miss" for r in rows)
    print(f"{out}: {near} near misses, {len(rows) - near} paraphrases")


if __name__ == "__main__":
    main()
