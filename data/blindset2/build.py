#!/usr/bin/env python3
"""Blind evaluation set #2 for the request router.

Hand-written conversations, 23 languages. Evaluation only: never fit or tune on it.
Run: python3 build.py  -> writes blind2.jsonl next to this file.
Standard library only; output is deterministic.
"""
import base64
import json
import os
import struct
import sys
import zlib
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind2.jsonl")

ROUTES = ["chit_chat", "hard_question", "try_again", "image_understanding",
          "image_question", "image_generation", "other"]
LANGS = ["en", "es", "fr", "de", "pt", "it", "nl", "sv", "pl", "tr", "vi", "id",
         "zh", "ja", "ko", "ar", "hi", "ru", "uk", "he", "fa", "th", "el"]


# ---------------------------------------------------------------- tiny PNGs
def _png(w, h, rgb_fn):
    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    raw = b""
    for y in range(h):
        raw += b"\x00" + b"".join(bytes(rgb_fn(x, y)) for x in range(w))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


PNGS = [
    _png(8, 8, lambda x, y: (200, 40, 40)),
    _png(12, 6, lambda x, y: (30, 120 + 10 * x % 120, 200)),
    _png(10, 10, lambda x, y: (255, 255, 255) if (x + y) % 2 else (0, 0, 0)),
    _png(6, 14, lambda x, y: (20 * y % 256, 180, 60)),
    _png(16, 9, lambda x, y: (240, 200, 16 * x % 256)),
    _png(9, 9, lambda x, y: (x * 28, y * 28, 128)),
    _png(7, 11, lambda x, y: (90, 90, 90) if x < 3 else (250, 160, 120)),
]
_img_counter = [0]


# ---------------------------------------------------------------- helpers
def S(t):
    return {"role": "system", "content": t}


def U(t):
    return {"role": "user", "content": t}


def A(t):
    return {"role": "assistant", "content": t}


def I(t):  # noqa: E743 (short helper name, as U/A/S)
    """User turn with an attached image (a different tiny PNG each time)."""
    url = PNGS[_img_counter[0] % len(PNGS)]
    _img_counter[0] += 1
    return {"role": "user", "content": [{"type": "text", "text": t},
                                        {"type": "image_url", "image_url": {"url": url}}]}


