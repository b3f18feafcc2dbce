"""Hand-written training conversations for the mmrouter dev set (concepts batch A).

Routes covered: hard_question, try_again, other, chit_chat.
Languages: English, Spanish, French, German, Portuguese (BR and PT), Italian,
Dutch, Swedish, Polish, Turkish, Vietnamese, Indonesian.

Every language's items were written fresh for that language (local places,
currencies, institutions and idioms); they are not translations of one list
and do not share templates. The data targets three error classes:
deep-analysis requests without "think carefully" (hard_question), feedback
turns that open a conversation without the earlier answer (try_again), and
form-constrained simple requests such as "answer briefly" or "rewrite without
adding detail" (other, never try_again). Labelled by the latest user turn.
Standard library only; use conversations(U, A, S) with the helpers from build.py.
"""


def conversations(U, A, S):
    """route name -> list of items; an item is a str (one user turn) or a list of messages."""
    D = {"hard_question": [], "try_again": [], "other": [], "chit_chat": []}

    # =======================================================================
    # en
    # =======================================================================
    D["hard_question"] += [
        "If the Bank of England cut rates by 50 basis points while the Treasury keeps running a large deficit, what happens to sterling, gilt yields and mortgage approvals over the next 18 months, and where do those effects pull against each other?",
        "Our Postgres primary's p99 write latency went from 8 ms to 300 ms after Tuesday's deploy. That deploy added an index on orders(created_at), raised the connection pool from 20 to 80, and moved the nightly vacuum to 02:00. Disk IOPS are sitting near the provisioned cap. Which of these is the most likely culprit, how would you confirm or rule out each one, and in what order?",
        "I draw three cards from a standard 52-card deck without replacement. Given that at least one of them is a face card, what's the probability that exactly two are hearts?",
        "One ventilator left, two patients: a 34-year-old with a 40% chance of survival if ventilated and a 70-year-old with an 80% chance. How would a utilitarian, a prioritarian and a lottery-based allocation policy each decide, and what's the strongest objection to each?",
        "Prove that there are infinitely many primes of the form 4k + 3.",
        "Was the 1929 crash the cause of the Great Depression or mostly a symptom? Weigh the Friedman–Schwartz monetary story against Fisher's debt-deflation and Eichengreen's gold-standard argument and tell me which holds up best.",
        [S("You are an internal assistant for the recruiting team at a 40-person startup."),
         U("I need to book 6 interviews next week. Each candidate meets 2 of our 4 panelists, nobody on the panel does more than 3 interviews in total or more than one a day, and Priya can only do Tuesday and Thursday. Candidates are free Mon–Fri mornings. Give me a schedule that works, or show me why it can't be done.")],
        "should my little coffee roastery in Portland take the Whole Foods deal (40% off wholesale, 200 lb/month guaranteed) or keep pushing DTC subscriptions? we roast ~800 lb a month, DTC gross margin ~55%, CAC around $38, monthly churn 7%. which path makes us more money over 3 years and what could blow it up",
        [U("morning! how's it going"),
         A("Morning! All good here. What can I help you with?"),
         U("ok so here's one from work. We run 3 data centres, each fails independently with probability 0.02 in a given month, and the service stays up as long as at least 2 are up. What's the monthly outage probability? And how does that change if failures are correlated, so that once one fails each of the others then fails with probability 0.3?")],
        [U("what's the capital of Australia?"),
         A("Canberra."),
         U("thanks. Different question: should Australia swap negative gearing for a flat cap on rental deductions? Work through the effects on housing supply, rents, tax revenue and who ends up bearing the cost.")],
    ]
    D["try_again"] += [
        "Your previous answer was wrong. Double-check the figures and verify them against a source this time.",
        "still wrong",
        "Nope, that's not right. The total should come out well over £2,000, not £1,450 — redo the calculation.",
        "You only answered the first part of what I asked. I also wanted the pros and cons and a recommendation, so please do the whole thing.",
        [U("Convert 72°F to Celsius"),
         A("72°F is about 18.5°C."),
         U("That's off. Recheck it.")],
        [U("List the Great Lakes"),
         A("Lake Superior, Lake Michigan, Lake Huron and Lake Erie."),
         U("You missed one. Give me the full list again.")],
    ]
    D["other"] += [
        "Answer briefly: how many pints are in a UK gallon?",
        "Rewrite this without adding any detail: 'Hi team, Friday's standup moves to 10:30 because the room is booked. Same link.'",
        "In one sentence only: what does a notary public do?",
        "Just give me the number: a 15% tip on $86.40.",
        [U("Can you write a short description of the Lake District for a B&B flyer?"),
         A("Nestled in the heart of Cumbria, the Lake District is England's largest national park, a landscape of glittering lakes, rugged fells and charming stone villages. Walkers can tackle Scafell Pike, England's highest peak, while those seeking a gentler pace can cruise Windermere, visit Beatrix Potter's Hill Top or enjoy a pint by the fire in a traditional pub."),
         U("Shorter please, same content.")],
        "What is a Roth IRA?",
        "Who wrote Middlemarch?",
        "Explain why bread goes stale, in two lines.",
        "Can you analyse what 'per se' means? Just a quick definition.",
    ]
    D["chit_chat"] += [
        "hey! finally friday, got any fun plans for the weekend? 😄",
        [U("How long should I boil an egg for a runny yolk?"),
         A("About 6 minutes in boiling water, then straight into cold water."),
         U("Perfect, thanks a lot!")],
    ]

    # =======================================================================
    # es
    # =======================================================================
    D["hard_question"] += [
        "¿Qué efectos tendría a medio plazo topar el precio del alquiler en Barcelona? Analiza la oferta de vivienda, el alquiler en negro, la movilidad laboral y quién gana y quién pierde, y compáralo con lo que pasó en Berlín con el Mietendeckel.",
        "Tengo 30.000 € ahorrados y una hipoteca variable a Euríbor + 0,9 % con 180.000 € pendientes a 22 años. ¿Me conviene amortizar (reduciendo plazo o cuota) o meterlo en un fondo indexado? Ten en cuenta la fiscalidad, el riesgo y que quiero cambiarme de piso dentro de unos 8 años.",
        "En una urna hay 5 bolas rojas y 3 azules. Saco dos sin reposición; si las dos son del mismo color, añado una bola de ese color, y si no, no hago nada. ¿Cuál es la probabilidad de que la siguiente bola que saque sea roja?",
        "Paciente de 68 años, diabético, con disnea de esfuerzo progresiva, edemas en tobillos y una creatinina que ha pasado de 1,1 a 1,8 en tres meses desde que toma ibuprofeno a diario por la artrosis. ¿Qué diagnósticos diferenciales te parecen más probables y en qué orden los descartarías?",
        "Un inquilino en Madrid deja de pagar tres meses alegando unas humedades que el casero nunca arregló. ¿Qué argumentos tiene cada parte según la LAU y el Código Civil, y cómo crees que lo resolvería un juez?",
        "¿Por qué fracasó la Primera República española en menos de dos años? Quiero que valores el peso del cantonalismo, la guerra carlista, la cuestión cubana y las peleas entre republicanos, no una simple lista.",
        "Nave logística en Zaragoza, zona de mucho cierzo: ¿estructura metálica u hormigón prefabricado? Compara coste, plazo de obra, comportamiento ante incendio, mantenimiento y la posibilidad de ampliarla más adelante.",
        "Un grifo llena un depósito en 6 horas y otro en 4, y un desagüe lo vacía en 12. Si abro los dos grifos a las 8:00 y a las 9:00 alguien abre el desagüe, ¿a qué hora estará lleno?",
        [U("¡Hola! ¿Qué tal el día?"),
         A("¡Hola! Muy bien, gracias. ¿En qué te puedo ayudar?"),
         U("Pues mira, tengo una tienda online de aceite de oliva en Jaén y dudo entre vender en Amazon o centrarme en mi web. Amazon se queda un 15 % más la logística; en mi web captar un cliente me cuesta 22 € y repite el 35 %. ¿Qué me sale más rentable a tres años y por qué?")],
        [U("¿Cuántos habitantes tiene México?"),
         A("Alrededor de 130 millones."),
         U("Vale. ¿Y qué explica que el peso se apreciara tanto frente al dólar entre 2022 y 2024 pese a la incertidumbre política? Considera los tipos de Banxico, las remesas, el nearshoring y el carry trade, y dime cuál pesó más.")],
    ]
    D["try_again"] += [
        "Tu respuesta anterior estaba mal. Revísala y comprueba los datos antes de contestarme otra vez.",
        "sigue estando mal",
        "Eso no es correcto, el resultado tiene que ser otro, no 340 €. Vuelve a hacer el cálculo del IVA.",
        "Te has dejado la mitad de lo que te pedí: faltan los pasos para pedir cita en la Seguridad Social. Complétalo.",
        [U("¿En qué año fue el golpe de Estado del 23-F?"),
         A("Fue en 1982."),
         U("Eso está mal, revisa el año.")],
        [U("Dime las comunidades autónomas con costa mediterránea."),
         A("Cataluña, Comunidad Valenciana y Andalucía."),
         U("Incompleta otra vez, faltan varias. Dame la lista entera.")],
    ]
    D["other"] += [
        "Responde brevemente: ¿hasta cuándo se puede presentar la declaración de la renta?",
        "Reescribe esto sin añadir ningún detalle: 'Estimados vecinos, el martes cortarán el agua de 9 a 14 h por obras en la calle Alcalá.'",
        "En una sola frase: ¿qué es el SEPE?",
        "Solo el número: ¿cuántos euros son 250 dólares a un cambio de 0,92?",
        [U("Escríbeme una descripción de la Alhambra para un folleto del hotel."),
         A("La Alhambra de Granada es un conjunto palaciego y fortaleza andalusí levantado principalmente entre los siglos XIII y XIV por la dinastía nazarí. Sus Palacios Nazaríes, con el célebre Patio de los Leones, los jardines del Generalife y la Alcazaba ofrecen unas vistas únicas sobre el Albaicín y Sierra Nevada. Declarada Patrimonio de la Humanidad, es uno de los monumentos más visitados de España."),
         U("Más corta, por favor, con el mismo contenido.")],
        "¿Qué es el Euríbor?",
        "¿Quién pintó Las Meninas?",
        "Explícame por qué en Chile es verano en diciembre, en dos líneas.",
        "Analiza rápido: ¿se escribe 'haber' o 'a ver' en 'vamos ___ qué pasa'?",
    ]
    D["chit_chat"] += [
        "¡Buenas! Aquí tomándome un café con churros antes de ir al curro, ¿qué tal tú?",
        [U("¿Cómo se dice 'ahorrar' en inglés?"),
         A("Se dice 'to save'."),
         U("¡Genial, mil gracias!")],
    ]

    # =======================================================================
    # fr
    # =======================================================================
    D["hard_question"] += [
        "Quelles seraient les conséquences d'un report de l'âge légal de départ à 65 ans sur l'emploi des seniors, le déficit des régimes de retraite et les inégalités entre cadres et ouvriers ? Pèse les arguments des deux camps.",
        "Notre appli Django renvoie des 502 par intermittence depuis la migration vers Kubernetes. Suspects : des readiness probes trop agressives, un timeout Gunicorn à 30 s, le pool de connexions Postgres saturé, ou le load balancer qui coupe les connexions keep-alive. Comment départager ces hypothèses, et dans quel ordre les tester ?",
        "On lance deux dés équilibrés jusqu'à obtenir une somme de 7 ou de 8. Quelle est la probabilité que le 7 sorte en premier ?",
        "La Révolution de 1789 s'explique-t-elle d'abord par la crise financière de la monarchie, par les idées des Lumières ou par la crise frumentaire de 1788 ? Construis une argumentation qui hiérarchise ces causes.",
        "Un salarié est licencié pour faute grave après avoir dénigré son employeur dans un groupe WhatsApp privé entre collègues. Le licenciement tient-il, au regard de la liberté d'expression, du caractère privé de l'échange et de la jurisprudence de la Cour de cassation ?",
        "Un cycliste quitte Lyon à 8 h à 24 km/h en direction de Mâcon (70 km). Une heure plus tard, une voiture part du même endroit à 80 km/h, va jusqu'à Mâcon, attend 20 minutes, puis fait demi-tour. À quelle heure et à quelle distance de Lyon croise-t-elle le cycliste sur le retour ?",
        "Je tiens une boulangerie à Nantes : 1 200 baguettes par jour, 0,35 € de marge par baguette, et un concurrent ouvre à 200 m en vendant à 0,95 € au lieu de 1,20 €. M'aligner sur le prix, miser sur la qualité ou me diversifier vers le snacking ? Chiffre les scénarios.",
        "Faut-il rendre obligatoire la vaccination antigrippale pour les soignants en EHPAD ? Mets en balance l'efficacité réelle du vaccin, le consentement, les pénuries de personnel et les précédents juridiques.",
        [U("Coucou ! Ça va ?"),
         A("Coucou ! Très bien, et toi ? Que puis-je faire pour toi ?"),
         U("Ça va. Alors j'ai un dilemme : la commune a 400 000 € et le conseil municipal hésite entre rénover l'école primaire (passoire thermique, classe F) et construire une piste cyclable sécurisée jusqu'au collège. Aide-moi à comparer les deux options sur le coût global, l'impact carbone, les subventions mobilisables et l'acceptabilité pour les habitants.")],
        [U("C'est quoi déjà la capitale de la Belgique ?"),
         A("Bruxelles."),
         U("Merci. Question plus sérieuse : comment la Belgique a-t-elle pu rester 541 jours sans gouvernement en 2010-2011 sans que l'État s'effondre ? Quels mécanismes institutionnels et quelles conditions économiques l'expliquent ?")],
    ]
    D["try_again"] += [
        "Ta réponse précédente était fausse. Vérifie-la en citant tes sources.",
        "toujours faux.",
        "Ce n'est pas correct, le résultat devrait être différent : je trouve 1 843 € net, pas 2 100 €. Refais le calcul.",
        "Il manque la moitié de ce que je t'ai demandé, tu n'as rien dit sur les démarches auprès de la CAF. Reprends tout.",
        [U("Combien de régions compte la France métropolitaine ?"),
         A("La France métropolitaine compte 22 régions."),
         U("Non, c'est faux, ça a changé depuis. Corrige.")],
        [U("Donne-moi les ingrédients d'une vraie quiche lorraine."),
         A("Pâte brisée, lardons et œufs."),
         U("C'est incomplet, il manque des ingrédients. Redonne-moi la liste complète.")],
    ]
    D["other"] += [
        "Réponds brièvement : quelle est la différence entre un CDD et un CDI ?",
        "Réécris ce message sans ajouter de détail : « Bonjour, le colis n'est pas arrivé, pouvez-vous vérifier le suivi ? Merci. »",
        "En une seule phrase : à quoi sert la carte Vitale ?",
        "Donne-moi juste le nombre : combien y a-t-il de départements en France ?",
        "Pas d'explication, juste la liste : les pays frontaliers de la France métropolitaine.",
        "Qu'est-ce que le livret A ?",
        "Qui a écrit Les Misérables ?",
        "Explique pourquoi la mer est salée, en deux lignes.",
        "Tu peux analyser le sens du mot « chiner » ? Juste une définition rapide.",
    ]
    D["chit_chat"] += [
        "Salut ! Il fait un temps magnifique à Marseille aujourd'hui, j'ai trop envie d'aller à la plage 😎",
        [U("Comment on dit « courgette » en anglais britannique ?"),
         A("Tout simplement « courgette » ; ce sont les Américains qui disent « zucchini »."),
         U("Ah top, merci beaucoup !")],
    ]

    # =======================================================================
    # de
    # =======================================================================
    D["hard_question"] += [
        "Wie würde sich eine Abschaffung der Schuldenbremse auf Infrastrukturinvestitionen, die Zinslast des Bundes und die Glaubwürdigkeit Deutschlands in der Eurozone auswirken? Wäg die Argumente gegeneinander ab und sag, unter welchen Bedingungen es sich lohnen würde.",
        "Wir haben eine Wärmepumpe im Altbau (Baujahr 1962, 140 m², Heizkörper, keine Fußbodenheizung) und die Jahresarbeitszahl liegt bei nur 2,3. In Frage kommen: zu hohe Vorlauftemperatur, falsch dimensionierte Pumpe, fehlender hydraulischer Abgleich oder Takten wegen zu kleinem Pufferspeicher. Wie finde ich heraus, woran es liegt, und was gehe ich zuerst an?",
        "Wie wahrscheinlich ist es, bei Lotto 6 aus 49 genau vier Richtige zu haben, wie viele Ziehungen müsste man im Schnitt spielen, bis das einmal passiert, und was ändert sich, wenn man zusätzlich die Superzahl treffen will?",
        "Mein Vermieter in München will die Miete um 18 % erhöhen und nennt drei Vergleichswohnungen. In München gilt eine Kappungsgrenze von 15 % in drei Jahren, außerdem die Mietpreisbremse. Prüf bitte, ob die Erhöhung zulässig ist und welche Fristen und Einwände ich habe.",
        "Warum ist die Weimarer Republik gescheitert? Mich interessiert, wie Versailler Vertrag, Hyperinflation, Weltwirtschaftskrise, Artikel 48 und die Haltung der alten Eliten zusammengewirkt haben – und welcher Faktor am Ende entscheidend war.",
        "Brücke im Allgäu, 60 m Spannweite über einen Fluss: Stahlverbund, Spannbeton oder Holz-Beton-Verbund? Vergleich bitte Lebenszykluskosten, CO2-Bilanz, Bauzeit und Wartungsaufwand bei vielen Frost-Tau-Wechseln.",
        "Ich zahle 20 Jahre lang monatlich 150 € in einen ETF-Sparplan mit angenommen 6 % Rendite p. a. und lasse das Geld danach noch 10 Jahre ohne Einzahlung liegen. Wie viel habe ich am Ende, wie viel davon sind Erträge, und was bleibt nach Abgeltungsteuer und Sparerpauschbetrag, wenn ich alles auf einmal entnehme?",
        "Denk gründlich nach, bevor du antwortest: Soll unsere Schreinerei (14 Mitarbeiter, Schwarzwald) 280.000 € in eine CNC-Maschine investieren oder weiter an einen Lohnfertiger vergeben? Dafür zahlen wir derzeit rund 65.000 € im Jahr, Fachkräfte sind knapp, und die Hausbank will 4,8 % Zinsen.",
        [U("Na, alles klar bei dir?"),
         A("Alles bestens! Wie kann ich dir helfen?"),
         U("Wir planen unsere Hochzeit: 90 Gäste, 25.000 € Budget, die Location muss von Köln und Hamburg gut mit der Bahn erreichbar sein, meine Oma kann keine Treppen steigen, und es soll September sein, aber nicht an einem Wochenende mit HSV-Heimspiel, weil dann die Hotels voll sind. Wie würdest du die Auswahl systematisch angehen und welche Region käme am ehesten in Frage?")],
        [U("Wie viele Bundesländer hat Deutschland?"),
         A("16."),
         U("Danke. Jetzt was Kniffligeres: Wäre eine Länderneugliederung – etwa Berlin mit Brandenburg oder Bremen mit Niedersachsen – finanziell und politisch sinnvoll? Berücksichtige den Finanzausgleich, die Stimmen im Bundesrat und warum die Volksabstimmung 1996 gescheitert ist.")],
    ]
    D["try_again"] += [
        "Deine vorherige Antwort war falsch. Prüf das bitte nochmal nach und nenn mir Quellen.",
        "immer noch falsch",
        "Das stimmt nicht, da muss was anderes rauskommen – mein Netto kann nicht höher sein als das Brutto. Rechne es bitte neu.",
        "Du hast nur die Hälfte beantwortet. Ich wollte auch wissen, welche Unterlagen ich für den BAföG-Antrag brauche. Bitte vollständig.",
        [U("Wann fiel die Berliner Mauer?"),
         A("Am 9. November 1991."),
         U("Nein, das Jahr ist falsch. Korrigier das.")],
        [U("Welche Länder grenzen an Deutschland?"),
         A("Dänemark, Polen, Tschechien, Österreich, die Schweiz und Frankreich."),
         U("Da fehlen welche. Nochmal vollständig bitte.")],
    ]
    D["other"] += [
        "Kurz und knapp: Was ist der Unterschied zwischen brutto und netto?",
        "Formulier das um, ohne etwas hinzuzufügen: „Liebe Kolleginnen und Kollegen, die Kantine bleibt am Freitag wegen Inventur geschlossen.“",
        "Nur ein Satz: Was macht das Bundesverfassungsgericht?",
        "Nur die Zahl bitte: 19 % Mehrwertsteuer auf 240 €.",
        [U("Schreib mir eine Beschreibung von Rothenburg ob der Tauber für die Einladung zu unserem Vereinsausflug."),
         A("Rothenburg ob der Tauber in Mittelfranken gilt als Inbegriff der mittelalterlichen deutschen Stadt. Fachwerkhäuser, das berühmte Plönlein, die begehbare Stadtmauer und das gotische Rathaus laden zum Bummeln ein. Im Mittelalterlichen Kriminalmuseum erfährt man Spannendes über Recht und Strafe, und zum Abschluss darf eine Rothenburger Schneeballe nicht fehlen."),
         U("Bitte kürzer, gleicher Inhalt.")],
        "Was ist eine GmbH?",
        "Wer hat den Faust geschrieben?",
        "Erklär mir in zwei Zeilen, warum Eis auf dem Wasser schwimmt.",
        "Kannst du kurz analysieren, was „Feierabend“ bedeutet? Einfach eine Erklärung für meine englische Freundin.",
    ]
    D["chit_chat"] += [
        "Moin! Endlich Wochenende, ich geh gleich mit dem Hund an die Elbe 🐶",
        [U("Wie lange muss ich frische Spätzle kochen?"),
         A("Nur 2–3 Minuten, bis sie oben schwimmen."),
         U("Super, danke dir!")],
    ]

    # =======================================================================
    # pt (BR and PT)
    # =======================================================================
    D["hard_question"] += [
        "Se o Banco Central subir a Selic para 14 % ao mesmo tempo em que o governo amplia o Bolsa Família, o que deve acontecer com inflação, câmbio, crescimento e dívida pública nos próximos dois anos? Quero entender quais efeitos se anulam e quais se reforçam.",
        "Tenho 120 mil reais parados. Opções: quitar o financiamento do carro (1,9 % ao mês, faltam 24 parcelas), aplicar no Tesouro IPCA+ ou dar entrada num apartamento em Curitiba. Leve em conta imposto de renda, liquidez e que posso ser transferido de cidade em 2 anos. O que faz mais sentido?",
        "No amigo secreto da família somos 12 pessoas. Qual a probabilidade de ninguém tirar a si mesmo? E se o sorteio for refeito toda vez que alguém se tirar, quantos sorteios devemos esperar fazer em média?",
        "Minha mãe tem 72 anos, toma varfarina por fibrilação atrial e o cardiologista quer trocar por apixabana. Ela tem insuficiência renal leve e cai com alguma frequência. Quais os prós e contras da troca e que exames deveriam orientar essa decisão?",
        "Porque é que Portugal, um reino pequeno, conseguiu liderar a expansão marítima no século XV antes de Castela, Inglaterra ou França? Avalia o peso da geografia, da dinastia de Avis, do capital genovês e de a Reconquista ter terminado cedo.",
        "Tenho uma loja em Belo Horizonte e um cliente exige a devolução de um celular comprado há 40 dias que deu defeito, mas a garantia do fabricante diz que ele tem de mandar para a assistência técnica. Pelo CDC, quem tem razão, quais são os prazos e o que acontece se a assistência passar de 30 dias?",
        "Casa no litoral de Santa Catarina: depois da Lei 14.300, compensa mais energia solar on-grid ou com bateria? Compare payback, tarifa da Celesc, desgaste por maresia e as quedas de energia frequentes no verão.",
        "Uma pastelaria em Lisboa vende pastéis de nata a 1,30 €, cada um custa 0,42 € a produzir, a renda é 2 800 € por mês e tem dois funcionários a 1 350 € cada (14 meses por ano). Abre 26 dias por mês. Quantos pastéis tem de vender por dia para não ter prejuízo, e o que muda se subir o preço para 1,50 € e perder 15 % dos clientes?",
        [U("Oi, tudo bem?"),
         A("Tudo ótimo! E com você? Em que posso ajudar?"),
         U("Tudo sim. Olha, sou gerente de uma rede de farmácias no Nordeste e estamos decidindo entre abrir 3 lojas pequenas em bairros do Recife ou uma loja grande num shopping. Temos aluguel, fluxo de pessoas e a concorrência da Pague Menos na conta. Como você estruturaria essa decisão e quais riscos pesariam mais?")],
        [U("Qual é a capital de Moçambique?"),
         A("Maputo."),
         U("Valeu. Agora uma mais difícil: por que o Brasil ficou preso na armadilha da renda média enquanto a Coreia do Sul saiu dela? Compare educação, política industrial, abertura comercial e desigualdade, e diga o que mais explica a diferença.")],
    ]
    D["try_again"] += [
        "A tua resposta anterior estava errada. Verifica outra vez e confirma com fontes.",
        "continua errado",
        "Isso não está certo, o resultado tinha que ser outro — o desconto do INSS não pode dar tudo isso. Refaz a conta.",
        "Você esqueceu metade do que eu pedi: faltou o passo a passo para emitir nota fiscal como MEI. Completa aí.",
        [U("Em que ano foi a Revolução dos Cravos?"),
         A("Em 1975."),
         U("Está errado, confirma a data e corrige.")],
        [U("Quais são os estados da região Sul do Brasil?"),
         A("Paraná e Santa Catarina."),
         U("Incompleto de novo. Falta um, manda a lista certa.")],
    ]
    D["other"] += [
        "Responde de forma breve: o que é o NIF?",
        "Reescreve sem acrescentar nenhum detalhe: 'Pessoal, a reunião de condomínio passou para quinta às 19h no salão de festas.'",
        "Numa frase só: para que serve o Pix?",
        "Só o número: quanto é 15 % de 380 reais?",
        [U("Escreve uma mensagem de boas-vindas para os novos sócios do clube de leitura."),
         A("Olá e sejam muito bem-vindos ao nosso clube de leitura! Encontramo-nos na primeira terça-feira de cada mês na biblioteca municipal, às 18h30, para conversar sobre o livro escolhido, trocar sugestões e, claro, partilhar um cafezinho. Não é preciso ter lido tudo: a ideia é descobrir novas histórias juntos. Qualquer dúvida, falem connosco!"),
         U("Deixa mais curto, mantendo o mesmo conteúdo.")],
        "O que é o SUS?",
        "Quem escreveu Os Lusíadas?",
        "Explica por que o céu fica alaranjado no pôr do sol, em duas linhas.",
        "Analisa rapidinho: é 'mal' ou 'mau' em 'ele se comportou ___ na festa'?",
    ]
    D["chit_chat"] += [
        "E aí, beleza? Hoje tem jogo do Flamengo, tô ansioso demais kkkk",
        [U("Quanto tempo eu cozinho o arroz?"),
         A("Uns 15 a 18 minutos em fogo baixo, com a panela tampada."),
         U("Valeu, obrigadão!")],
    ]

    # =======================================================================
    # it
    # =======================================================================
    D["hard_question"] += [
        "Il Superbonus 110 % è stato un successo o un errore? Valuta l'impatto su PIL, occupazione nell'edilizia, conti pubblici, frodi e distribuzione del beneficio tra redditi alti e bassi.",
        "Il nostro e-commerce su Magento rallenta solo il lunedì mattina: i tempi di risposta passano da 400 ms a 6 s. Ipotesi: il cron di reindicizzazione, il backup del database che si sovrappone, il picco di traffico dalla newsletter della domenica sera, o la cache Varnish che scade tutta insieme. Come le distinguo e quale verificheresti per prima?",
        "Al Lotto, giocando un ambo secco sulla ruota di Napoli, qual è la probabilità di vincere in una singola estrazione? Con una vincita di 250 volte la posta il gioco è equo? Calcola il valore atteso e quanti anni servirebbero in media per vincere giocando tre volte a settimana.",
        "Un condomino a Roma ha installato un condizionatore sulla facciata senza chiedere niente e l'amministratore vuole farlo togliere. Quali norme del codice civile entrano in gioco, come hanno deciso i tribunali in casi simili e che possibilità ha ciascuna parte?",
        "Perché il Risorgimento riuscì sotto la guida del Piemonte e non, per dire, della Repubblica Romana del 1849? Considera la diplomazia di Cavour, l'appoggio francese, la debolezza austriaca e il ruolo di Garibaldi.",
        "Uomo di 45 anni, maratoneta, frequenza cardiaca a riposo di 38 e ogni tanto qualche capogiro. Bradicardia dell'atleta o c'è qualcosa di patologico? Quali elementi clinici ed esami aiuterebbero a distinguere le due ipotesi?",
        "Un Frecciarossa parte da Milano alle 7:00 verso Roma (570 km) a 250 km/h di media e sosta 10 minuti a Firenze, al km 300. Un Italo parte da Roma alle 7:20 verso Milano a 230 km/h senza fermate. A che ora e a quanti km da Milano si incrociano?",
        "ho un agriturismo in Val d'Orcia con 8 camere, occupazione 62 %, prezzo medio 140 € a notte, stagione da aprile a ottobre. conviene restare su Booking al 18 % di commissione o investire 15.000 € in un sito con prenotazione diretta e campagne Google? fammi i conti su tre stagioni",
        [U("Ciao! Come va oggi?"),
         A("Ciao! Tutto bene, grazie. Dimmi pure."),
         U("Devo organizzare i turni di 7 infermieri per un reparto che ha bisogno di 3 persone di giorno e 2 di notte, tutti i giorni. Nessuno può fare più di 5 turni a settimana, dopo una notte serve almeno un giorno di riposo e due colleghe non possono mai fare la notte insieme. È fattibile? Se sì, proponimi uno schema per una settimana.")],
        [U("Quanti abitanti ha Bologna?"),
         A("Circa 390.000."),
         U("Grazie. Invece: perché il divario tra Nord e Sud non si è ridotto dopo decenni di Cassa per il Mezzogiorno e fondi europei? Voglio un'analisi delle cause, non un elenco di luoghi comuni.")],
    ]
    D["try_again"] += [
        "La tua risposta precedente era sbagliata. Ricontrolla e verifica con delle fonti.",
        "ancora sbagliato",
        "Non è corretto, il risultato dovrebbe essere diverso: il rimborso del 730 non può venire negativo. Rifai il conto.",
        "Hai lasciato fuori metà di quello che ti avevo chiesto, mancano i documenti per attivare lo SPID. Completa per favore.",
        [U("Chi ha affrescato la volta della Cappella Sistina?"),
         A("Raffaello."),
         U("Sbagliato. Correggi.")],
        [U("Quali sono le regioni a statuto speciale?"),
         A("Sicilia, Sardegna e Valle d'Aosta."),
         U("Incompleta di nuovo, ne mancano. Rifammi la lista intera.")],
    ]
    D["other"] += [
        "Rispondi in breve: a cosa serve il codice fiscale?",
        "Riscrivi senza aggiungere dettagli: 'Ciao a tutti, domani la palestra apre alle 10 per la disinfestazione.'",
        "Una frase sola: cosa fa l'INPS?",
        "Dammi solo il numero: quanti chilometri ci sono tra Milano e Torino in linea d'aria?",
        "Niente spiegazioni, solo l'elenco: i sette colli di Roma.",
        "Cos'è il TFR?",
        "In che anno è nata la Repubblica Italiana?",
        "Spiegami in due righe perché si sala l'acqua della pasta solo quando bolle.",
        "Analizza velocemente: si scrive 'qual è' o 'qual'è'?",
    ]
    D["chit_chat"] += [
        "Buongiorno! Oggi a Napoli c'è un sole pazzesco, mi sto godendo un caffè sul lungomare ☀️",
        [U("Quanto deve cuocere il risotto?"),
         A("In genere 16–18 minuti dalla tostatura, dipende dal riso."),
         U("Perfetto, grazie mille!")],
    ]

    # =======================================================================
    # nl
    # =======================================================================
    D["hard_question"] += [
        "Wat gebeurt er als de hypotheekrenteaftrek in vijf jaar volledig wordt afgeschaft? Kijk naar huizenprijzen, starters, de schatkist en de verdeling tussen hoge en lage inkomens, en geef aan waar die effecten elkaar tegenwerken.",
        "Onze Kafka-consumers lopen sinds vorige week steeds verder achter (lag van 2 miljoen berichten). Mogelijke oorzaken: een nieuwe partitie-indeling, tragere database-writes na een extra index, rebalances door een te korte session timeout, of gewoon meer verkeer door een campagne. Hoe zou je dit uitzoeken en in welke volgorde?",
        "Op een tentamen krijg je 20 meerkeuzevragen met 4 opties. Ik weet er 12 zeker en gok de rest. Hoe groot is de kans dat ik er minstens 15 goed heb, en hoe verandert dat als ik bij elke gokvraag één fout antwoord kan wegstrepen?",
        "Is de uitkoop van boeren rond Natura 2000-gebieden juridisch en economisch houdbaar? Weeg de PAS-uitspraak van de Raad van State, de kosten per bedrijf en alternatieven zoals emissiearme stallen tegen elkaar af.",
        "Waarom werd de Republiek in de 17e eeuw zo rijk? Ik wil een causale analyse: de VOC, de val van Antwerpen, religieuze tolerantie, het Amsterdamse financiële systeem en de landbouw. Wat was oorzaak en wat gevolg?",
        "Nieuwbouwwijk in de polder bij Almere: betonnen palen, houten palen of een drijvende fundering? Vergelijk kosten, levensduur, zettingsrisico en wat er gebeurt als het grondwaterpeil verder daalt.",
        "Ik fiets van Utrecht naar Amersfoort (23 km) met 18 km/u, mijn broer vertrekt 20 minuten later op de e-bike met 25 km/u. Haalt hij me in vóór Amersfoort, en zo ja waar? En als er halverwege een brug 5 minuten open staat, voor wie maakt dat verschil?",
        "Mijn fietsenwinkel in Groningen: overstappen op fietsabonnementen à la Swapfiets (€19,90 per maand) of bij verkoop en reparatie blijven? Voorraad kost me €40k, gemiddelde verkoop €900 met 30 % marge. Zet het naast elkaar over drie jaar.",
        [U("Hoi! Lekker weertje vandaag hè"),
         A("Zeker! Waarmee kan ik je helpen?"),
         U("Ik twijfel of ik mijn baan bij een bank in Amsterdam moet opzeggen om zzp'er te worden. Nu €5.200 bruto per maand plus pensioen en dertiende maand; als zzp'er denk ik €85 per uur te kunnen vragen, maar ik weet niet hoeveel uur, en arbeidsongeschiktheid en pensioen moet ik dan zelf regelen. Hoeveel declarabele uren heb ik nodig om er netto op vooruit te gaan?")],
        [U("Hoe hoog is de Domtoren?"),
         A("Ongeveer 112 meter."),
         U("Thanks. Andere vraag: waarom is het woningtekort in Nederland zo hardnekkig ondanks alle bouwplannen? Analyseer netcongestie, stikstof, bouwkosten, gemeentelijke procedures en demografie, en zeg welke factor de echte bottleneck is.")],
    ]
    D["try_again"] += [
        "Je vorige antwoord klopte niet. Controleer het nog eens en noem je bronnen.",
        "nog steeds fout",
        "Dat is niet juist, er moet iets anders uitkomen: de zorgtoeslag kan nooit hoger zijn dan de premie. Reken het opnieuw uit.",
        "Je hebt maar de helft gedaan van wat ik vroeg. Ik wilde ook weten hoe ik bezwaar maak bij de Belastingdienst, maak het af.",
        [U("Wat is de hoofdstad van Nederland?"),
         A("Den Haag."),
         U("Nee, dat klopt niet, Den Haag is de regeringszetel. Verbeter het.")],
        [U("Welke provincies grenzen aan Duitsland?"),
         A("Groningen, Drenthe en Overijssel."),
         U("Onvolledig, er missen er een paar. Geef de complete lijst.")],
    ]
    D["other"] += [
        "Kort antwoord graag: wat is het eigen risico bij de zorgverzekering?",
        "Herschrijf dit zonder iets toe te voegen: 'Beste ouders, vrijdag is de school om 12 uur uit vanwege een studiemiddag.'",
        "In één zin: wat doet de Tweede Kamer?",
        "Alleen het getal: hoeveel is 21 % btw over €350?",
        [U("Schrijf een tekstje over de Keukenhof voor de uitnodiging van ons bedrijfsuitje."),
         A("De Keukenhof in Lisse is een van de grootste bloemenparken ter wereld. Elk voorjaar bloeien er ruim zeven miljoen tulpen, narcissen en hyacinten in een park van 32 hectare. Naast de bloemenvelden zijn er paviljoens met wisselende shows, een historische molen en fluisterbootjes door de bollenvelden. Een perfecte plek om samen te genieten van het Hollandse voorjaar!"),
         U("Korter graag, zelfde inhoud.")],
        "Wat is een VvE?",
        "Wanneer is Koningsdag?",
        "Leg in twee regels uit waarom een groot deel van Nederland onder zeeniveau ligt.",
        "Kun je even analyseren wat 'gezellig' betekent? Gewoon een korte uitleg.",
    ]
    D["chit_chat"] += [
        "Hoi! Net terug van de markt met verse stroopwafels, heerlijk 😋",
        [U("Hoeveel Zweedse kronen krijg je ongeveer voor een euro?"),
         A("Rond de 11 kronen, afhankelijk van de koers van de dag."),
         U("Helder, dankjewel!")],
    ]

    # =======================================================================
    # sv
    # =======================================================================
    D["hard_question"] += [
        "Vad skulle hända om ränteavdraget trappades ner från 30 till 15 procent samtidigt som Riksbanken sänker styrräntan? Analysera effekterna på bostadspriser, hushållens skuldsättning och statsfinanserna, och vilka effekter som tar ut varandra.",
        "Vår app i Azure kraschar ibland med OutOfMemory, men bara under nattkörningen. Kandidater: en minnesläcka i bildkomprimeringen, för stor batchstorlek, att två jobb överlappar sedan omställningen till vintertid, eller en ny version av ett bibliotek. Hur ringar jag in orsaken och vad testar jag först?",
        "Det regnar 40 % av dagarna i Göteborg i oktober. Prognosen säger regn på 85 % av regndagarna och uppehåll på 90 % av de torra dagarna. Hur stor är chansen att det faktiskt regnar en dag då prognosen lovar uppehåll, och hur ofta har prognosen rätt totalt?",
        "Jag köpte en bostadsrätt i Uppsala och efter tre månader hittades fuktskador i badrummet som säljaren säger att hen inte kände till. Vem bär ansvaret – säljaren, föreningen eller jag – och hur stora är mina chanser om jag driver det vidare?",
        "Varför förblev Sverige neutralt under andra världskriget, och hur neutralt var det egentligen? Väg järnmalmsexporten, transiteringen av tyska trupper, hotet från både Tyskland och Sovjet och flyktingmottagandet från 1943 mot varandra.",
        "Oljepannan i vårt hus i Norrbotten måste bytas: bergvärme, luft-vattenvärmepump eller fjärrvärme? Huset är 160 kvm från 1978 och vintrarna går ner mot -30. Jämför investering, driftkostnad, livslängd och hur de klarar sträng kyla.",
        "Jag ska köpa en bil för 280 000 kr. A: betala kontant från sparkontot som ger 3 %. B: billån på 5,95 % över 5 år med 20 % kontantinsats. C: privatleasing för 3 900 kr/mån i 3 år. Vilket blir billigast totalt om bilen tappar ungefär 15 % i värde per år, och var går brytpunkten?",
        "Borde Sverige tillåta aktiv dödshjälp? Väg självbestämmandet mot risken för påtryckningar på sköra äldre och erfarenheterna från Nederländerna och Kanada.",
        [U("Hej hej! Hur är läget?"),
         A("Hej! Allt bra, tack. Vad kan jag hjälpa till med?"),
         U("Vi är fyra kompisar som ska dela på en stuga på Gotland i juli. Två har bil, en kan bara vara med andra halvan, en är hundallergisk och en vill ta med sin hund. Färjan från Nynäshamn kostar olika mycket beroende på dag. Hur lägger vi upp schema, rumsfördelning och kostnadsdelning så att det blir rättvist för alla?")],
        [U("Hur många invånare har Malmö?"),
         A("Runt 360 000."),
         U("Tack! En svårare fråga: varför har skjutningarna i Sverige ökat så mycket sedan 2010-talet jämfört med grannländerna? Jag vill ha en genomgång av de konkurrerande förklaringarna – segregation, narkotikamarknaden, gängens struktur, polisens resurser – och hur starkt stöd var och en har.")],
    ]
    D["try_again"] += [
        "Ditt förra svar var fel. Dubbelkolla och hänvisa till källor den här gången.",
        "fortfarande fel",
        "Det stämmer inte, det ska bli ett annat resultat – ROT-avdraget kan inte bli större än arbetskostnaden. Räkna om.",
        "Du hoppade över hälften av det jag frågade om. Jag ville också veta hur man ansöker om föräldrapenning hos Försäkringskassan, gör klart det.",
        [U("När blev Sverige medlem i EU?"),
         A("År 1997."),
         U("Det är fel. Kolla upp det igen och rätta.")],
        [U("Vilka är Sveriges fyra största sjöar?"),
         A("Vänern och Vättern."),
         U("Du svarade bara på halva. Jag bad om fyra, ta med alla.")],
    ]
    D["other"] += [
        "Svara kort: vad är ett samordningsnummer?",
        "Skriv om det här utan att lägga till något: 'Hej alla, tvättstugan är stängd på onsdag för reparation av torktumlaren.'",
        "Med en enda mening: vad gör Skatteverket?",
        "Bara siffran: hur mycket är 25 % moms på 1 200 kr?",
        "Ingen förklaring, bara listan: Norrlands landskap.",
        "Vad är ett ISK?",
        "Vem skrev Pippi Långstrump?",
        "Förklara varför det är ljust hela natten i Kiruna på sommaren, på två rader.",
        "Kan du analysera vad 'lagom' betyder? Bara en kort förklaring.",
    ]
    D["chit_chat"] += [
        "Hej! Äntligen fredag, det blir tacos ikväll som vanligt 😄",
        [U("Hur länge ska kanelbullar gräddas?"),
         A("Runt 8–10 minuter i 225 grader."),
         U("Toppen, tack så mycket!")],
    ]

    # =======================================================================
    # pl
    # =======================================================================
    D["hard_question"] += [
        "Jakie skutki miało wprowadzenie 800 plus dla dzietności, aktywności zawodowej kobiet, inflacji i finansów publicznych? Oceń, które efekty są dobrze udokumentowane, a które to raczej publicystyka.",
        "Mam kredyt hipoteczny 420 tys. zł na WIBOR + 2,1 %, zostało 25 lat. Bank proponuje przejście na stałe oprocentowanie 7,2 % na 5 lat. Weź pod uwagę możliwe obniżki stóp przez RPP, zastąpienie WIBOR-u przez WIRON i to, że chcę sprzedać mieszkanie za jakieś 6 lat. Co mi się bardziej opłaca?",
        "W Lotto losuje się 6 liczb z 49. Jakie jest prawdopodobieństwo, że wśród wylosowanych będą co najmniej dwie kolejne (np. 17 i 18)?",
        "Dlaczego Rzeczpospolita Obojga Narodów upadła pod koniec XVIII wieku? Oceń wagę liberum veto, wolnej elekcji, słabości armii i skarbu, ingerencji Rosji oraz tego, czy reformy Sejmu Czteroletniego nie przyspieszyły interwencji.",
        "Pracodawca zwolnił mnie dyscyplinarnie za to, że na L4 pomagałem bratu przy przeprowadzce, a ZUS wszczął kontrolę zwolnienia. Jakie mam szanse w sądzie pracy, co mi grozi ze strony ZUS i jak te dwie sprawy wpływają na siebie nawzajem?",
        "Budujemy dom pod Krakowem, działka na lekkim zboczu, grunt gliniasty. Ławy fundamentowe, płyta czy pale? Uwzględnij koszt, nośność gruntu, ryzyko osiadania, ogrzewanie podłogowe i to, że nasz wykonawca robił do tej pory tylko ławy.",
        "Pociąg PKP Intercity z Warszawy do Gdańska (340 km) rusza o 6:15, jedzie średnio 140 km/h i stoi 4 minuty w Iławie, w połowie trasy. Pociąg z Gdańska rusza 25 minut później i jedzie 120 km/h bez postojów. O której się mijają i w jakiej odległości od Warszawy?",
        "Prowadzę małą piekarnię w Poznaniu. Prąd podrożał o 70 %, mąka o 30 %, a klienci już narzekają na ceny. Podnieść ceny, okroić asortyment, zainwestować w nowy piec z dofinansowaniem 40 %, czy wejść we współpracę z Żabką? Przeanalizuj to i liczbowo, i strategicznie.",
        [U("Cześć! Co słychać?"),
         A("Cześć! Wszystko dobrze. W czym mogę pomóc?"),
         U("Planuję urlop: 10 dni w sierpniu, budżet 9 000 zł na dwie osoby, wylot tylko z Katowic albo Krakowa, żona nie znosi upałów powyżej 30 stopni, a ja chcę mieć morze i góry w jednym. Do tego nie możemy wracać w niedzielę. Jak byś to rozplanował i które kierunki w ogóle spełniają wszystkie warunki?")],
        [U("Ile województw ma Polska?"),
         A("16."),
         U("Dzięki. A teraz trudniejsze: czy reforma z 1999 roku (z 49 na 16 województw) się opłaciła? Porównaj koszty administracji, rozwój regionów, wykorzystanie funduszy unijnych i losy byłych miast wojewódzkich.")],
    ]
    D["try_again"] += [
        "Twoja poprzednia odpowiedź była błędna. Sprawdź to jeszcze raz i podaj źródła.",
        "dalej źle",
        "To się nie zgadza, wynik powinien wyjść inny – zaliczka na PIT nie może być aż tak wysoka przy tej pensji. Przelicz to od nowa.",
        "Pominąłeś połowę mojego pytania. Chciałem też wiedzieć, jak złożyć wniosek o 800 plus przez PUE ZUS. Dokończ.",
        [U("W którym roku Polska wstąpiła do NATO?"),
         A("W 2004 roku."),
         U("Pomyliłeś się, to był inny rok. Popraw.")],
        [U("Wymień sąsiadów Polski."),
         A("Niemcy, Czechy, Słowacja i Ukraina."),
         U("Niepełna lista, brakuje kilku krajów. Wymień wszystkie.")],
    ]
    D["other"] += [
        "Odpowiedz krótko: co to jest NIP?",
        "Przepisz to bez dodawania szczegółów: „Drodzy mieszkańcy, w czwartek od 8 do 16 nie będzie ciepłej wody z powodu awarii.”",
        "W jednym zdaniu: czym zajmuje się NBP?",
        "Tylko liczba: ile to 23 % VAT od 650 zł?",
        [U("Napisz opis Zakopanego do naszej szkolnej gazetki."),
         A("Zakopane, nazywane zimową stolicą Polski, leży u stóp Tatr. Słynie z Krupówek, drewnianej architektury w stylu zakopiańskim, Gubałówki i Kasprowego Wierchu. Zimą przyciąga narciarzy, a latem turystów wędrujących do Morskiego Oka czy na Giewont. Warto spróbować oscypka i posłuchać góralskiej muzyki."),
         U("Krócej proszę, ta sama treść.")],
        "Co to jest IKZE?",
        "Kto napisał „Pana Tadeusza”?",
        "Wyjaśnij w dwóch zdaniach, dlaczego liście jesienią zmieniają kolor.",
        "Przeanalizuj szybko: mówi się „w każdym razie” czy „w każdym bądź razie”?",
    ]
    D["chit_chat"] += [
        "Hejka! Właśnie wróciłam znad Bałtyku, spaliłam się na raka haha 😅",
        [U("Jak długo gotować pierogi?"),
         A("Około 2–3 minut od momentu, gdy wypłyną."),
         U("Super, dzięki wielkie!")],
    ]

    # =======================================================================
    # tr
    # =======================================================================
    D["hard_question"] += [
        "Merkez Bankası politika faizini yüzde 50'de tutarken asgari ücrete yılda iki kez zam yapılırsa enflasyon, kur ve işsizlik nasıl etkilenir? Birbirini dengeleyen ve birbirini güçlendiren etkileri ayrı ayrı değerlendir.",
        "İstanbul'da 2+1 bir daire için 3,2 milyon TL konut kredisi mi çekeyim, yoksa kirada kalıp birikimi altın ve döviz mevduatında mı tutayım? Kira aylık 28.000 TL, kredi faizi aylık %2,8, kiralar yılda %60 civarı artıyor. 5 yıllık bir karşılaştırma yapar mısın?",
        "Tavlada rakibimin pulu benden tam 8 hane uzakta. İki zar attığımda onu vurabilme ihtimalim nedir? Tek zarla, iki zarın toplamıyla ve çift gelme durumlarını ayrı ayrı hesaba kat; aradaki haneler boş varsay.",
        "65 yaşındaki babamın hipertansiyonu var, son iki haftadır sabahları başı dönüyor. Tansiyon ilacını yeni değiştirdiler, bir de prostat için ilaç başladılar. Olası nedenler neler, hangisi daha muhtemel ve doktora neleri sormalıyız?",
        "Osmanlı'nın 19. yüzyıldaki gerilemesinde kapitülasyonların, Düyun-u Umumiye'nin, milliyetçilik akımlarının ve sanayileşememenin payı neydi? Nedenleri sonuçlardan ayırarak tartış.",
        "Kiracıyım, ev sahibi 'oğlum oturacak' diyerek ihtiyaç nedeniyle tahliye davası açtı ama oğlunun zaten başka bir evi olduğunu biliyorum. TBK'ya göre ihtiyaç nedeniyle tahliyenin şartları neler, ispat yükü kimde ve dava sürerken kira artışı ne olur?",
        "Hatay'da depremden sonra yeniden yapılacak 5 katlı bir apartman için perde duvarlı betonarme mi, çelik mi, yoksa sismik izolatörlü bir sistem mi daha mantıklı? Maliyet, yapım süresi, zemin sıvılaşması riski ve deprem yönetmeliği açısından karşılaştır.",
        "Kafemizde çay 15 TL, simit 12 TL; günde ortalama 300 çay ve 120 simit satıyoruz. Kira 40.000 TL, iki garsonun her biri 22.000 TL. Çayın maliyeti 3 TL, simidin 7 TL, ayda 30 gün açığız. Çaya 5 TL zam yaparsak çay satışı %20 düşüyor. Zam mantıklı mı, başabaş noktası nerede?",
        [U("Merhaba, nasılsın?"),
         A("Merhaba! İyiyim, teşekkürler. Nasıl yardımcı olabilirim?"),
         U("Ben de iyiyim. Şöyle bir durum var: İzmir'de 12 kişilik küçük bir yazılım şirketimiz var. Almanya'dan bir firma bizi yıllık cironun 3 katına satın almak istiyor ama ekibin yarısı taşınmak zorunda kalacak. Hissedarlar, çalışanlar ve vergi açısından bu teklifi nasıl değerlendirmeliyiz, karşı teklif vermeli miyiz?")],
        [U("Türkiye'nin en uzun nehri hangisi?"),
         A("Kızılırmak, yaklaşık 1.355 km."),
         U("Teşekkürler. Asıl sorum şu: 2018'den bu yana Türk lirasının bu kadar değer kaybetmesinde belirleyici olan neydi? Düşük faiz politikası, cari açık, jeopolitik riskler ve kurumlara güven arasında karşılaştırmalı bir değerlendirme istiyorum.")],
    ]
    D["try_again"] += [
        "Bir önceki cevabın yanlıştı. Tekrar kontrol et ve kaynak göster.",
        "hâlâ yanlış",
        "Bu doğru değil, sonucun başka çıkması lazım – net maaş brütten fazla olamaz. Hesabı baştan yap.",
        "Sorduğumun yarısını atlamışsın. e-Devlet'ten başvurunun nasıl yapılacağını da sormuştum, eksik kalanı tamamla.",
        [U("Cumhuriyet hangi yıl ilan edildi?"),
         A("1920'de."),
         U("Yanlış, yıl farklı. Düzelt lütfen.")],
        [U("Türkiye'nin komşu ülkelerini sayar mısın?"),
         A("Yunanistan, Bulgaristan, Gürcistan ve Suriye."),
         U("Yine eksik, birkaç ülkeyi unutmuşsun. Tam listeyi ver.")],
    ]
    D["other"] += [
        "Kısaca cevap ver: e-Devlet şifresi nereden alınır?",
        "Şunu hiçbir ayrıntı eklemeden yeniden yaz: 'Sayın veliler, cuma günü okulumuz yarım gün eğitim yapacaktır.'",
        "Tek cümleyle: SGK ne iş yapar?",
        "Sadece sayıyı yaz: 1.250 TL'nin %18'i kaç eder?",
        "Açıklama yapma, sadece listele: İstanbul Boğazı'ndaki köprüler.",
        "Asgari ücret nedir?",
        "Çalıkuşu romanını kim yazdı?",
        "Kapadokya'daki peribacaları nasıl oluşmuş, iki satırda açıkla.",
        "Hızlıca analiz et: 'herkez' mi doğru 'herkes' mi?",
    ]
    D["chit_chat"] += [
        "Selaam! Bugün sahilde balık ekmek yedim, keyfim yerinde 😊",
        [U("Menemen soğanlı mı yapılır soğansız mı?"),
         A("İkisi de yapılır, tamamen damak zevkine kalmış ezeli bir tartışma 😄"),
         U("Hahah tamam, sağ ol!")],
    ]

    # =======================================================================
    # vi
    # =======================================================================
    D["hard_question"] += [
        "Nếu Ngân hàng Nhà nước hạ lãi suất điều hành trong lúc đồng USD đang mạnh lên, thì tỷ giá, lạm phát, dòng vốn FDI và thị trường bất động sản Việt Nam sẽ ra sao trong 1–2 năm tới? Phân tích giúp mình các tác động trái chiều nhau.",
        "Tôi có 2 tỷ đồng, đang phân vân giữa mua căn hộ ở Thủ Đức để cho thuê (lợi suất khoảng 4 %/năm), gửi tiết kiệm 6 %/năm, hay mua vàng SJC. Xét thêm rủi ro pháp lý chưa có sổ hồng, thanh khoản và việc sau 3 năm tôi có thể cần tiền cho con đi du học. Phương án nào hợp lý nhất?",
        "Một lớp có 40 học sinh: 60 % thích bóng đá, 45 % thích cầu lông, 20 % thích cả hai. Chọn ngẫu nhiên 3 bạn, xác suất có đúng 1 bạn không thích môn nào là bao nhiêu?",
        "Vì sao triều Nguyễn không chống nổi cuộc xâm lược của Pháp nửa sau thế kỷ 19? Hãy cân nhắc chính sách bế quan tỏa cảng, chênh lệch quân sự, mâu thuẫn trong triều đình và bối cảnh quốc tế, rồi cho biết yếu tố nào mang tính quyết định.",
        "Bé nhà tôi 4 tuổi, sốt cao sang ngày thứ 3, tiểu cầu giảm nhẹ, có phát ban. Đang mùa sốt xuất huyết ở Hà Nội nhưng lớp bé cũng vừa có mấy bạn bị tay chân miệng. Làm sao phân biệt các khả năng, và dấu hiệu nào thì phải đưa bé đi viện ngay?",
        "Xưởng may của tôi ở Bình Dương có 120 công nhân, đơn hàng từ Mỹ giảm 30 %. Nên đầu tư 3 tỷ vào dây chuyền tự động hóa, chuyển sang làm hàng cho thị trường EU (cần chứng chỉ bền vững), hay cắt giảm nhân sự? Phân tích chi phí, rủi ro và tác động lâu dài của từng hướng.",
        "Hai người đi xe máy ngược chiều từ Hà Nội và Hải Phòng, cách nhau 120 km. Người thứ nhất đi lúc 7 giờ với vận tốc 40 km/h; người thứ hai đi lúc 7 giờ 30 với vận tốc 50 km/h nhưng dừng đổ xăng 10 phút sau khi đi được 30 km. Hai người gặp nhau lúc mấy giờ, cách Hà Nội bao xa?",
        "cấm xe máy trong nội thành Hà Nội từ 2030 có khả thi không? ảnh hưởng thế nào tới người lao động thu nhập thấp, hộ kinh doanh, ô nhiễm không khí, và metro với xe buýt hiện tại có gánh nổi không",
        [U("Chào bạn, hôm nay thế nào?"),
         A("Chào bạn! Mình ổn, cảm ơn nhé. Bạn cần giúp gì?"),
         U("Mình sắp mở quán cà phê nhỏ ở Đà Nẵng, mặt bằng 18 triệu/tháng. Đang phân vân giữa bán cà phê muối giá 25k để hút khách đông, hay làm specialty coffee giá 55k nhắm vào khách du lịch. Tính cả chi phí nguyên liệu, nhân viên và mùa thấp điểm du lịch, bạn phân tích giúp mô hình nào bền hơn.")],
        [U("Sông dài nhất chảy hoàn toàn trong lãnh thổ Việt Nam là sông nào?"),
         A("Sông Đồng Nai, dài khoảng 586 km."),
         U("Cảm ơn. Câu khó hơn nè: tại sao đồng bằng sông Cửu Long bị sụt lún và xâm nhập mặn ngày càng nặng? Đánh giá vai trò của các đập thủy điện thượng nguồn, khai thác nước ngầm, khai thác cát và biến đổi khí hậu, cái nào ảnh hưởng lớn nhất.")],
    ]
    D["try_again"] += [
        "Câu trả lời trước của bạn sai rồi. Kiểm tra lại và dẫn nguồn giúp mình.",
        "vẫn sai",
        "Không đúng, kết quả phải khác chứ – với lương 15 triệu thì thuế thu nhập cá nhân không thể cao vậy được. Tính lại đi.",
        "Bạn bỏ sót một nửa câu hỏi của mình rồi. Mình còn hỏi cách đăng ký tạm trú online nữa, bổ sung cho đầy đủ giúp.",
        [U("Việt Nam gia nhập WTO năm nào?"),
         A("Năm 2005."),
         U("Sai rồi, không phải năm đó. Sửa lại đi.")],
        [U("Kể tên các thành phố trực thuộc trung ương."),
         A("Hà Nội, TP.HCM và Đà Nẵng."),
         U("Thiếu rồi, vẫn chưa đủ. Liệt kê lại đầy đủ giúp mình.")],
    ]
    D["other"] += [
        "Trả lời ngắn gọn thôi: CCCD gắn chip dùng để làm gì?",
        "Viết lại đoạn này, không thêm chi tiết nào: 'Thông báo: chung cư sẽ cắt điện từ 8h đến 11h sáng thứ Bảy để bảo trì.'",
        "Một câu thôi: Tết Đoan Ngọ là ngày gì?",
        "Chỉ cho mình con số: 100 đô la Mỹ đổi được khoảng bao nhiêu tiền Việt?",
        [U("Viết giúp mình đoạn giới thiệu vịnh Hạ Long cho tờ rơi du lịch."),
         A("Vịnh Hạ Long thuộc tỉnh Quảng Ninh là di sản thiên nhiên thế giới được UNESCO công nhận, nổi tiếng với gần 2.000 hòn đảo đá vôi nhô lên giữa làn nước xanh ngọc. Du khách có thể ngủ đêm trên du thuyền, chèo kayak qua các hang động như hang Sửng Sốt, thăm làng chài Cửa Vạn và thưởng thức hải sản tươi ngon."),
         U("Ngắn hơn nhé, giữ nguyên nội dung.")],
        "Bảo hiểm xã hội tự nguyện là gì?",
        "Ai là tác giả Truyện Kiều?",
        "Giải thích vì sao miền Bắc có mùa đông lạnh còn miền Nam thì không, trong hai dòng thôi.",
        "Phân tích nhanh giúp mình: viết 'sắp xếp' hay 'sắp sếp' mới đúng?",
    ]
    D["chit_chat"] += [
        "Hello bạn! Sáng nay Sài Gòn mưa quá trời, ngồi nhâm nhi ly cà phê sữa đá thôi ☕",
        [U("Nấu phở bò thì hầm xương bao lâu?"),
         A("Khoảng 6–8 tiếng để nước dùng ngọt và trong."),
         U("Hay quá, cảm ơn bạn nhiều nha!")],
    ]

    # =======================================================================
    # id
    # =======================================================================
    D["hard_question"] += [
        "Kalau Bank Indonesia menaikkan BI-Rate 50 basis poin untuk menahan pelemahan rupiah, apa dampaknya ke kredit UMKM, harga properti, inflasi, dan pertumbuhan ekonomi tahun depan? Tolong uraikan mana yang saling menguatkan dan mana yang saling meniadakan.",
        "Pemindahan ibu kota ke IKN masuk akal nggak secara ekonomi dan tata kelola? Bandingkan biaya dan beban APBN, potensi pemerataan di luar Jawa, risiko lingkungan di Kalimantan Timur, dan nasib Jakarta sesudahnya.",
        "Arisan kantor ada 20 peserta, tiap bulan satu nama dikocok dan yang sudah dapat tidak ikut dikocok lagi. Aku dan sahabatku sama-sama ikut. Berapa peluang kami berdua sama-sama dapat di tiga bulan pertama, dan berapa peluang aku dapat lebih dulu dari dia?",
        "Ayah saya 58 tahun, gula darah puasa 180, HbA1c 8,5, dan baru ketahuan ada protein di urin. Dokter menawarkan metformin saja atau langsung dikombinasi dengan SGLT2 inhibitor, tapi obat kedua tidak ditanggung BPJS. Apa saja pertimbangan klinis dan biayanya?",
        "Mengapa VOC bangkrut di akhir abad ke-18 padahal pernah jadi perusahaan terkaya di dunia? Timbang faktor korupsi pegawai, biaya perang di Jawa, persaingan dengan Inggris, dan model bisnis monopoli rempah.",
        "Server Laravel kami sering timeout tiap flash sale jam 12 siang. Kemungkinan penyebabnya: query N+1 di halaman produk, Redis kehabisan memori, kena rate limit payment gateway, atau autoscaling yang telat naik. Gimana cara membedakannya dan urutan investigasi yang masuk akal?",
        "Aku mau beli motor Rp28 juta. Pilihan pertama kredit dengan DP Rp3 juta dan cicilan Rp1,35 juta selama 24 bulan; pilihan kedua menabung Rp1,2 juta per bulan di deposito 4 % per tahun lalu beli tunai. Harga motor naik sekitar 5 % per tahun, dan motornya untuk ngojek yang bisa menghasilkan Rp3 juta bersih per bulan. Mana yang lebih untung?",
        "Seorang karyawati di Surabaya di-PHK saat cuti melahirkan dengan alasan restrukturisasi. Analisis dari sisi UU Ketenagakerjaan dan UU Cipta Kerja: sah atau tidak, hak apa saja yang bisa dituntut, dan bagaimana peluangnya di Pengadilan Hubungan Industrial?",
        [U("Halo! Apa kabar?"),
         A("Halo! Kabar baik. Ada yang bisa saya bantu?"),
         U("Baik juga. Jadi gini, aku mau buka usaha katering rumahan di Bandung. Modal Rp50 juta, dapurnya kecil, maksimal 150 porsi per hari, dan aku masih kerja kantoran sampai jam 5 sore. Targetnya antara kantor-kantor atau acara hajatan. Bantu aku susun strategi yang realistis dengan semua batasan itu.")],
        [U("Gunung tertinggi di Indonesia apa ya?"),
         A("Puncak Jaya (Carstensz Pyramid) di Papua, sekitar 4.884 meter."),
         U("Makasih. Pertanyaan lain yang lebih berat: kenapa harga beras di Indonesia jauh lebih mahal daripada di Vietnam atau Thailand? Bahas produktivitas petani, kebijakan impor Bulog, rantai distribusi, dan HET, lalu simpulkan faktor mana yang paling berpengaruh.")],
    ]
    D["try_again"] += [
        "Jawabanmu sebelumnya salah. Tolong cek lagi dan sertakan sumbernya.",
        "masih salah",
        "Itu nggak bener, hasilnya harusnya beda — potongan BPJS Kesehatan nggak mungkin segitu. Hitung ulang dong.",
        "Kamu cuma jawab setengah dari pertanyaanku. Aku juga tanya cara bikin NPWP online, tolong dilengkapi.",
        [U("Kapan Sumpah Pemuda?"),
         A("Tanggal 28 Oktober 1945."),
         U("Salah, tahunnya bukan itu. Perbaiki.")],
        [U("Sebutkan negara yang berbatasan darat dengan Indonesia."),
         A("Malaysia."),
         U("Belum lengkap, masih ada yang kurang. Sebutkan semuanya.")],
    ]
    D["other"] += [
        "Jawab singkat aja: apa itu NIK?",
        "Tulis ulang tanpa menambah detail apa pun: 'Yth. warga RT 05, kerja bakti diundur ke hari Minggu jam 7 pagi.'",
        "Satu kalimat saja: apa fungsi OJK?",
        "Angkanya saja: 15 % dari Rp240.000 berapa?",
        "Tanpa penjelasan, cukup daftarnya: provinsi-provinsi di Pulau Sumatra.",
        "Apa itu BPJS Ketenagakerjaan?",
        "Siapa pencipta lagu Indonesia Raya?",
        "Jelaskan kenapa Indonesia cuma punya dua musim, dua baris saja.",
        "Coba analisis sebentar: yang baku 'apotek' atau 'apotik'?",
    ]
    D["chit_chat"] += [
        "Halo! Barusan makan nasi padang, kenyang banget sekarang malah ngantuk 😂",
        [U("Berapa lama rebus mi instan?"),
         A("Sekitar 3 menit, tergantung suka yang kenyal atau lembek."),
         U("Oke sip, makasih banyak ya!")],
    ]
    return D