def CALL(call_id, name, args):
    return {"role": "assistant", "content": None, "tool_calls": [
        {"id": call_id, "type": "function",
         "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)}}]}


def TOOL(call_id, content):
    return {"role": "tool", "tool_call_id": call_id, "content": content}


L = {}  # lang -> list of (route, conversation[, tag])  tag: "c" constrained other, "f" factual other

# ================================================================ English
L["en"] = [
    # --- hard_question
    ("hard_question", "Our checkout service p99 latency jumped from 180ms to 2.4s after Tuesday's deploy, but only for EU customers and only between 09:00 and 11:00 CET. That deploy bumped the ORM version, and the same afternoon infra rotated the Redis cluster. CPU is flat, error rate is flat. How would you figure out which of these is the real cause, and what evidence would rule each one out?"),
    ("hard_question", "If I put £400/month into a stocks & shares ISA at roughly 5% real return vs overpaying my 4.2% mortgage, which comes out ahead over 15 years, given the mortgage rate resets in 3 years and could go either way? Basic rate taxpayer. I want the reasoning, not just a verdict."),
    ("hard_question", "Prove there are infinitely many primes of the form 4k+3."),
    ("hard_question", "A screening test for a disease with prevalence 1 in 2,000 has 99% sensitivity and 97% specificity. Patient tests positive, then positive again on a second test. What's the probability they actually have it? And is treating the two tests as independent even realistic here?"),
    ("hard_question", [S("You are Northwind Logistics' internal planning assistant. Be precise."),
                       U("I need an on-call rota for 6 engineers (Priya, Tom, Lena, Marcus, Aiko, Dev) over 4 weeks, one primary + one secondary per week. Rules: Priya and Tom never in the same week, nobody is primary more than once, Lena is on leave week 3, and the secondary of a week should be primary the week after whenever possible. Is this feasible? If yes give me a rota and explain why it satisfies everything.")]),
    ("hard_question", "Was the Treaty of Versailles really the main cause of WWII or is that a lazy oversimplification? I'd like an actual argument weighing the economic, political and military factors against each other, not a bullet list."),
    ("hard_question", "Our HR analytics vendor says their model predicts who'll quit within 6 months with ~80% accuracy. Leadership wants to use it to decide who gets retention bonuses. Can you think through the fairness problems, our exposure under GDPR (we're in Ireland), and whether there's any version of this that's defensible?"),
    ("hard_question", "we're 12 people with 14 months runway. option A: raise a bridge at a flat valuation now. option B: lay off 3 and stretch to ~22 months, betting we hit $1M ARR first (we're at $450k, growing 6% MoM but it's been slowing). which is the better bet and what numbers would change your mind?"),
    ("hard_question", "Bag has 5 red and 3 blue marbles. I draw 3 without replacement. Given that the first marble drawn was blue, what's the probability at least two of the three are red? Then redo it for the case where I only know that at least one blue was drawn, and explain why the answers differ."),
    ("hard_question", [U("our image thumbnailing workers keep getting OOM-killed in k8s but only on some pods"),
                       A("That usually points to either a few very large inputs or memory not being released between jobs. Can you share the memory limit, the library you use and the concurrency per pod?"),
                       U("limit is 1Gi, we use Pillow, concurrency 4 per pod. Memory graph is a sawtooth that slowly climbs until it dies after ~3h. Some uploads are 50MP phone panoramas. Which explanation fits best — fragmentation, a real leak, or just peak usage from big images — and how do I prove it?")]),
    # --- try_again
    ("try_again", "Your previous answer was wrong. The Battle of Hastings was in 1066, not 1067, and that throws off the rest of the timeline — please redo it."),
    ("try_again", "still wrong"),
    ("try_again", [U("what's 15% of 2,340?"), A("15% of 2,340 is 341."), U("that's not right, check it again")]),
    ("try_again", "That regex you gave me STILL matches empty strings, which is literally the one thing I said I didn't want. Try again."),
    ("try_again", "The summary you wrote skipped the whole second section about pricing, so it's incomplete. Redo it and cover everything this time."),
    # --- other
    ("other", "What is inflation?", "f"),
    ("other", "Answer briefly: what's the capital of Australia?", "c"),
    ("other", "Rewrite this without adding any detail, just make it less rude: \"I've told you three times already, send the invoice.\"", "c"),
    ("other", "In one sentence, what does a VPN do?", "c"),
    ("other", [U("Give me the main pros and cons of remote work for a small agency."),
               A("Pros: wider hiring pool, lower office costs, fewer commutes, more focus time. Cons: harder onboarding, weaker informal communication, blurred work/home boundaries, time-zone friction."),
               U("redo it as a table")]),
    ("other", "Can you analyse this sentence and tell me if it's passive voice: \"The report was submitted by the intern.\""),
    ("other", "how do I draw a table in LaTeX with merged cells across two columns"),
    ("other", "My teacher marked my answer wrong. I wrote that mitochondria make proteins. Why is that wrong?"),
    ("other", "Translate \"we look forward to working with you\" into Spanish, formal register."),
    ("other", [S("You are the Acme Corp customer support assistant. Be friendly and concise."),
               U("Hi, how do I reset my password on the customer portal?")]),
    ("other", "Explain the CAP theorem with one example."),
    ("other", "Just the number, no explanation: how many bones are in an adult human body?", "c"),
    ("other", "my photo app keeps crashing when I export to the gallery, how do I clear its cache on an iPhone?"),
    # --- chit_chat
    ("chit_chat", "hey, how's it going?"),
    ("chit_chat", [U("how long do I boil an egg for a runny yolk?"),
                   A("About 6 minutes from boiling for a large egg, then straight into cold water."),
                   U("perfect, thanks a lot!")]),
    ("chit_chat", [S("You are the office assistant agent. You can book rooms with the book_room tool."),
                   U("Book a room for 6 people tomorrow 2-3pm, something with a screen."),
                   CALL("call_1", "book_room", {"date": "tomorrow", "start": "14:00", "end": "15:00", "capacity": 6, "needs_screen": True}),
                   TOOL("call_1", "{\"status\": \"confirmed\", \"room\": \"4B\", \"floor\": 4}"),
                   A("Done — Room 4B on the 4th floor is booked for tomorrow 14:00–15:00, seats 6 and has a screen."),
                   U("brilliant, cheers 🙌")]),
    ("chit_chat", "happy friday 🎉 got any fun plans for the weekend? (I know, I know, you're an AI)"),
    ("chit_chat", "you were right about the visa thing btw, got it sorted today"),
    ("chit_chat", "ugh. long day. not really asking anything, just needed to say it to someone"),
    # --- image_understanding
    ("image_understanding", [I("what does this error mean? it pops up every time I open the app")]),
    ("image_understanding", [I("look what my cat did to the curtains 😂")]),
    ("image_understanding", [I("Can you total this receipt and tell me how much the tip was as a percentage?")]),
    ("image_understanding", [I("Saw this bird at the feeder this morning, what species is it?"),
                             A("That looks like a Eurasian bullfinch — the stout black bill, black cap and grey back are distinctive."),
                             U("is it male or female, judging by the photo?")]),
    # --- image_question
    ("image_question", [I("just me at the beach, how do I look")]),
    ("image_question", [I("Does this outfit work for a first-round interview at a law firm, or is it too casual?")]),
    ("image_question", [I("This is my home office. Anything I should change for better posture and lighting?")]),
    # --- image_generation
    ("image_generation", "Draw a watercolor fox sitting in a snowy birch forest at dusk."),
    ("image_generation", "Design a minimalist logo for a coffee shop called Bean There. Earthy colours, no gradients."),
    ("image_generation", [I("Turn this photo of me into a Studio Ghibli style portrait please")]),
    ("image_generation", "generate a poster for our team hackathon, 80s synthwave vibe, big text 'HACK THE PLANET 2025'"),
]

# ================================================================ Spanish
L["es"] = [
    ("hard_question", "Soy autónomo en España y facturo unos 48.000 € al año. ¿Me compensa montar una sociedad limitada? Ten en cuenta IRPF, impuesto de sociedades, cuota de autónomos y lo que cobra la gestoría, y dime a partir de qué facturación cambiaría la respuesta."),
    ("hard_question", "¿Por qué Argentina ha encadenado tantas crisis de inflación en los últimos 50 años y Chile no? Me interesa un análisis de las causas institucionales, fiscales y políticas, no una lista de fechas."),
    ("hard_question", [U("Tenemos una pasarela peatonal de acero de 30 m que vibra un montón cuando pasa gente corriendo."),
                       A("Suele deberse a que la frecuencia propia vertical o lateral cae en el rango de la pisada (1,6–2,4 Hz caminando, hasta ~3,5 Hz corriendo). ¿Tienes datos de la frecuencia medida y del amortiguamiento?"),
                       U("Medimos 2,1 Hz vertical y amortiguamiento del 0,5 %. El ayuntamiento quiere algo barato y que no cierre la pasarela más de una semana. ¿Amortiguador de masa sintonizada o rigidizar? Razona pros, contras y riesgos de cada opción.")]),
    ("hard_question", "Demuestra que la raíz cuadrada de 2 es irracional y luego explica con precisión en qué paso falla el mismo argumento si lo intentas con la raíz de 4."),
    ("hard_question", "Mi madre tiene 78 años, toma Sintrom y le han recetado claritromicina para una neumonía. Además bebe bastante zumo de pomelo. ¿Qué interacciones hay que vigilar, cuál pesa más en el riesgo de sangrado y qué le preguntaría yo al médico?"),
    ("try_again", "Tu respuesta anterior estaba mal: el IVA del pan es del 4 %, no del 10 %. Vuelve a hacer la factura con eso."),
    ("try_again", "Sigue sin funcionar lo que me dijiste, el BUSCARV me devuelve #N/A igualito. Revísalo porque está mal."),
    ("try_again", [U("¿Cuántos días laborables hay en mayo de 2024 en Madrid capital?"),
                   A("En mayo de 2024 hay 23 días laborables."),
                   U("No, te has equivocado: el 1 y el 2 de mayo son festivos y el 15 es San Isidro. Repítelo bien.")]),
    ("other", "¿Cuál es el río más largo de España?", "f"),
    ("other", "Respóndeme en una sola frase: ¿qué es la prima de riesgo?", "c"),
    ("other", "Corrige las faltas de este mensaje sin añadir nada más: «Hola Marta, te e echo llegar el informe, haber si lo puedes revisar antes del biernes.»", "c"),
    ("other", [U("Dame una receta fácil de gazpacho."),
               A("Tritura 1 kg de tomate maduro, medio pimiento verde, un trozo de pepino, un diente de ajo, 50 ml de aceite de oliva, un chorrito de vinagre y sal. Cuela si quieres y enfría dos horas."),
               U("Ahora una de salmorejo")]),
    ("other", "Analiza esta frase y dime cuál es el sujeto: «Me encantan los tacos al pastor»."),
    ("chit_chat", "¡Buenas! ¿Qué tal va el día por ahí?"),
    ("chit_chat", [U("¿Cómo digo 'deadline' en español sin que suene a spanglish?"),
                   A("Lo más natural es «fecha límite» o «plazo de entrega»."),
                   U("Genial, mil gracias 😊")]),
    ("chit_chat", "jajaja hoy es viernes y mi jefe se fue temprano, qué felicidad"),
    ("image_understanding", [I("¿Qué significa esta luz naranja que se me acaba de encender en el tablero del coche?")]),
    ("image_question", [I("Me acabo de cortar el pelo así, ¿me queda bien o parezco mi abuelo? jaja")]),
    ("image_generation", "Hazme una ilustración de un ajolote con sombrero de charro tocando la guitarra, estilo caricatura."),
]

# ================================================================ French
L["fr"] = [
    ("hard_question", "Dans notre PME de 40 salariés, on hésite entre passer à la semaine de 4 jours (32 h payées 35) ou accorder 4 % d'augmentation à tout le monde. Quels effets probables sur la rétention, la productivité et le coût total sur trois ans, compte tenu des contraintes du droit du travail français ? J'aimerais une vraie mise en balance."),
    ("hard_question", "Pourquoi la Révolution française a-t-elle débouché sur l'Empire plutôt que sur une république stable ? Confronte les explications économiques, militaires et idéologiques et dis laquelle te paraît la plus solide."),
    ("hard_question", "Une urne contient 4 boules blanches et 6 noires. On tire sans remise jusqu'à obtenir la deuxième boule blanche. Quelle est l'espérance du nombre de tirages ? Justifie chaque étape."),
    ("hard_question", [U("Notre appli plante au démarrage, mais seulement sur certains Samsung sous Android 14."),
                       A("D'accord. Depuis quand exactement, et qu'est-ce qui a changé de votre côté à ce moment-là ?"),
                       U("Depuis le 3 mars. Le même jour on a mis à jour la lib de paiement, Samsung a poussé un patch de sécurité, et on a modifié la config R8/ProGuard. Les stack traces sont obfusquées. Comment départager ces trois hypothèses proprement ?")]),
    ("hard_question", "Un locataire à Lyon (zone d'encadrement des loyers) peut-il contester l'augmentation de son loyer après des travaux d'amélioration faits par le propriétaire ? Raisonne à partir de l'encadrement, du complément de loyer et de la jurisprudence, et dis-moi quelles preuves il devrait réunir."),
    ("try_again", "Ta réponse précédente était fausse : le mont Blanc ne fait pas 4 908 m. Vérifie et corrige, s'il te plaît."),
    ("try_again", "C'est toujours pas bon, le script plante encore à la ligne 12 avec une KeyError 'date'."),
    ("try_again", [U("Conjugue « résoudre » au passé simple, 3e personne du pluriel."),
                   A("Ils résoudèrent."),
                   U("Non, c'est faux. Recommence.")]),
    ("other", "En quelle année la tour Eiffel a-t-elle été inaugurée ?", "f"),
    ("other", "Réponds en une phrase : c'est quoi le RSA ?", "c"),
    ("other", "Reformule ce paragraphe sans rien ajouter, juste pour que ce soit plus fluide : « Suite à notre réunion de ce jour, nous vous confirmons que la livraison sera effectuée. Celle-ci sera effectuée le 12. »", "c"),
    ("other", [U("Tu peux me résumer l'intrigue de Germinal ?"),
               A("Étienne Lantier, ouvrier sans travail, arrive dans un bassin minier du Nord. Révolté par la misère des mineurs, il mène une grève longue et violente, qui échoue ; la mine est sabotée, beaucoup meurent, et Étienne repart avec l'espoir d'une lutte future."),
               U("mets-le sous forme de liste à puces")]),
    ("other", "Peux-tu analyser vite fait ce mot : « rouge » dans « le rouge lui va bien », c'est un nom ou un adjectif ?"),
    ("chit_chat", "Coucou ! Ça va toi ?"),
    ("chit_chat", [U("Combien de temps pour cuire des pâtes fraîches ?"),
                   A("En général 2 à 4 minutes dans une eau bouillante bien salée."),
                   U("Merci beaucoup, t'es au top !")]),
    ("chit_chat", "Bonne année à toi ! 🥳 Plein de bonnes choses pour 2025"),
    ("image_understanding", [I("C'est quoi cette plante ? Elle a poussé toute seule au fond du jardin.")]),
    ("image_question", [I("Voilà mon salon. Tu penses que le canapé serait mieux contre le mur ou face à la fenêtre ?")]),
    ("image_generation", "Génère une affiche pour la kermesse de l'école de mon fils, thème pirates, avec le texte « Kermesse 2025 »."),
]

# ================================================================ German
L["de"] = [
    ("hard_question", "Wir überlegen, unsere Ölheizung (Bj. 1998) durch eine Wärmepumpe zu ersetzen. Einfamilienhaus von 1975, 160 m², Dach gedämmt, Fenster von 2005, Fassade ungedämmt. Lohnt sich das unter Berücksichtigung von GEG, BEG-Förderung und Strompreis, und müssen wir vorher die Fassade dämmen? Bitte mit Überschlagsrechnung und Abwägung."),
    ("hard_question", "Warum ist die Weimarer Republik gescheitert? Mich interessiert, wie Verfassungskonstruktion, Weltwirtschaftskrise und politische Kultur zusammengewirkt haben – und welcher Faktor am schwersten wiegt."),
    ("hard_question", "Beweise, dass sich jede natürliche Zahl n ≥ 8 als Summe von Dreien und Fünfen schreiben lässt."),
    ("hard_question", "Unser Kafka-Consumer hängt seit gestern stundenlang hinterher. Kandidaten: Rebalancing-Sturm wegen zu kurzer session.timeout.ms, ein langsamer Downstream-Service oder eine Hot Partition durch einen neuen Message-Key. Wie grenze ich das systematisch ein und welche Metriken schließen welche Ursache aus?"),
    ("hard_question", [U("Ich brauch Hilfe bei der Urlaubsplanung."),
                       A("Gern! Wohin soll's gehen und was sind die Rahmenbedingungen?"),
                       U("9 Tage im Oktober, ab München nur mit dem Zug, max. 1.200 € für zwei. Meine Freundin will ans Meer, ich in die Berge, und wir wollen höchstens zweimal das Hotel wechseln. Plan uns eine Route durch Italien und begründe die Kompromisse.")]),
    ("try_again", "Deine vorherige Antwort war falsch – die Kündigungsfrist nach § 622 BGB ist nach 8 Jahren nicht ein Monat. Bitte nochmal richtig."),
    ("try_again", "Immer noch falsch. Da muss 42 rauskommen, nicht 40."),
    ("try_again", [U("Wie viele Einwohner hat die Stadt Bremen?"),
                   A("Die Stadt Bremen hat rund 1,2 Millionen Einwohner."),
                   U("Das stimmt nicht, das ist viel zu hoch. Korrigier das bitte.")]),
    ("other", "Wann fiel die Berliner Mauer?", "f"),
    ("other", "Kurz und knapp bitte: Was ist der Unterschied zwischen brutto und netto?", "c"),
    ("other", "Formulier das um, ohne was hinzuzufügen, nur etwas förmlicher: „Hey, schick mir mal bis morgen die Zahlen, danke.“", "c"),
    ("other", "Kannst du daraus ein kurzes Fazit ziehen? Umfrage unter 200 Mitarbeitenden: 60 % zufrieden, 25 % neutral, 15 % unzufrieden."),
    ("other", [U("Schreib mir ein kurzes Gedicht über den Herbst."),
               A("Die Blätter fallen leise sacht,\nder Nebel kommt in kühler Nacht,\nder Apfel hängt noch schwer am Zweig –\nder Sommer geht, der Herbst wird reich."),
               U("Jetzt eins über den Winter")]),
    ("other", [S("Du bist der Kundenservice-Assistent der Stadtwerke Musterstadt. Antworte freundlich und kurz."),
               U("Wie kann ich meinen Zählerstand online melden?")]),
    ("chit_chat", "Moin! Wie läuft's bei dir so?"),
    ("chit_chat", [U("Wie lange muss ein Sauerteigbrot bei 250 Grad backen?"),
                   A("Meist 15 Minuten bei 250 °C mit Dampf, dann weitere 25–30 Minuten bei 220 °C."),
                   U("Danke dir, hat super geklappt! Das Brot ist der Hammer 😄")]),
    ("image_understanding", [I("Was steht in diesem Brief vom Finanzamt? Muss ich da jetzt was machen?")]),
    ("image_question", [I("Hab mir eine neue Brille gekauft – steht die mir oder eher nicht?")]),
    ("image_generation", "Zeichne mir einen Dackel im Astronautenanzug, Comic-Stil, der auf dem Mond Würstchen grillt."),
]

# ================================================================ Portuguese
L["pt"] = [
    ("hard_question", "Vale mais a pena financiar um apartamento de R$ 500 mil na tabela SAC ou na Price, com juros de 10,5% a.a. em 30 anos, sabendo que eu consigo investir a diferença a 100% do CDI? Quero a lógica completa e em que ponto uma opção passa a ganhar da outra."),
    ("hard_question", "Por que o Plano Real funcionou onde o Cruzado e o Collor fracassaram? Compare os mecanismos de cada um e o contexto político da época."),
    ("hard_question", "Numa turma de 30 alunos, qual a probabilidade de pelo menos dois fazerem aniversário no mesmo dia? Mostre o raciocínio e diga quais hipóteses estão embutidas e quais delas não valem na vida real."),
    ("hard_question", [U("O site da nossa loja cai toda sexta à noite."),
                       A("Vocês têm algum job agendado ou pico de tráfego nesse horário?"),
                       U("Tem backup do banco às 22h, a campanha de e-mail sai às 21h30 e o certificado do CDN foi renovado mês passado. O banco é Postgres num RDS t3.medium. Qual causa é mais provável e como eu confirmo cada uma?")]),
    ("hard_question", "O médico deve respeitar a recusa de transfusão de uma paciente adulta, lúcida, Testemunha de Jeová, mesmo com risco de morte? Analise os aspectos éticos e jurídicos no Brasil e o que muda se o paciente for uma criança."),
    ("try_again", "Sua resposta anterior estava errada, a capital da Austrália não é Sydney. Refaz aí."),
    ("try_again", "Continua errado. O total tinha que dar R$ 1.250,00 e deu R$ 1.205,00 de novo."),
    ("try_again", [U("Qual o plural de 'cidadão'?"), A("O plural é 'cidadões'."), U("Tá errado isso aí, confere de novo.")]),
    ("other", "Quem pintou o Abaporu?", "f"),
    ("other", "Responde só com sim ou não: o Pix funciona no fim de semana?", "c"),
    ("other", "Resume esse parágrafo numa frase só, sem acrescentar nada: 'A reunião de ontem foi adiada porque metade da equipe estava de férias e a outra metade em treinamento, então remarcamos para a semana que vem, provavelmente na terça.'", "c"),
    ("other", [U("Me explica o que é o CDI."),
               A("O CDI (Certificado de Depósito Interbancário) é a taxa média dos empréstimos de curtíssimo prazo entre bancos; ela anda bem perto da Selic e serve de referência para muitos investimentos de renda fixa."),
               U("agora explica como se eu tivesse 10 anos")]),
    ("other", "Como faço pra tirar print só de uma parte da tela no Windows 11?"),
    ("chit_chat", "Opa, tudo certo por aí? 😄"),
    ("chit_chat", [U("Qual a diferença entre 'mas' e 'mais'?"),
                   A("'Mas' indica oposição (= porém); 'mais' indica quantidade ou intensidade (o contrário de 'menos')."),
                   U("Valeu demais, salvou meu dia!")]),
    ("image_understanding", [I("Esse boleto aqui é golpe? O código de barras tá com uma cara estranha")]),
    ("image_question", [I("Vou num casamento à tarde, essa roupa serve ou tá informal demais?")]),
    ("image_generation", "Cria uma imagem de um tucano surfando uma onda gigante no Rio, estilo pôster retrô dos anos 60."),
]

# ================================================================ Italian
L["it"] = [
    ("hard_question", "Ho 35 anni, sono dipendente a Milano e ho 40.000 € da parte. Mi conviene versarli nel fondo pensione per la deduzione, ridurre il mutuo a tasso variabile o tenerli in un ETF? Ragiona su diversi scenari di tassi tenendo conto che la mia aliquota marginale IRPEF è il 35%."),
    ("hard_question", "Perché l'Italia è cresciuta così poco dagli anni '90 in poi? Vorrei un'analisi che metta a confronto produttività, demografia, debito pubblico e dimensione delle imprese, e che dica cosa pesa di più."),
    ("hard_question", "Dimostra che in un qualsiasi gruppo di 6 persone ce ne sono sempre 3 che si conoscono tutte tra loro oppure 3 che non si conoscono affatto."),
    ("hard_question", "Abbiamo una piccola cantina nelle Langhe, 60.000 bottiglie l'anno. Una catena della GDO ci propone di entrare a scaffale a 9,90 €, altrimenti restiamo su enoteche e ristoranti. Valuta l'impatto su posizionamento del marchio, margini e rischio di dipendere da un solo cliente, e dimmi tu cosa faresti."),
    ("hard_question", [U("Mio padre ha 70 anni e da una settimana ha le caviglie gonfie."),
                       A("Può avere diverse cause, da banali a importanti. Prende farmaci nuovi? Ha altri sintomi?"),
                       U("Prende amlodipina da un mese, ha un po' di fiato corto salendo le scale e ha preso 2 kg in dieci giorni. Quali ipotesi sono più probabili e cosa le distingue? Dal medico ci andiamo comunque, voglio solo capire.")]),
    ("try_again", "La risposta di prima era sbagliata: la Divina Commedia ha 100 canti, non 99. Rifalla giusta."),
    ("try_again", "Ancora sbagliato, il codice che mi hai dato continua a dare IndexError alla riga 8."),
    ("try_again", [U("Quanti giorni ha febbraio del 2100?"), A("29 giorni, perché il 2100 è bisestile."), U("No, sbagliato, il 2100 non è bisestile. Riprova.")]),
    ("other", "Chi ha scritto I Promessi Sposi?", "f"),
    ("other", "Rispondi in breve: cos'è lo spread?", "c"),
    ("other", "Riscrivi questa mail senza aggiungere dettagli, solo un po' più cortese: 'Mi mandi il preventivo entro domani.'", "c"),
    ("other", [U("Come si dice in inglese 'in bocca al lupo per l'esame'?"),
               A("\"Good luck with your exam!\" — oppure, più colloquiale, \"Break a leg!\"."),
               U("e in tedesco?")]),
    ("other", "Come si fa la carbonara vera, senza panna?"),
    ("chit_chat", "Ciao! Come va oggi?"),
    ("chit_chat", [U("A che ora chiude la Galleria degli Uffizi di solito?"),
                   A("Di solito alle 18:30 dal martedì alla domenica; il lunedì è chiusa."),
                   U("Grazie mille, sei stato gentilissimo 🙏")]),
    ("image_understanding", [I("Mi spieghi questo grafico delle bollette? Non capisco perché a gennaio è schizzato così in alto.")]),
    ("image_question", [I("Questa è la mia cucina, secondo te come posso organizzarla meglio? È minuscola")]),
    ("image_generation", "Disegnami una Vespa rossa parcheggiata davanti al Colosseo, stile acquerello."),
]

# ================================================================ Dutch
L["nl"] = [
    ("hard_question", "We twijfelen of we ons huis in Utrecht (WOZ € 480k, hypotheek € 310k tegen 1,9% vast tot 2029) moeten verkopen om iets groters te kopen nu de rente rond de 4% zit, of dat we beter een aanbouw van € 90k kunnen laten zetten. Kun je die afweging maken, inclusief hypotheekrenteaftrek en overdrachtsbelasting?"),
    ("hard_question", "Hoe kon de Republiek in de 17e eeuw zo'n economische grootmacht worden met zo weinig inwoners? Weeg handel, financiële instellingen, religieuze tolerantie en geografie tegen elkaar af."),
    ("hard_question", [U("Onze webshop heeft sinds maandag 30% minder conversie."),
                       A("Vervelend. Is er rond maandag iets veranderd aan de site, de betaling of het verkeer?"),
                       U("Tegelijk zijn we overgestapt op een nieuwe betaalprovider, kwam Google met een core update, en draait er een A/B-test op de productpagina. Het aantal bezoekers is gelijk gebleven. Hoe kom ik erachter wat het is?")]),
    ("hard_question", "Bewijs dat de som van de eerste n oneven getallen gelijk is aan n², en geef daarna ook een meetkundig argument."),
    ("hard_question", "Ik moet een rooster maken voor 4 vrijwilligers bij de voedselbank (Jan, Kees, Fatima, Anne): ma t/m za, elke dag 2 mensen, niemand meer dan 3 dagen, Fatima kan niet op vrijdag, Jan en Kees willen niet samen, en op zaterdag moet er iemand met rijbewijs zijn (alleen Jan en Fatima hebben er een). Kan dat überhaupt? Zo ja, hoe?"),
    ("try_again", "Je vorige antwoord klopte niet: Amsterdam is wel de hoofdstad, maar de regering zit in Den Haag. Pas het aan."),
    ("try_again", "Nog steeds fout. De formule geeft nog altijd #WAARDE!"),
    ("try_again", [U("Hoeveel provincies heeft Nederland?"), A("Nederland heeft 11 provincies."), U("Dat is niet juist, probeer het nog eens.")]),
    ("other", "Wanneer is Koningsdag?", "f"),
    ("other", "Antwoord in één zin: wat is box 3?", "c"),
    ("other", "Herschrijf dit zonder iets toe te voegen, maar in gewoon Nederlands: 'Middels dit schrijven delen wij u mede dat uw aanvraag in behandeling is genomen.'", "c"),
    ("other", "Kun je een beeld schetsen van hoe een gewone werkdag van een huisarts eruitziet?"),
    ("other", [U("Geef me 3 ideeën voor een teamuitje in de winter."),
               A("1. Schaatsen op een ijsbaan met daarna snert. 2. Workshop glasblazen. 3. Escape room met gezamenlijk diner."),
               U("zet ze in een tabel met de geschatte kosten erbij")]),
    ("chit_chat", "Hoi! Alles goed daar?"),
    ("chit_chat", [U("Hoe lang moet een ei koken voor een zacht eitje?"),
                   A("Ongeveer 5 à 6 minuten vanaf het koken."),
                   U("Top, dankjewel! 😊")]),
    ("image_understanding", [I("Wat voor paddenstoel is dit? Gevonden in het bos bij Apeldoorn.")]),
    ("image_question", [I("Zo zit ik de hele dag achter mijn bureau, is mijn houding een beetje oké?")]),
    ("image_generation", "Maak een afbeelding van een molen in een tulpenveld, in de stijl van Van Gogh."),
]

# ================================================================ Swedish
L["sv"] = [
    ("hard_question", "Ska jag amortera extra på bolånet (rörlig ränta 3,9 %) eller spara i ISK? Jag har 8 000 kr över varje månad. Ta hänsyn till schablonskatten på ISK, ränteavdraget och att räntan kan sjunka nästa år, och säg vad som avgör."),
    ("hard_question", "Varför förblev Sverige neutralt under andra världskriget, och var det moraliskt försvarbart? Väg järnmalmsexporten, permittenttrafiken och flyktingmottagandet mot varandra."),
    ("hard_question", "En query i vår Postgres som tog 50 ms tar plötsligt 8 sekunder efter uppgradering från 14 till 16. Planen har gått från index scan till seq scan. Vilka orsaker är tänkbara (statistik, konfig, planner-ändringar) och i vilken ordning ska jag testa dem?"),
    ("hard_question", [U("Vi ska bygga en bastu vid sjön."),
                       A("Härligt! Vad har ni för förutsättningar – budget, tomt och önskemål?"),
                       U("Budget 120 000 kr, strandskydd gäller, vi vill ha vedeldat och plats för 6, och marken är lerig. Hur ska vi tänka kring grund, tillstånd och storlek, och vad är den största risken?")]),
    ("hard_question", "Kommunen funderar på att sänka hastigheten från 50 till 40 km/h på alla lokalgator. Hur skulle du resonera kring effekter på olyckor, restid, utsläpp och buller, och hur borde man utvärdera det i efterhand?"),
    ("try_again", "Ditt förra svar var fel. Midsommarafton infaller inte alltid den 24 juni. Gör om."),
    ("try_again", "Fortfarande fel, jag får exakt samma felmeddelande som innan."),
    ("try_again", [U("Vilken är Sveriges största sjö?"), A("Sveriges största sjö är Vättern."), U("Nej, det stämmer inte. Kolla igen.")]),
    ("other", "När bytte Sverige till högertrafik?", "f"),
    ("other", "Svara kort: vad är ROT-avdrag?", "c"),
    ("other", "Skriv om det här utan att lägga till något, rätta bara grammatiken: 'Jag har inte kunnat att komma på mötet igår för att jag vart sjuk.'", "c"),
    ("other", [U("Ge mig ett recept på kanelbullar."),
               A("Degen: 50 g jäst, 5 dl mjölk, 150 g smör, 1 dl socker, 1 tsk kardemumma, ca 13 dl vetemjöl. Fyllning: 150 g smör, 1 dl socker, 2 msk kanel. Jäs, rulla, skär, jäs igen och grädda i 225 °C ca 8 min."),
               U("Kan du halvera mängderna?")]),
    ("other", "Vad betyder ordet 'lagom' egentligen?"),
    ("chit_chat", "Tjena! Hur är läget?"),
    ("chit_chat", [U("Hur länge är Systembolaget öppet på lördagar?"),
                   A("De flesta butiker har öppet 10–15 på lördagar, men kolla din butik."),
                   U("Tack så mycket, du är bäst!")]),
    ("image_understanding", [I("Vad är det här för spindel? Hittade den i källaren 😬")]),
    ("image_question", [I("Hur ser jag ut i den här jackan? Ärlig åsikt tack")]),
    ("image_generation", "Skapa en bild av en älg som dricker kaffe på en brygga i soluppgången."),
]

# ================================================================ Polish
L["pl"] = [
    ("hard_question", "Zastanawiam się nad przejściem z etatu na B2B. Teraz mam 14 000 zł brutto, oferta B2B to 19 000 zł netto na fakturze. Weź pod uwagę ZUS, liniowy vs ryczałt, brak płatnego urlopu i chorobowego. Co się bardziej opłaca i przy jakiej stawce to się odwraca?"),
    ("hard_question", "Dlaczego Polska po 1989 rozwijała się dużo szybciej niż Ukraina, skoro startowały z podobnego poziomu? Porównaj reformy, instytucje, rolę UE i politykę, i oceń, co zadecydowało."),
    ("hard_question", "Udowodnij, że dla każdej liczby naturalnej n liczba n³ − n jest podzielna przez 6."),
    ("hard_question", [U("Mamy problem, co kilka godzin odpowiedzi z API trwają po 30 sekund."),
                       A("Czy te spowolnienia występują regularnie? Co jeszcze dzieje się w systemie w tym czasie?"),
                       U("Mniej więcej co 4 godziny. Jest cron z raportami, Java z dużym heapem (16 GB, G1) i pula połączeń do bazy ustawiona na 20. Co jest najbardziej prawdopodobne i jak to po kolei wykluczyć?")]),
    ("hard_question", "We wspólnocie musimy zdecydować: wymiana dachu teraz za 400 tys. zł na kredyt, czy łatanie co roku po ok. 30 tys. przez 5 lat i wymiana później (pewnie drożej). Jakie czynniki tu ważyć i jak to uczciwie policzyć dla mieszkańców z parteru i z ostatniego piętra?"),
    ("try_again", "Twoja poprzednia odpowiedź była błędna – bitwa pod Grunwaldem była w 1410, a nie w 1414. Popraw to."),
    ("try_again", "Dalej źle. Kod nadal się nie kompiluje, ten sam błąd."),
    ("try_again", [U("Ile to jest pierwiastek z 169?"), A("Pierwiastek z 169 to 12."), U("Nie, to nieprawda, policz jeszcze raz")]),
    ("other", "Kto napisał „Pana Tadeusza”?", "f"),
    ("other", "Odpowiedz jednym zdaniem: co to jest PIT-37?", "c"),
    ("other", "Przepisz to bez dodawania czegokolwiek, popraw tylko interpunkcję: „Cześć Kasia wiesz może czy jutro jest spotkanie bo nie dostałem maila”", "c"),
    ("other", [U("Napisz krótki wierszyk na urodziny dla babci."),
               A("Babciu kochana, dziś Twoje święto,\nniech każda chwila będzie uśmiechem objęta,\nzdrowia, radości i ciepła bez miary –\nod wnuka, co kocha Cię bardzo, bez kary!"),
               U("teraz dla dziadka")]),
    ("other", "Jak się robi pierogi ruskie?"),
    ("chit_chat", "Siema! Co tam słychać?"),
    ("chit_chat", [U("Ile trzeba gotować jajko na twardo?"),
                   A("Około 9–10 minut od zagotowania wody."),
                   U("Dzięki wielkie, bardzo mi pomogłeś!")]),
    ("image_understanding", [I("Co oznaczają te wyniki morfologii? Nie rozumiem tych skrótów i strzałek.")]),
    ("image_question", [I("Tak wygląda mój balkon, co byś tu posadził, żeby było ładnie latem?")]),
    ("image_generation", "Narysuj żubra w stylu starego plakatu z czasów PRL-u."),
]

# ================================================================ Turkish
L["tr"] = [
    ("hard_question", "Elimde 500.000 TL var. Enflasyon %50 civarındayken mevduata mı koysam, dolar mı alsam, altın mı? Kur riskini, stopajı ve Merkez Bankası'nın faiz kararlarını hesaba katarak senaryolarla karşılaştırır mısın?"),
    ("hard_question", "Osmanlı'nın 19. yüzyıldaki gerilemesinde kapitülasyonlar mı, askeri yenilgiler mi, yoksa milliyetçilik akımları mı daha belirleyiciydi? Gerekçeli bir değerlendirme istiyorum, ezber liste değil."),
    ("hard_question", "Bir zar 3 kez atılıyor. Gelen sayıların kesin artan sırada olma olasılığı nedir? Adım adım göster, sonra 4 atış için genelle."),
    ("hard_question", [U("İstanbul'da kafe açmayı düşünüyorum."),
                       A("Güzel fikir! Hangi semtleri düşünüyorsun ve bütçen ne kadar?"),
                       U("Kadıköy'de kira aylık 120 bin, Moda'da 180 bin ama yaya trafiği iki katı. Sermayem 2 milyon TL, ortalama fiş 250 TL. Başabaş noktalarını hesaplayıp hangisinin daha mantıklı olduğunu değerlendirir misin?")]),
    ("hard_question", "1995 yapımı 5 katlı bir binada oturuyoruz, deprem bölgesi. Kentsel dönüşüme mi girmeli, güçlendirme mi yaptırmalı, yoksa taşınmalı mıyız? Maliyet, risk ve hukuki süreç açısından değerlendirir misin?"),
    ("try_again", "Önceki cevabın yanlıştı, Türkiye'nin başkenti İstanbul değil. Düzeltir misin lütfen."),
    ("try_again", "Hâlâ yanlış, yine aynı hatayı veriyor."),
    ("try_again", [U("Bir üçgenin iç açıları toplamı kaç derece?"), A("Bir üçgenin iç açıları toplamı 360 derecedir."), U("Yanlış söyledin, tekrar kontrol et.")]),
    ("other", "Türkiye'nin en yüksek dağı hangisi?", "f"),
    ("other", "Kısaca cevap ver: KDV nedir?", "c"),
    ("other", "Bu metni hiçbir şey eklemeden daha resmi hale getir: 'Selam, raporu yarına atarsan süper olur.'", "c"),
    ("other", [U("Bana mercimek çorbası tarifi verir misin?"),
               A("1 su bardağı kırmızı mercimek, 1 soğan, 1 havuç, 1 yemek kaşığı salça, 6 su bardağı su, tuz, kimyon. Soğanı kavur, hepsini ekle, 25 dk pişir, blenderdan geçir."),
               U("şimdi bunu 10 kişilik yap")]),
    ("other", "'Kolay gelsin' İngilizceye nasıl çevrilir?"),
    ("chit_chat", "Merhaba, nasılsın? Bugün çok yoğundum ya"),
    ("chit_chat", [U("Çay demlemek için su kaç dakika kaynamalı?"),
                   A("Su kaynadıktan sonra demliğe dök, kısık ateşte 10-15 dakika demlensin."),
                   U("Çok sağ ol, eline sağlık 🙏")]),
    ("image_understanding", [I("Bu elektrik faturasında neden bu kadar yüksek tutar çıkmış anlamadım, bakar mısın?")]),
    ("image_question", [I("Bu saç modeli bana yakışmış mı sence?")]),
    ("image_generation", "Kapadokya'da balonların uçtuğu bir gün batımı resmi çiz, yağlı boya tarzında."),
]

# ================================================================ Vietnamese
L["vi"] = [
    ("hard_question", "Tôi có 2 tỷ, đang phân vân giữa mua một căn chung cư nhỏ ở Thủ Đức để cho thuê hay gửi tiết kiệm 6%/năm. So sánh giúp tôi lợi suất thực tế sau khi trừ phí quản lý, thời gian trống phòng, khấu hao và khả năng tăng giá trong 10 năm."),
    ("hard_question", "Vì sao Đổi Mới năm 1986 kéo được Việt Nam ra khỏi khủng hoảng? Phân tích vai trò của khoán nông nghiệp, mở cửa thương mại và bối cảnh quốc tế, rồi cho biết yếu tố nào quyết định nhất."),
    ("hard_question", "Chứng minh rằng với mọi số nguyên dương n, 7^n − 1 chia hết cho 6."),
    ("hard_question", [U("Nhà máy của chúng tôi ở Bình Dương bị tỉ lệ hàng lỗi tăng từ 1% lên 4%."),
                       A("Bạn có thể cho biết lỗi chủ yếu là dạng gì và gần đây có thay đổi gì trong sản xuất không?"),
                       U("Lỗi chủ yếu là bọt khí trên sản phẩm nhựa. Cùng tuần đó chúng tôi đổi nhà cung cấp hạt nhựa, nhận thêm 20 công nhân mới cho ca đêm, và trời nồm ẩm. Nguyên nhân nào khả năng cao nhất và kiểm chứng bằng cách nào?")]),
    ("hard_question", "Bố tôi bị tiểu đường type 2, đang uống metformin, dạo này hay chóng mặt buổi sáng và sụt 3 kg trong một tháng. Có những khả năng nào cần cân nhắc và dấu hiệu nào giúp phân biệt? Tôi sẽ đưa bố đi khám nhưng muốn hiểu trước."),
    ("try_again", "Câu trả lời trước của bạn sai rồi, sông Mê Kông không bắt nguồn từ Lào. Làm lại đi."),
    ("try_again", "Vẫn sai nha, kết quả phải là 120 chứ không phải 100."),
    ("try_again", [U("Thủ đô của Úc là gì?"), A("Thủ đô của Úc là Sydney."), U("Sai rồi bạn ơi, xem lại đi.")]),
    ("other", "Vịnh Hạ Long được UNESCO công nhận là di sản thế giới lần đầu vào năm nào?", "f"),
    ("other", "Trả lời ngắn gọn thôi: lạm phát là gì?", "c"),
    ("other", "Viết lại câu này cho lịch sự hơn nhưng đừng thêm ý gì: 'Gửi file cho tôi ngay, trễ rồi đó.'", "c"),
    ("other", [U("Cho mình công thức nấu phở bò."),
               A("Xương bò hầm 6–8 tiếng với hành tây, gừng nướng, quế, hồi, thảo quả; nêm nước mắm, đường phèn. Trụng bánh phở, xếp thịt bò tái, chan nước dùng nóng, thêm hành, rau thơm."),
               U("ghi lại thành danh sách nguyên liệu thôi")]),
    ("other", "Cách đổi mật khẩu Zalo trên điện thoại như thế nào?"),
    ("chit_chat", "Chào bạn, hôm nay bạn thế nào?"),
    ("chit_chat", [U("Trà sữa trân châu có nguồn gốc từ đâu?"),
                   A("Trà sữa trân châu ra đời ở Đài Loan vào những năm 1980."),
                   U("Cảm ơn bạn nhiều nha, hay quá!")]),
    ("image_understanding", [I("Hoá đơn tiền điện tháng này sao cao vậy, bạn đọc giúp mình với")]),
    ("image_question", [I("Đây là góc làm việc của mình, nhìn có bừa bộn quá không, nên sắp xếp lại thế nào?")]),
    ("image_generation", "Vẽ giúp mình bức tranh phố cổ Hội An về đêm với đèn lồng, phong cách màu nước."),
]

# ================================================================ Indonesian
L["id"] = [
    ("hard_question", "Saya punya tabungan Rp 300 juta. Mending buat DP rumah di Bekasi pakai KPR bunga floating, atau taruh di reksa dana dan tetap ngontrak? Tolong bandingkan dengan skenario suku bunga naik dan hitung kasarnya untuk 10 tahun."),
    ("hard_question", "Kenapa krisis moneter 1998 jauh lebih parah di Indonesia dibanding Malaysia atau Thailand? Bandingkan faktor utang swasta, resep IMF, dan kondisi politik, lalu simpulkan mana yang paling menentukan."),
    ("hard_question", "Buktikan bahwa jumlah sudut dalam segi-n adalah (n−2)·180°, lalu jelaskan kenapa rumus itu tidak berlaku untuk poligon yang sisi-sisinya saling berpotongan."),
    ("hard_question", [U("Aplikasi ojek online kami sering timeout pas jam pulang kantor."),
                       A("Bisa ceritakan lebih detail? Berapa kenaikan trafiknya dan bagaimana kondisi server saat itu?"),
                       U("Jam 17-19 request naik 3x, tapi CPU server cuma 40%. Connection pool MySQL 50, dan kami pakai API peta pihak ketiga yang ada rate limit-nya. Mana penyebab paling mungkin dan gimana cara buktiinnya?")]),
    ("hard_question", "Kami UMKM keripik tempe di Malang, omzet 40 juta/bulan. Ada tawaran masuk minimarket nasional tapi sistem konsinyasi dan dibayar 60 hari. Apa risiko dan untungnya buat arus kas kami, dan strategi apa yang paling masuk akal?"),
    ("try_again", "Jawabanmu sebelumnya salah, Borobudur itu candi Buddha, bukan Hindu. Tolong diperbaiki."),
    ("try_again", "Masih salah, kodenya tetap error pas di-run."),
    ("try_again", [U("Berapa jumlah provinsi di Indonesia sekarang?"), A("Indonesia memiliki 34 provinsi."), U("Kurang tepat, itu data lama. Coba cek lagi.")]),
    ("other", "Siapa presiden pertama Indonesia?", "f"),
    ("other", "Jawab singkat aja: BPJS itu apa?", "c"),
    ("other", "Tolong ubah kalimat ini jadi bahasa baku tanpa nambahin apa-apa: 'Gue udah kirim filenya kemarin, cek aja ya.'", "c"),
    ("other", [U("Bikinin pantun buat pembukaan acara kantor dong."),
               A("Pergi ke pasar membeli pepaya,\nPulangnya mampir ke rumah Pak Lurah.\nSelamat datang rekan semua,\nSemoga acara kita penuh berkah."),
               U("satu lagi tapi yang lucu")]),
    ("other", "Gimana cara bikin nasi goreng kampung yang enak?"),
    ("chit_chat", "Halo! Lagi apa nih?"),
    ("chit_chat", [U("Jam berapa biasanya Monas buka?"),
                   A("Biasanya Monas buka Selasa–Minggu sekitar pukul 08.00–16.00, Senin tutup."),
                   U("Makasih banyak ya, ngebantu banget 🙏")]),
    ("image_understanding", [I("Ini tanaman apa ya? Daunnya menguning terus dari minggu lalu")]),
    ("image_question", [I("Aku pakai batik ini buat kondangan besok, cocok nggak?")]),
    ("image_generation", "Buatin gambar komodo pakai blangkon lagi minum es teh, gaya kartun."),
]

# ================================================================ Chinese
L["zh"] = [
    ("hard_question", "我们公司在考虑把一条生产线从东莞搬到越南北宁。人工成本能低30%左右，但当地供应链不完整，好处是能规避一部分美国加征的关税。请综合物流、良率爬坡、管理成本和政策风险，帮我们判断三年内到底划不划算。"),
    ("hard_question", "为什么宋朝经济那么繁荣，军事上却屡屡吃亏？请从制度设计、财政和地缘三个角度分析，并说说你认为哪个因素最关键。"),
    ("hard_question", "证明：任意三个连续整数的乘积能被6整除。再推广一下，证明任意k个连续整数的乘积能被k!整除。"),
    ("hard_question", [S("你是某银行内部的IT运维助手，回答要严谨。"),
                       U("核心交易系统昨晚23点到凌晨1点响应明显变慢。这段时间里有数据库全量备份、批量对账任务，还做了一次核心交换机固件升级。监控显示数据库IO等待很高，同时网络丢包率也上升了。最可能的根因是什么？怎么逐一验证？")]),
    ("hard_question", "我爸65岁，体检PSA 6.5，医生说可以直接做穿刺，也可以三个月后复查再说。帮我权衡一下两个选择，要考虑假阳性、穿刺并发症和过度治疗这些问题。"),
    ("try_again", "你上一个回答是错的，长城不是秦始皇一个人修起来的，重新回答。"),
    ("try_again", "还是不对"),
    ("try_again", "你刚才给的SQL有问题，漏掉了退款订单，统计结果不完整，重新写一下。"),
    ("try_again", [U("1公斤等于多少斤？"), A("1公斤等于1斤。"), U("错了吧，再算一下")]),
    ("other", "珠穆朗玛峰有多高？", "f"),
    ("other", "简单回答：什么是GDP？", "c"),
    ("other", "帮我把这段话改通顺，不要加内容：“我们这个项目呢，因为时间的原因呢，所以可能会延期，大家注意一下。”", "c"),
    ("other", [U("给我写一首关于中秋的五言绝句。"),
               A("明月出东山，清辉满玉盘。\n故园千里外，共此一杯寒。"),
               U("再写一首关于春节的")]),
    ("other", "“内卷”是什么意思？"),
    ("chit_chat", "在吗？今天好无聊啊哈哈"),
    ("chit_chat", [U("微信怎么设置消息免打扰？"),
                   A("打开对应的聊天，点右上角“…”，打开“消息免打扰”开关即可。"),
                   U("谢谢你，太有用了！👍")]),
    ("image_understanding", [I("帮我看看这张化验单，哪些指标不正常？")]),
    ("image_question", [I("我今天这身穿搭怎么样？下午去见客户合适吗？")]),
    ("image_generation", "帮我画一只熊猫在西湖边吃小笼包，国风插画风格。"),
]

# ================================================================ Japanese
L["ja"] = [
    ("hard_question", "新NISAで毎月10万円積み立てるか、iDeCoを満額使ってから残りをNISAに回すかで迷っています。年収600万円の会社員で、50代のうちに住宅ローンの繰上げ返済もしたいです。税制メリットと流動性のトレードオフを踏まえて、どう配分するのが良いでしょうか。"),
    ("hard_question", "バブル崩壊後、なぜ「失われた30年」と呼ばれるほど停滞が長引いたのでしょうか。金融政策、不良債権処理の遅れ、人口動態それぞれの寄与を比較して論じてください。"),
    ("hard_question", "1からnまでの整数の三乗の和が (n(n+1)/2)² になることを数学的帰納法で証明してください。"),
    ("hard_question", [U("工場の射出成形機で、夏になると寸法不良が増えるんです。"),
                       A("季節性があるということは温度か湿度が怪しいですね。材料や設備の条件を教えていただけますか？"),
                       U("金型温度は管理していますが、工場にエアコンはなく、材料は吸湿性のあるPA66、乾燥機は去年から同じ設定です。考えられる原因を優先度順に挙げて、どう切り分ければいいか教えてください。")]),
    ("hard_question", "人口2万人の町で、赤字の町営バスを廃止してオンデマンド交通に切り替える案が出ています。高齢者の移動手段、財政負担、運転手不足を考えると、どちらを選ぶべきでしょうか。判断の軸を整理したうえで結論を出してください。"),
    ("try_again", "前の回答は間違っています。徳川家康が江戸幕府を開いたのは1600年ではなく1603年です。やり直してください。"),
    ("try_again", "まだ違う。エラー消えないんだけど"),
    ("try_again", [U("「情けは人のためならず」ってどういう意味？"),
                   A("人に情けをかけるのは、その人のためにならないという意味です。"),
                   U("それ、よくある誤用だよね。間違ってるから正しく答え直して。")]),
    ("other", "日本で一番長い川は何ですか？", "f"),
    ("other", "一言で答えて：円安って何？", "c"),
    ("other", "次のメールを、内容を足さずに敬語に直してください：「明日の会議、10時からに変わったので来てください。」", "c"),
    ("other", [U("京都で紅葉がきれいなお寺を3つ教えて"),
               A("東福寺（通天橋からの眺め）、永観堂（ライトアップが有名）、嵐山の宝厳院がおすすめです。"),
               U("表にまとめて")]),
    ("other", "「お疲れ様です」と「ご苦労様です」の違いって何？"),
    ("chit_chat", "こんばんは〜今日も一日疲れた😪"),
    ("chit_chat", [U("ゆで卵って何分茹でれば半熟になる？"),
                   A("沸騰したお湯に入れてから6分半くらいが目安です。"),
                   U("ありがとう！助かりました〜")]),
    ("image_understanding", [I("この漢字、なんて読むんですか？駅前の看板に書いてあったんですけど")]),
    ("image_question", [I("今日のメイク、派手すぎないかな？普通に会社行くんだけど")]),
    ("image_generation", "富士山と桜を背景に柴犬が座っている、浮世絵風のイラストを描いてください。"),
]

# ================================================================ Korean
L["ko"] = [
    ("hard_question", "전세 3억에 들어갈지, 아니면 보증금 5천에 월세 100만 원 내면서 남는 돈을 투자할지 고민입니다. 전세사기 위험, 전세대출 금리 4.5%, 기대 투자수익률을 모두 따져서 어느 쪽이 나은지 판단해 주세요."),
    ("hard_question", "조선 후기 실학이 왜 실제 개혁으로 이어지지 못했는지, 정치 구조·경제 상황·사상적 한계를 비교해서 분석해 주세요."),
    ("hard_question", "1부터 100까지의 자연수 중에서 서로 다른 두 수를 임의로 뽑을 때, 두 수의 합이 3의 배수일 확률을 구하고 풀이 과정을 설명해 주세요."),
    ("hard_question", [S("당신은 ○○전자 사내 개발 지원 봇입니다."),
                       U("배포 이후 결제 API에서 간헐적으로 중복 결제가 발생합니다. 이번 배포에서 재시도 로직을 바꿨고, 로드밸런서 타임아웃을 60초에서 30초로 줄였고, DB 트랜잭션 격리 수준은 그대로예요. 가장 가능성 높은 원인이 뭐고, 각각 어떻게 검증하면 될까요?")]),
    ("hard_question", [U("아이 둘 키우는 맞벌이인데 이사를 고민 중이에요."),
                       A("조건을 알려주시면 같이 따져볼게요. 직장 위치, 예산, 아이 나이 같은 게 중요할 것 같아요."),
                       U("남편 회사는 판교, 제 회사는 여의도, 첫째가 내년에 초등학교 입학하고 예산은 8억이에요. 통근, 학군, 집값 전망까지 고려하면 어느 지역이 합리적일지 근거를 들어서 비교해 주세요.")]),
    ("try_again", "아까 답변 틀렸어요. 세종대왕은 조선 3대가 아니라 4대 왕이에요. 다시 정리해 주세요."),
    ("try_again", "여전히 틀렸는데요? 계산 다시 해 보세요."),
    ("try_again", [U("대한민국 헌법은 몇 번 개정됐어?"), A("총 7번 개정되었습니다."), U("아닌데, 9차 개헌까지 있었잖아. 틀렸으니까 다시 알려줘.")]),
    ("other", "한라산 높이가 얼마예요?", "f"),
    ("other", "짧게 대답해줘: 금리 인상이 뭐야?", "c"),
    ("other", "이 문장 내용 추가하지 말고 맞춤법만 고쳐줘: '어떻게 되던지 간에 내일 까지 꼭 보내 주세요.'", "c"),
    ("other", [U("김치찌개 레시피 알려줘"),
               A("신김치 1/4포기, 돼지고기 앞다리살 200g, 두부 반 모, 대파, 고춧가루 1큰술, 물 600ml. 고기와 김치를 먼저 볶다가 물을 붓고 20분 끓인 뒤 두부와 파를 넣으세요."),
               U("2인분 기준으로 바꿔줘")]),
    ("other", "'눈치'를 영어로 어떻게 설명하면 좋을까?"),
    ("chit_chat", "안녕~ 오늘 날씨 진짜 좋다 ㅎㅎ"),
    ("chit_chat", [U("엑셀에서 중복값 제거 어떻게 해?"),
                   A("데이터 탭 → '중복된 항목 제거'를 누르고 기준 열을 선택하면 됩니다."),
                   U("고마워요! 덕분에 해결했어요 😊")]),
    ("image_understanding", [I("이 영수증에서 부가세가 얼마인지 알려줄래?")]),
    ("image_question", [I("오늘 면접 가는데 이 정장 괜찮아 보여?")]),
    ("image_generation", "한복 입은 고양이가 경복궁 앞에서 셀카 찍는 그림 그려줘"),
]

# ================================================================ Arabic
L["ar"] = [
    ("hard_question", "أملك شركة صغيرة للتجارة الإلكترونية في دبي وأفكر في التوسع إلى السعودية. هل الأفضل تأسيس كيان قانوني هناك أم العمل عبر موزّع محلي؟ حلّل التكاليف ومتطلبات السعودة والمخاطر الضريبية، وبيّن ما الذي يرجّح كل خيار."),
    ("hard_question", "لماذا تراجعت الدولة العباسية بعد القرن العاشر رغم ازدهارها العلمي؟ قارن بين العوامل السياسية والاقتصادية والعسكرية وبيّن أيها كان الأكثر حسماً."),
    ("hard_question", "أثبت أن مجموع مربعات أول n عدد طبيعي يساوي n(n+1)(2n+1)/6."),
    ("hard_question", [U("الكهرباء في المصنع تنقطع تقريباً كل يوم بعد الظهر."),
                       A("هل هناك نمط معيّن في التوقيت؟ وهل تغيّر شيء في الأحمال أو المعدات مؤخراً؟"),
                       U("يحدث غالباً بين الثانية والرابعة عندما تعمل المكيفات بأقصى طاقة، وأضفنا مكبساً جديداً الشهر الماضي، والمحوّل عمره 15 سنة. ما السبب الأرجح وكيف نتحقق من كل احتمال؟")]),
    ("hard_question", "رجل عمره 55 سنة، مدخّن، يشكو من ألم في الصدر عند صعود الدرج يزول بالراحة، وتخطيط القلب في الراحة طبيعي. ما التشخيصات التفريقية المحتملة وكيف نفاضل بينها، وما الفحص التالي الأنسب؟ (أنا طالب طب وأراجع للامتحان)"),
    ("try_again", "إجابتك السابقة كانت خاطئة، عاصمة المغرب هي الرباط وليست الدار البيضاء. أعد الإجابة من فضلك."),
    ("try_again", "لسّه الجواب غلط، جرّب مرة ثانية."),
    ("try_again", [U("كم عدد سور القرآن الكريم؟"), A("عدد سور القرآن الكريم 116 سورة."), U("هذا غير صحيح، راجع المعلومة وأعد الإجابة.")]),
    ("other", "متى تأسست جامعة القرويين في فاس؟", "f"),
    ("other", "أجب باختصار: ما هو التضخم؟", "c"),
    ("other", "أعد صياغة هذه الجملة بأسلوب رسمي دون إضافة أي تفاصيل: «ابعتلي الملف بسرعة لو سمحت.»", "c"),
    ("other", [U("اكتب لي رسالة تهنئة بعيد الفطر لزملائي في العمل."),
               A("زملائي الأعزاء، كل عام وأنتم بخير بمناسبة عيد الفطر المبارك، أعاده الله علينا وعليكم بالخير واليمن والبركات، وتقبّل الله منا ومنكم صالح الأعمال."),
               U("اجعلها أقصر")]),
    ("other", "كيف أضيف لوحة المفاتيح العربية في الآيفون؟"),
    ("chit_chat", "السلام عليكم، كيف حالك اليوم؟"),
    ("chit_chat", [U("كم دقيقة أطبخ الأرز البسمتي؟"),
                   A("بعد الغليان، خفّف النار وغطّه لمدة 12 إلى 15 دقيقة، ثم اتركه 5 دقائق قبل التقليب."),
                   U("شكراً جزيلاً، الله يعطيك العافية 🌹")]),
    ("image_understanding", [I("ما هذه الحشرة؟ وجدتها في المطبخ، هل هي خطيرة؟")]),
    ("image_question", [I("هل يناسبني لون هذا الحجاب مع لون بشرتي؟ رأيك بصراحة")]),
    ("image_generation", "ارسم لوحة لجمل في الصحراء تحت سماء مليئة بالنجوم، مع زخارف عربية على الأطراف."),
]

# ================================================================ Hindi
L["hi"] = [
    ("hard_question", "मेरी सैलरी 18 लाख सालाना है। होम लोन का ब्याज 2 लाख, 80C में 1.5 लाख और HRA भी मिलता है। नई और पुरानी टैक्स रिजीम में कौन सी बेहतर रहेगी? पूरा हिसाब लगाकर तुलना करो और बताओ कि किस पॉइंट पर फैसला बदल जाएगा।"),
    ("hard_question", "1991 के सुधारों के बाद भारत में सर्विस सेक्टर तो तेज़ी से बढ़ा, पर मैन्युफैक्चरिंग उतनी क्यों नहीं बढ़ पाई? श्रम कानून, इंफ्रास्ट्रक्चर और शिक्षा व्यवस्था जैसे कारणों का तुलनात्मक विश्लेषण कीजिए।"),
    ("hard_question", "एक परिवार में दो बच्चे हैं। अगर पता है कि कम से कम एक लड़का है जो मंगलवार को पैदा हुआ था, तो दोनों के लड़के होने की संभावना क्या है? पूरा तर्क समझाइए, और बताइए कि 'मंगलवार' वाली जानकारी से जवाब क्यों बदलता है।"),
    ("hard_question", [U("हमारी डेयरी कोऑपरेटिव का दूध कलेक्शन पिछले 3 महीनों में 20% गिर गया है।"),
                       A("इसके कई कारण हो सकते हैं। इस दौरान आपके इलाके में या आपकी व्यवस्था में क्या बदला?"),
                       U("इसी दौरान एक प्राइवेट डेयरी ने 2 रुपये लीटर ज़्यादा देना शुरू किया, गर्मी बहुत पड़ी, और हमारा भुगतान 10 दिन से बढ़कर 20 दिन में होने लगा। इनमें सबसे बड़ा कारण कौन सा है, ये कैसे पता करें, और क्या करना चाहिए?")]),
    ("hard_question", "अगर मरीज़ मना करे, तो क्या डॉक्टर को उसकी HIV पॉज़िटिव स्थिति उसकी पत्नी को बतानी चाहिए? भारतीय कानून, मेडिकल एथिक्स और व्यावहारिक नतीजों को ध्यान में रखकर विश्लेषण करो।"),
    ("try_again", "आपका पिछला जवाब गलत था, ताजमहल शाहजहाँ ने बनवाया था, अकबर ने नहीं। फिर से बताइए।"),
    ("try_again", "अभी भी गलत है भाई, टोटल मैच नहीं हो रहा"),
    ("try_again", [U("भारत में कितने राज्य हैं?"), A("भारत में 29 राज्य हैं।"), U("ये पुरानी जानकारी है, गलत है। सही से दोबारा बताओ।")]),
    ("other", "भारत के पहले प्रधानमंत्री कौन थे?", "f"),
    ("other", "एक लाइन में बताओ: GST क्या है?", "c"),
    ("other", "इस मैसेज को बिना कुछ जोड़े थोड़ा विनम्र बना दो: 'कल तक रिपोर्ट भेजो वरना दिक्कत होगी।'", "c"),
    ("other", [U("दिवाली पर ऑफिस ग्रुप के लिए एक छोटा सा शुभकामना संदेश लिखो।"),
               A("आप सभी को दीपावली की हार्दिक शुभकामनाएँ! यह रोशनी का त्योहार आपके जीवन में खुशियाँ, सेहत और समृद्धि लेकर आए।"),
               U("अब इसका अंग्रेज़ी वर्ज़न दो")]),
    ("other", "आधार कार्ड में मोबाइल नंबर कैसे अपडेट करें?"),
    ("chit_chat", "नमस्ते! कैसे हो आज?"),
    ("chit_chat", [U("चाय में अदरक कब डालनी चाहिए?"),
                   A("पानी उबलने लगे तब कुटी हुई अदरक डालें और 1-2 मिनट उबालें, फिर चायपत्ती और दूध डालें।"),
                   U("बहुत बहुत धन्यवाद, आपने बहुत मदद की 🙏")]),
    ("image_understanding", [I("ये मेरा बिजली का बिल है, इसमें 'फिक्स्ड चार्ज' इतना ज़्यादा क्यों है?")]),
    ("image_understanding", [I("आज बालकनी में ये चिड़िया आई थी, कौन सी है?"),
                             A("यह दर्जिन (Common Tailorbird) लगती है — हरी पीठ, लाल-भूरा माथा और ऊपर उठी हुई पूँछ इसकी पहचान है।"),
                             U("फोटो देखकर बताओ, ये बच्चा है या बड़ी?")]),
    ("image_question", [I("शादी के लिए ये कुर्ता मुझ पर कैसा लग रहा है?")]),
    ("image_generation", "होली खेलते बच्चों की एक रंग-बिरंगी पेंटिंग बनाओ, मधुबनी शैली में।"),
]

# ================================================================ Russian
L["ru"] = [
    ("hard_question", "Стоит ли сейчас брать ипотеку под 18% на квартиру в Казани, или лучше снимать и держать деньги на вкладе под 16%? Учти, что ставка может снизиться через год, и посчитай оба сценария на 5 лет. Какие допущения сильнее всего влияют на вывод?"),
    ("hard_question", "Почему реформы Александра II не предотвратили революцию, а возможно, даже приблизили её? Сравни экономические, социальные и политические последствия — только не пересказывай учебник."),
    ("hard_question", "Докажи, что среди любых 5 точек внутри квадрата со стороной 2 найдутся две на расстоянии не больше √2."),
    ("hard_question", [S("Ты — внутренний ассистент команды разработки интернет-магазина «Полка»."),
                       U("После релиза у части пользователей корзина сама очищается. Жалобы в основном с iOS Safari. В этом релизе мы сменили домен API, обновили библиотеку сессий и включили новый CDN. Какая причина вероятнее и как это проверить по шагам?")]),
    ("hard_question", "Бабушке 82 года, фибрилляция предсердий и ХБП 3 стадии. Врач предлагает перейти с варфарина на апиксабан. Какие аргументы за и против с учётом почек, риска падений и цены? Хочу разобраться до приёма."),
    ("try_again", "Твой предыдущий ответ был неверным: Байкал — самое глубокое озеро, а не самое большое по площади. Исправь."),
    ("try_again", "Всё ещё неправильно."),
    ("try_again", [U("Сколько будет 17 × 24?"), A("17 × 24 = 398."), U("Неверно, пересчитай.")]),
    ("other", "В каком году основали Санкт-Петербург?", "f"),
    ("other", "Ответь коротко: что такое ключевая ставка?", "c"),
    ("other", "Перепиши без новых деталей, просто сделай вежливее: «Отправьте документы, сколько можно ждать.»", "c"),
    ("other", [U("Напиши короткое поздравление с 8 Марта для коллег."),
               A("Дорогие коллеги! Поздравляем вас с 8 Марта! Пусть весна приносит вдохновение, а каждый день — поводы для улыбки."),
               U("сделай его менее официальным")]),
    ("other", "Разбери, пожалуйста, слово «подснежник» по составу."),
    ("chit_chat", "Привет! Как дела?"),
    ("chit_chat", [U("Сколько варить гречку?"),
                   A("Обычно 15–20 минут на слабом огне после закипания, в пропорции 1:2."),
                   U("Спасибо огромное, очень выручил!")]),
    ("chit_chat", [I("Что это за цветок у меня на подоконнике?"),
                   A("Это похоже на фиалку (сенполию): бархатистые листья розеткой и фиолетовые цветки."),
                   U("понятно, спасибо, спокойной ночи 🌙")]),
    ("image_understanding", [I("Что это за гриб? Можно его есть? Нашёл в лесу под Тверью")]),
    ("image_question", [I("Как тебе моя новая стрижка? Только честно")]),
    ("image_generation", "Нарисуй кота в ушанке, который пьёт чай из самовара, в стиле хохломы."),
]

# ================================================================ Ukrainian
L["uk"] = [
    ("hard_question", "Я ФОП 3 групи, оборот близько 4 млн грн на рік. Чи варто переходити в ТОВ, якщо планую залучити інвестора і найняти 5 людей? Порівняй податки, звітність, відповідальність і ризики, і скажи, за яких умов відповідь зміниться."),
    ("hard_question", "Чому Гетьманщина після Хмельниччини так і не стала стабільною державою? Порівняй роль Руїни, зовнішніх сил і внутрішніх конфліктів старшини, і оціни, що було вирішальним."),
    ("hard_question", "Подумай добре, перш ніж відповідати: є 12 монет, одна фальшива, але невідомо, легша вона чи важча. За скільки мінімум зважувань на шалькових терезах її гарантовано знайти й визначити, легша чи важча? Доведи, що менше неможливо."),
    ("hard_question", [U("У нас в ОСББ постійно вибиває автомати в підвалі."),
                       A("А коли саме вибиває і що останнім часом змінилось у навантаженні?"),
                       U("Тільки взимку, коли вмикають бойлери й обігрівачі, а ще торік підключили зарядку для електромобіля. Проводка 1980-х. Що найімовірніше і як перевірити, не викликаючи одразу дорогу бригаду?")]),
    ("hard_question", "Ми невелика IT-компанія зі Львова, 30 людей. Частина хоче повністю віддалено, частина — в офіс. Оренда 6 тис. доларів на місяць. Зваж культуру, продуктивність, роботу під час відключень світла і витрати, і запропонуй рішення."),
    ("try_again", "Твоя попередня відповідь була неправильна — Київ заснували не в 1240 році. Виправ, будь ласка."),
    ("try_again", "Досі не те. Помилка та сама."),
    ("try_again", [U("Скільки областей в Україні?"), A("В Україні 25 областей."), U("Ні, неправильно, перевір ще раз.")]),
    ("other", "Хто написав «Кобзар»?", "f"),
    ("other", "Одним реченням: що таке ПДВ?", "c"),
    ("other", "Перепиши без додавання нічого, лише виправ русизми: «Прийміть міри по відношенню до цієї ситуації на протязі тижня.»", "c"),
    ("other", [U("Напиши короткий вірш про осінь у Карпатах."),
               A("Туман лягає на смереки,\nПолонина в золоті,\nІ дзвенить струмок далекий\nПро літа, що відлетіли."),
               U("а тепер про зиму")]),
    ("other", "Як увійти в Дію на новому телефоні?"),
    ("chit_chat", "Привіт! Як справи? 😊"),
    ("chit_chat", [U("Скільки варити борщ після того, як додав буряк?"),
                   A("Зазвичай 10–15 хвилин, щоб буряк не втратив колір."),
                   U("Дякую, ти найкращий!")]),
    ("image_understanding", [I("Що означає цей значок на пральній машині? Блимає вже годину")]),
    ("image_question", [I("Я так вбралася на випускний, як тобі?")]),
    ("image_generation", "Намалюй вареники з вишнями у стилі петриківського розпису."),
]

# ================================================================ Hebrew
L["he"] = [
    ("hard_question", "אני שוקל לקנות דירה בבאר שבע להשקעה במקום להשאיר את הכסף בקרן השתלמות. הון עצמי 600 אלף, ריבית משכנתא 5%, תשואת שכירות 3%. תחשב תרחישים ל-10 שנים כולל מס רכישה על דירה שנייה ותגיד מה משתלם יותר."),
    ("hard_question", "למה הסכמי אוסלו לא הובילו להסדר קבע? אני רוצה ניתוח שמשווה בין הגורמים הפוליטיים, הביטחוניים והכלכליים אצל שני הצדדים, לא רשימת תאריכים."),
    ("hard_question", "הוכח שאין מספר רציונלי שריבועו 3."),
    ("hard_question", [U("האתר שלנו נהיה איטי מאוד מאז שעברנו ל-AWS."),
                       A("מה בדיוק השתנה במעבר? אזור, גודל שרתים, רכיבים חדשים?"),
                       U("עברנו ל-eu-west-1 אבל רוב הלקוחות בישראל, ה-DB עבר ל-RDS קטן יותר, והוספנו WAF. זמני תגובה קפצו מ-200ms ל-1.5 שניות. מה הגורם הסביר ביותר ואיך אני מוכיח את זה?")]),
    ("hard_question", "יש לי שתי הצעות עבודה: סטארטאפ עם אופציות ומשכורת נמוכה ב-20%, או חברה גדולה ויציבה. אני בן 34, עם משכנתא וילד בדרך. תעזור לי לשקול את זה לעומק, כולל כמה האופציות באמת שוות בתרחישים שונים."),
    ("try_again", "התשובה הקודמת שלך לא נכונה, ירושלים לא נמצאת על חוף הים. תתקן."),
    ("try_again", "עדיין לא נכון"),
    ("try_again", [U("כמה זה 15% מ-480?"), A("15% מ-480 זה 62."), U("טעות, תבדוק שוב.")]),
    ("other", "מתי הוקמה מדינת ישראל?", "f"),
    ("other", "תענה בקצרה: מה זה מדד המחירים לצרכן?", "c"),
    ("other", "תנסח מחדש בלי להוסיף כלום, רק יותר מנומס: 'תחזיר לי את הכסף כבר.'", "c"),
    ("other", [U("תן לי מתכון לשקשוקה."),
               A("מטגנים בצל ופלפל, מוסיפים שום, פפריקה וכמון, ואז עגבניות מרוסקות. מבשלים 10 דקות, שוברים 4 ביצים, מכסים ומבשלים עד שהחלבון מתייצב."),
               U("תעשה את זה טבעוני")]),
    ("other", [I("מה הצמח הזה? קיבלתי אותו מתנה"),
               A("זו מונסטרה דליציוזה — העלים הגדולים עם החריצים הם הסימן המובהק."),
               U("ובאופן כללי, כל כמה זמן צריך להשקות מונסטרה?")]),
    ("other", "איך מוציאים דרכון ביומטרי?"),
    ("chit_chat", "היי, מה נשמע? 😊"),
    ("chit_chat", [U("איך מבטלים מנוי לנטפליקס?"),
                   A("נכנסים ל'חשבון' באתר, לוחצים על 'ביטול מינוי' ומאשרים."),
                   U("תודה רבה! עזרת לי מלא")]),
    ("image_understanding", [I("מה כתוב במכתב הזה מביטוח לאומי? אני צריך לעשות משהו?")]),
    ("image_question", [I("ככה נראה הסלון שלי, איזה צבע וילונות יתאים?")]),
    ("image_generation", "צייר לי חתול יושב על גג בתל אביב בשקיעה, בסגנון פופ ארט."),
]

# ================================================================ Persian
L["fa"] = [
    ("hard_question", "با تورم حدود ۴۰ درصد، پس‌اندازم (۵۰۰ میلیون تومان) را طلا بخرم، دلار بگیرم یا سپرده بانکی بگذارم؟ ریسک نقدشوندگی، نوسان قیمت و محدودیت‌های خرید ارز را در نظر بگیر و برای چند سناریو مقایسه کن."),
    ("hard_question", "چرا انقلاب مشروطه نتوانست به یک نظام پارلمانی پایدار برسد؟ نقش عوامل خارجی، شکاف‌های داخلی و ساختار اقتصادی را مقایسه و ارزیابی کن."),
    ("hard_question", "ثابت کن بی‌نهایت عدد اول وجود دارد، بعد توضیح بده چرا همان استدلال اقلیدس برای اعداد اول به شکل 4k+1 مستقیماً جواب نمی‌دهد."),
    ("hard_question", [U("سرور فروشگاه اینترنتی ما شب‌ها خیلی کند می‌شود."),
                       A("در آن ساعت‌ها چه اتفاقی روی سرور یا در کسب‌وکار می‌افتد؟"),
                       U("از ساعت ۲۱ تا ۲۳ همزمان بکاپ دیتابیس گرفته می‌شود، کمپین پیامکی ارسال می‌شود، و قطعی برق منطقه‌ای هم داریم که UPS جایگزین می‌کند. کدام علت محتمل‌تر است و چطور تشخیص بدهیم؟")]),
    ("hard_question", "یک شرکت دارویی کوچک باید تصمیم بگیرد ماده اولیه داروی ژنریک را از تأمین‌کننده ارزان چینی بخرد یا از تأمین‌کننده هندی گران‌تر ولی با کیفیت تأییدشده. با توجه به تحریم، مشکل انتقال پول و ریسک کیفیت، کدام منطقی‌تر است؟ دلایلت را وزن کن."),
    ("try_again", "جواب قبلی‌ات اشتباه بود، حافظ اهل شیراز است نه اصفهان. دوباره بنویس."),
    ("try_again", "هنوز غلطه."),
    ("try_again", [U("پایتخت کانادا کجاست؟"), A("پایتخت کانادا تورنتو است."), U("نه، اشتباه گفتی. دوباره بررسی کن.")]),
    ("other", "قله دماوند چند متر ارتفاع دارد؟", "f"),
    ("other", "خیلی کوتاه جواب بده: یارانه چیست؟", "c"),
    ("other", "این متن را بدون اضافه کردن چیزی رسمی‌تر کن: «سلام، فایل رو زودتر بفرست، منتظرم.»", "c"),
    ("other", [U("یک شعر کوتاه درباره شب یلدا بنویس."),
               A("بلندترین شب سال است و انار سرخ بر سفره،\nحافظ گشوده‌ایم و دل‌ها کنار هم، گرم و بی‌دغدغه."),
               U("حالا یکی درباره نوروز")]),
    ("other", "چطور در اسنپ سفر را لغو کنم؟"),
    ("chit_chat", "سلام! چطوری؟ خوبی؟"),
    ("chit_chat", [U("برنج ایرانی رو چقدر باید خیس کنم؟"),
                   A("معمولاً ۲ تا ۴ ساعت در آب نمک، اگر وقت داری حتی بیشتر."),
                   U("مرسی، خیلی لطف کردی 🌸")]),
    ("image_understanding", [I("این قرص چیه؟ روی برگه‌اش نوشته ولی نمی‌تونم بخونم")]),
    ("image_question", [I("با این مانتو برای مهمونی خوبم؟")]),
    ("image_generation", "یک نقاشی به سبک مینیاتور ایرانی از یک باغ با حوض و درخت انار بکش."),
]

# ================================================================ Thai
L["th"] = [
    ("hard_question", "ผมมีเงินเก็บ 1 ล้านบาท ควรเอาไปซื้อคอนโดแถวบางนาปล่อยเช่า หรือลงกองทุนลดหย่อนภาษีดีครับ ช่วยเปรียบเทียบผลตอบแทนหลังหักภาษี ค่าส่วนกลาง ช่วงห้องว่าง และความเสี่ยงที่ราคาคอนโดจะลดลง ในระยะ 10 ปี"),
    ("hard_question", "ทำไมวิกฤตต้มยำกุ้งปี 2540 ถึงรุนแรงมากในไทย ช่วยวิเคราะห์บทบาทของการตรึงค่าเงิน การกู้เงินต่างประเทศระยะสั้น และการกำกับดูแลสถาบันการเงิน ว่าปัจจัยไหนสำคัญที่สุด"),
    ("hard_question", "โยนเหรียญ 10 ครั้ง ความน่าจะเป็นที่จะได้หัวติดกันอย่างน้อย 3 ครั้งเป็นเท่าไร แสดงวิธีคิดด้วย"),
    ("hard_question", [U("ร้านกาแฟของเรายอดขายตกลง 25% ตั้งแต่เดือนที่แล้ว"),
                       A("เสียใจด้วยค่ะ ช่วงนั้นมีอะไรเปลี่ยนไปบ้างไหม ทั้งในร้านและรอบๆ ร้าน"),
                       U("เดือนที่แล้วเราขึ้นราคาแก้วละ 10 บาท มีร้านเชนเปิดใหม่ตรงข้าม และถนนหน้าร้านกำลังซ่อม ลูกค้าประจำยังมา แต่ลูกค้าขาจรหายไป ปัจจัยไหนน่าจะเป็นตัวหลัก และเราควรทดสอบยังไง")]),
    ("hard_question", "แม่อายุ 60 เป็นเบาหวานกับความดัน เพิ่งตรวจพบไตเสื่อมระยะ 3 หมอให้เลือกระหว่างเปลี่ยนยาเบาหวานเป็นกลุ่ม SGLT2 ซึ่งแพงกว่า กับใช้ยาเดิมต่อ ช่วยชั่งน้ำหนักข้อดีข้อเสียให้หน่อยค่ะ"),
    ("try_again", "คำตอบก่อนหน้านี้ผิดนะ สงกรานต์ไม่ได้ตรงกับวันที่ 1 เมษายน แก้ใหม่ด้วย"),
    ("try_again", "ยังผิดอยู่เลย"),
    ("try_again", [U("ประเทศไทยมีกี่จังหวัด"), A("ประเทศไทยมี 76 จังหวัด"), U("ไม่ถูกนะ ลองเช็กใหม่อีกที")]),
    ("other", "ใครเป็นผู้สถาปนากรุงรัตนโกสินทร์", "f"),
    ("other", "ตอบสั้นๆ: เงินเฟ้อคืออะไร", "c"),
    ("other", "ช่วยเขียนข้อความนี้ใหม่ให้สุภาพขึ้น ไม่ต้องเพิ่มเนื้อหา: 'ส่งงานมาได้แล้ว ช้ามากเลย'", "c"),
    ("other", [U("ขอสูตรต้มยำกุ้งน้ำข้น"),
               A("ต้มน้ำซุปกับข่า ตะไคร้ ใบมะกรูด ใส่กุ้ง เห็ด ปรุงด้วยน้ำปลา น้ำมะนาว พริกเผา แล้วเติมนมข้นจืดหรือกะทิ"),
               U("เปลี่ยนเป็นแบบน้ำใสได้ไหม")]),
    ("other", "ต่อภาษีรถยนต์ออนไลน์ทำยังไง"),
    ("chit_chat", "สวัสดีค่ะ วันนี้เป็นไงบ้าง"),
    ("chit_chat", [U("ข้าวเหนียวต้องแช่น้ำกี่ชั่วโมง"),
                   A("แช่อย่างน้อย 4 ชั่วโมง หรือแช่ทิ้งไว้ข้ามคืนจะนุ่มที่สุด"),
                   U("ขอบคุณมากครับ ช่วยได้เยอะเลย")]),
    ("image_understanding", [I("ต้นไม้นี้ชื่ออะไรคะ ใบมีจุดสีน้ำตาลเต็มเลย")]),
    ("image_question", [I("ชุดนี้ใส่ไปงานแต่งเพื่อนได้ไหมคะ ดูโอเคไหม")]),
    ("image_generation", "วาดรูปช้างใส่ชุดไทยกำลังเล่นสาดน้ำสงกรานต์ สไตล์การ์ตูนน่ารัก"),
]

# ================================================================ Greek
L["el"] = [
    ("hard_question", "Έχω ένα διαμέρισμα στην Αθήνα που το νοικιάζω μακροχρόνια για 600€. Αξίζει να το βάλω σε Airbnb; Λάβε υπόψη φορολογία, τους νέους περιορισμούς, πληρότητες, κοινόχρηστα και τον χρόνο που θα μου φάει, και κάνε έναν ρεαλιστικό υπολογισμό."),
    ("hard_question", "Γιατί η Ελλάδα χτυπήθηκε τόσο πιο σκληρά από την κρίση του 2010 απ' ό,τι η Πορτογαλία ή η Ιρλανδία; Σύγκρινε δημοσιονομικά, θεσμικά και πολιτικά αίτια και πες ποιο βάρυνε περισσότερο."),
    ("hard_question", "Απόδειξε ότι ο αριθμός log₂3 είναι άρρητος."),
    ("hard_question", [U("Το ξενοδοχείο μας στη Νάξο είχε φέτος 15% λιγότερες κρατήσεις."),
                       A("Τι άλλαξε φέτος σε σχέση με πέρσι, στις τιμές, στα κανάλια ή στον ανταγωνισμό;"),
                       U("Ανεβάσαμε τις τιμές 12%, η Booking άλλαξε αλγόριθμο και άνοιξαν δύο νέα καταλύματα δίπλα. Οι κριτικές μας είναι ίδιες. Ποια αιτία βαραίνει περισσότερο και πώς να το ελέγξω με τα δεδομένα που έχω;")]),
    ("hard_question", "Ο δήμος μας σκέφτεται να κλείσει το κέντρο στα αυτοκίνητα τα Σαββατοκύριακα. Ανάλυσε τις επιπτώσεις για καταστήματα, κατοίκους και κυκλοφορία, και πρότεινε πώς να γίνει πιλοτικά ώστε να μετρηθεί σωστά."),
    ("try_again", "Η προηγούμενη απάντησή σου ήταν λάθος, η μάχη του Μαραθώνα έγινε το 490 π.Χ., όχι το 480. Διόρθωσέ το."),
    ("try_again", "Πάλι λάθος."),
    ("try_again", [U("Ποιο είναι το ψηλότερο βουνό της Ελλάδας;"), A("Το ψηλότερο βουνό της Ελλάδας είναι ο Ταΰγετος."), U("Όχι, λάθος. Ξαναδές το.")]),
    ("try_again", [I("Τι δείχνει αυτό το γράφημα με τις πωλήσεις μας;"),
                   A("Το γράφημα δείχνει σταθερή πτώση των πωλήσεων από τον Μάρτιο ως τον Ιούνιο."),
                   U("Το διάβασες λάθος, οι πωλήσεις ανεβαίνουν, όχι πέφτουν. Ξανακάν' το.")]),
    ("other", "Πότε έγιναν οι πρώτοι σύγχρονοι Ολυμπιακοί Αγώνες;", "f"),
    ("other", "Απάντησε σύντομα: τι είναι ο ΕΝΦΙΑ;", "c"),
    ("other", "Ξαναγράψε το πιο ευγενικά χωρίς να προσθέσεις τίποτα: «Στείλε μου τα χαρτιά σήμερα.»", "c"),
    ("other", [U("Γράψε μου μια συνταγή για μουσακά."),
               A("Τηγανίζεις μελιτζάνες και πατάτες, κάνεις κιμά με ντομάτα και κανέλα, στρώνεις σε ταψί, σκεπάζεις με μπεσαμέλ και ψήνεις στους 180° για 45 λεπτά."),
               U("κάν' τη χορτοφαγική")]),
    ("other", "Τι σημαίνει η λέξη «φιλότιμο»;"),
    ("chit_chat", "Γεια σου! Τι κάνεις;"),
    ("chit_chat", [U("Πόση ώρα θέλει ο ελληνικός καφές στο μπρίκι;"),
                   A("Περίπου 2–3 λεπτά σε χαμηλή φωτιά, μέχρι να φουσκώσει το καϊμάκι, χωρίς να βράσει."),
                   U("Ευχαριστώ πολύ, με βοήθησες πάρα πολύ!")]),
    ("image_understanding", [I("Τι σημαίνει αυτό το σήμα που άναψε στο ταμπλό του αυτοκινήτου;")]),
    ("image_question", [I("Πώς σου φαίνεται το μαγιό μου; Για διακοπές στη Μύκονο")]),
    ("image_generation", "Ζωγράφισε μια γάτα σε ένα γαλάζιο παράθυρο στη Σαντορίνη, σε στυλ ακουαρέλας."),
]


# ================================================================ extra multi-turn items
L["en"] += [
    ("other", [S("You are a travel helper agent with a weather tool."),
               U("what's the weather in Leeds tomorrow?"),
               CALL("call_w1", "get_weather", {"city": "Leeds", "day": "tomorrow"}),
               TOOL("call_w1", "{\"high_c\": 9, \"low_c\": 3, \"rain_chance\": 0.8, \"wind_kph\": 35}"),
               A("Tomorrow in Leeds: 3–9 °C, 80% chance of rain and fairly windy (35 km/h)."),
               U("ok so what should I wear, just a quick list")]),
    ("try_again", [S("You are the company travel-booking agent. Use search_flights for flight searches."),
                   U("Find me flights LHR to JFK on 12 May, under £500, direct only."),
                   CALL("call_f1", "search_flights", {"from": "LHR", "to": "JFK", "date": "2025-06-12", "max_price_gbp": 500, "direct": True}),
                   TOOL("call_f1", "[{\"flight\": \"BA117\", \"date\": \"2025-06-12\", \"price_gbp\": 462}, {\"flight\": \"VS3\", \"date\": \"2025-06-12\", \"price_gbp\": 489}]"),
                   A("I found two direct options under £500: BA117 at £462 and VS3 at £489, both on 12 June."),
                   U("Those are for 12 June, not 12 May. Wrong date, search again.")]),
    ("hard_question", [U("can my landlord keep my deposit?"),
                       A("It depends on the tenancy type, whether the deposit was protected, and the reason for the deduction. Where are you and what happened?"),
                       U("England, assured shorthold. Deposit wasn't put in a protection scheme until 5 months in. I moved out two weeks before the fixed term ended without a written agreement, and there's a row about a stained carpet. Work out what I can realistically claim, what they can legitimately deduct, and how those interact.")]),
]
L["pt"] += [
    ("other", [U("Qual é a diferença entre CLT e PJ?"),
               A("Na CLT você é empregado com carteira assinada: tem férias, 13º, FGTS e INSS recolhidos pela empresa. Como PJ você presta serviço pela sua própria empresa, emite nota, paga seus impostos e não tem esses benefícios garantidos, mas costuma receber um valor bruto maior."),
               U("Resume isso em duas linhas, sem acrescentar nada."), ], "c"),
]
L["it"] += [
    ("try_again", [U("Scrivimi una funzione Python che controlla se una stringa è palindroma."),
                   A("def palindroma(s):\n    return s == s[::-1]"),
                   U("È incompleta: 'Anna' e 'I topi non avevano nipoti' dovrebbero risultare palindrome e invece no. Correggila.")]),
]
L["nl"] += [
    ("image_understanding", [I("Wat staat er op dit parkeerbord?"),
                             A("Er staat: betaald parkeren ma–za 9:00–21:00, maximaal 2 uur, uitgezonderd vergunninghouders sector B."),
                             U("En mag ik er dan zaterdagavond om 22 uur gratis staan, volgens dat bord?")]),
]
L["sv"] += [
    ("hard_question", [U("Vi är tre syskon som har ärvt en sommarstuga."),
                       A("Okej! Vad är det ni behöver hjälp att reda ut?"),
                       U("En vill sälja, en vill behålla, och jag vill köpa ut de andra men har bara råd med hälften av marknadsvärdet på 2,4 Mkr. Hur kan vi lösa det rättvist? Väg samäganderättslagen, skatten och relationerna mot varandra.")]),
]
L["pl"] += [
    ("image_generation", [U("Potrzebuję pomysłu na logo dla piekarni „Złoty Kłos”."),
                          A("Może stylizowany kłos zboża w złotym kolorze, wpisany w okrąg, z nazwą prostym szeryfowym krojem pod spodem?"),
                          U("Super, to wygeneruj mi to logo")]),
]
L["tr"] += [
    ("other", [I("Bu tabelada ne yazıyor?"),
               A("Tabelada 'Park etmek yasaktır, çekici ile çekilir' yazıyor."),
               U("Peki genel olarak Türkiye'de park cezası ne kadar?")]),
]
L["vi"] += [
    ("try_again", [U("Viết hàm Python tính giai thừa."),
                   A("def gt(n):\n    return n * gt(n - 1)"),
                   U("Thiếu điều kiện dừng rồi, chạy bị RecursionError. Sửa lại đi.")]),
]
L["id"] += [
    ("image_question", [U("Aku mau potong rambut, bingung modelnya."),
                        A("Boleh kirim foto wajahmu? Biar aku bisa kasih saran sesuai bentuk wajah."),
                        I("Ini fotoku, model apa yang cocok?")]),
]
L["ja"] += [
    ("chit_chat", [S("あなたは社内アシスタントです。天気の確認には get_weather を使えます。"),
                   U("明日の大阪の天気教えて"),
                   CALL("call_j1", "get_weather", {"city": "Osaka", "day": "tomorrow"}),
                   TOOL("call_j1", "{\"weather\": \"晴れのち曇り\", \"high_c\": 24, \"low_c\": 17, \"rain_chance\": 0.2}"),
                   A("明日の大阪は晴れのち曇り、最高24℃・最低17℃、降水確率は20%です。"),
                   U("ありがとう、助かった！")]),
]
L["ko"] += [
    ("hard_question", [U("통계 관련해서 하나 여쭤볼게요."),
                       A("네, 말씀하세요."),
                       U("A/B 테스트에서 전환율이 A안 4.1%(n=5,200), B안 4.6%(n=5,050)가 나왔는데, 중간에 세 번 결과를 들여다보다가 좋아 보여서 멈췄어요. 이 결과 믿어도 될까요? 유의성, 중간 확인 문제, 실질적인 효과 크기까지 따져 주세요.")]),
]
L["ar"] += [
    ("other", [S("أنت مساعد خدمة العملاء لشركة طيران. أجب بإيجاز ولطف."),
               U("ما هو وزن الأمتعة المسموح به في الدرجة السياحية؟")]),
]
L["uk"] += [
    ("image_generation", [I("Додай мені на цьому фото вишиванку і вінок з квітів")]),
]
L["fa"] += [
    ("chit_chat", [U("امروز تولدمه 🎂"),
                   A("تولدت مبارک! 🎉 امیدوارم روز فوق‌العاده‌ای داشته باشی."),
                   U("مرسی، تو اولین نفری بودی که تبریک گفت 😅")]),
]
L["th"] += [
    ("other", [U("แปลเป็นภาษาอังกฤษให้หน่อย: 'ขอบคุณที่รอนะคะ'"),
               A("Thanks for waiting!"),
               U("ขอแบบทางการกว่านี้")]),
]


# ================================================================ build + validate
MIN_PER_LANG = {"hard_question": 5, "try_again": 3, "other": 4, "chit_chat": 2,
                "image_understanding": 1, "image_question": 1, "image_generation": 1}
NEEDS_IMAGE = {"image_understanding", "image_question"}
# rough script check of the latest user turn for non-Latin languages
SCRIPT = {"zh": (0x4E00, 0x9FFF), "ja": (0x3040, 0x30FF), "ko": (0xAC00, 0xD7AF),
          "ar": (0x0600, 0x06FF), "fa": (0x0600, 0x06FF), "hi": (0x0900, 0x097F),
          "ru": (0x0400, 0x04FF), "uk": (0x0400, 0x04FF), "he": (0x0590, 0x05FF),
          "th": (0x0E00, 0x0E7F), "el": (0x0370, 0x03FF)}


def text_of(msg):
    c = msg.get("content")
    if isinstance(c, list):
        return " ".join(p.get("text", "") for p in c if p.get("type") == "text")
    return c or ""


def has_image(msg):
    c = msg.get("content")
    return isinstance(c, list) and any(p.get("type") == "image_url" for p in c)


def fail(msg):
    print("VALIDATION ERROR:", msg, file=sys.stderr)
    sys.exit(1)


def main():
    rows, seen = [], set()
    per_lang = defaultdict(Counter)
    opening_try = Counter()
    tags = defaultdict(Counter)
    multi = 0
    for lang in LANGS:
        if lang not in L:
            fail(f"missing language {lang}")
        for entry in L[lang]:
            route, conv = entry[0], entry[1]
            tag = entry[2] if len(entry) > 2 else None
            if route not in ROUTES:
                fail(f"{lang}: bad route {route}")
            msgs = [U(conv)] if isinstance(conv, str) else conv
            where = f"{lang}/{route}: {text_of(msgs[-1])[:60]!r}"
            if not msgs or msgs[-1]["role"] != "user":
                fail(f"last message is not user: {where}")
            for m in msgs:
                if m["role"] not in ("system", "user", "assistant", "tool"):
                    fail(f"bad role {m['role']}: {where}")
            # tool messages must answer an earlier tool call
            open_calls = set()
            for m in msgs:
                for tc in m.get("tool_calls") or []:
                    open_calls.add(tc["id"])
                if m["role"] == "tool":
                    if m.get("tool_call_id") not in open_calls:
                        fail(f"tool message answers no tool call: {where}")
                    open_calls.discard(m["tool_call_id"])
            if route in NEEDS_IMAGE and not any(has_image(m) for m in msgs if m["role"] == "user"):
                fail(f"image route without image: {where}")
            if lang in SCRIPT:
                lo, hi = SCRIPT[lang]
                if not any(lo <= ord(ch) <= hi for ch in text_of(msgs[-1])):
                    fail(f"latest user turn not in {lang} script: {where}")
            key = json.dumps(msgs, ensure_ascii=False, sort_keys=True)
            if key in seen:
                fail(f"duplicate conversation: {where}")
            seen.add(key)
            n_user = sum(1 for m in msgs if m["role"] == "user")
            if n_user > 1 or any(m["role"] in ("assistant", "tool") for m in msgs):
                multi += 1
            if route == "try_again" and not any(m["role"] == "assistant" for m in msgs):
                opening_try[lang] += 1
            if tag:
                tags[lang][tag] += 1
            per_lang[lang][route] += 1
            rows.append({"messages": msgs, "route": route, "lang": lang})

    for lang in LANGS:
        c = per_lang[lang]
        total = sum(c.values())
        need_total = 40 if lang == "en" else 18
        if total < need_total:
            fail(f"{lang}: only {total} items (need {need_total})")
        for r, n in MIN_PER_LANG.items():
            if c[r] < n:
                fail(f"{lang}: {r} has {c[r]} (< {n})")
        if opening_try[lang] < 2:
            fail(f"{lang}: fewer than 2 conversation-opening try_again items")
        if tags[lang]["c"] < 2 or tags[lang]["f"] < 1:
            fail(f"{lang}: needs >=2 constrained and >=1 factual 'other' items")

    with open(OUT, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    total = Counter()
    for lang in LANGS:
        total.update(per_lang[lang])
    print(f"wrote {len(rows)} conversations to {OUT}")
    print(f"multi-turn (or with system/assistant/tool context): {multi} ({100 * multi / len(rows):.0f}%)")
    print("per route:")
    for r in ROUTES:
        print(f"  {r:20s} {total[r]}")
    print("per language:  " + " ".join(f"{r[:5]:>5s}" for r in ROUTES) + "  total")
    for lang in LANGS:
        c = per_lang[lang]
        print(f"  {lang:12s} " + " ".join(f"{c[r]:5d}" for r in ROUTES) + f"  {sum(c.values()):5d}")


if __name__ == "__main__":
    main()
