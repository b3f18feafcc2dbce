#!/usr/bin/env python3
"""Build the mmrouter labelled dev set.

Every conversation below was written by hand for this project. Running this
script writes ``train.jsonl`` and ``heldout.jsonl`` next to itself, using a
fixed seed and a stratified ~60/40 split per route.

Each JSONL line is ``{"messages": [...], "route": "<route>"}`` where
``messages`` are OpenAI chat-completions messages and the last one is always a
user message. Attached images are small PNG files generated here (solid
colours, gradients, stripes, checkers...) and embedded as data URIs.

Usage: python data/devset/build.py
"""
import base64
import json
import os
import random
import struct
import zlib

SPLIT_SEED = 20240611
IMAGE_SEED = 7919
TRAIN_FRACTION = 0.6
ROUTES = [
    "chit_chat",
    "hard_question",
    "try_again",
    "image_understanding",
    "image_question",
    "image_generation",
    "other",
]

# ---------------------------------------------------------------------------
# Tiny PNG encoder (stdlib only): 8-bit RGB, no interlace, filter type 0.
# ---------------------------------------------------------------------------


def _png_chunk(tag, data):
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def encode_png(width, height, pixel):
    """pixel(x, y) -> (r, g, b) with ints in 0..255."""
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter: none
        for x in range(width):
            row.extend(pixel(x, y))
        rows.append(bytes(row))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


def _mix(c1, c2, t):
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(c1, c2))


_IMG_RNG = random.Random(IMAGE_SEED)


def random_png():
    """A small, valid PNG with a randomly chosen simple pattern."""
    r = _IMG_RNG
    size = r.choice([16, 24, 32])
    c1 = tuple(r.randrange(256) for _ in range(3))
    c2 = tuple(r.randrange(256) for _ in range(3))
    kind = r.choice(["solid", "hgrad", "vgrad", "diag", "checker", "stripes", "radial", "quad"])
    n = size - 1
    cell = r.choice([2, 4, 8])
    if kind == "solid":
        px = lambda x, y: c1
    elif kind == "hgrad":
        px = lambda x, y: _mix(c1, c2, x / n)
    elif kind == "vgrad":
        px = lambda x, y: _mix(c1, c2, y / n)
    elif kind == "diag":
        px = lambda x, y: _mix(c1, c2, (x + y) / (2 * n))
    elif kind == "checker":
        px = lambda x, y: c1 if ((x // cell) + (y // cell)) % 2 == 0 else c2
    elif kind == "stripes":
        px = lambda x, y: c1 if (x // cell) % 2 == 0 else c2
    elif kind == "radial":
        c = n / 2.0
        rmax = (2 * c * c) ** 0.5
        px = lambda x, y: _mix(c1, c2, (((x - c) ** 2 + (y - c) ** 2) ** 0.5) / rmax)
    else:  # quad: four coloured quadrants
        c3 = tuple(r.randrange(256) for _ in range(3))
        c4 = tuple(r.randrange(256) for _ in range(3))
        h = size // 2
        px = lambda x, y: (c1, c2, c3, c4)[(x >= h) + 2 * (y >= h)]
    return encode_png(size, size, px)


def image_part():
    data = base64.b64encode(random_png()).decode("ascii")
    return {"type": "image_url", "image_url": {"url": "data:image/png;base64," + data}}


# ---------------------------------------------------------------------------
# Message helpers
# ---------------------------------------------------------------------------


def S(text):
    return {"role": "system", "content": text}


def A(text):
    return {"role": "assistant", "content": text}


def U(text, img=0):
    """User message; with img=N it carries N attached images as content parts."""
    if not img:
        return {"role": "user", "content": text}
    images = [image_part() for _ in range(img)]
    if not text:
        return {"role": "user", "content": images}
    text_part = {"type": "text", "text": text}
    # Some clients put the picture before the text, some after.
    if _IMG_RNG.random() < 0.3:
        return {"role": "user", "content": images + [text_part]}
    return {"role": "user", "content": [text_part] + images}


DATA = {}

# ---------------------------------------------------------------------------
# chit_chat: social small talk and casual conversation
# ---------------------------------------------------------------------------
DATA["chit_chat"] = [
    "hi",
    "Hey! How's it going?",
    "good morning :)",
    "I just got back from vacation in Portugal, it was lovely. The food alone was worth the trip.",
    "ugh mondays. how are you holding up?",
    "what's up",
    "I'm so bored right now lol",
    "Do you ever get tired of people asking you stuff all day?",
    "Just finished my first half marathon!!! My legs are jelly but I'm so happy",
    "It's raining again here. Honestly kind of cozy, I've got tea and a blanket.",
    "yo",
    "how was your weekend? mine was super chill, mostly slept",
    "I think my cat is judging me right now. He's just staring at me from the top of the bookshelf.",
    "thnaks for being so helpful lately, you're the best",
    "Guess what, I finally got the job!",
    "I can't sleep. Want to just chat for a bit?",
    "Happy Friday!! any fun plans? (I know you don't have plans lol)",
    "my sister's getting married next month and I'm weirdly emotional about it",
    "Coffee or tea person? I'm team coffee, obviously.",
    "good night, talk tomorrow",
    "lol you're funny",
    "I just made the best pancakes of my life, just wanted to tell someone",
    "honestly today was rough. nothing specific, just one of those days",
    "hello there! first time using this thing, seems neat",
    "Do you like music? I've had the same song stuck in my head all day",
    "It's my birthday today 🎂",
    "Long week. Really looking forward to doing absolutely nothing this weekend — maybe a walk "
    "in the park, maybe not even that. How about you, what would you do with a free weekend "
    "if you could?",
    "brb, grabbing a snack",
    "Nice to meet you! I'm Priya.",
    "The sunset tonight was unreal. Pink and orange everywhere. Made my whole day.",
    "sup bot",
    "I've been learning to knit and my first scarf looks like a fishing net haha",
    "Our team won the pub quiz last night! We were total underdogs.",
    "do u ever just vibe",
    "I adopted a rescue dog yesterday! Her name is Biscuit and she's already stolen my spot on the couch.",
    "Hope you're doing well. Kind of a random question but what's your favourite season? "
    "Mine's autumn, mostly for the sweaters.",
    "morning! slept terribly but the coffee is helping",
    "My houseplants are finally growing new leaves and I'm irrationally proud of them",
    "Just saying thanks, your tips last week helped me pass my driving test 🚗",
    "heyyy wats up",
    "it's so hot today I'm melting. 38 degrees!!",
    "Feeling pretty good today! Went for a swim before work for the first time in ages.",
    # with a system prompt
    [S("You are a friendly assistant for Nimbus Bank customers."),
     U("hey, hope you're having a good day")],
    [S("You are a helpful assistant."),
     U("Just wanted to say hello before I start my shift. Wish me luck today!")],
    [S("You are Ari, a cheerful companion app."),
     U("Ari!! missed you. my exams are finally over and I can breathe again")],
    [S("Answer concisely."), U("how's your day been?")],
    # multi-turn: earlier turns on another topic, latest turn is small talk
    [U("What's the capital of Australia?"),
     A("The capital of Australia is Canberra."),
     U("Ha, I always thought it was Sydney. Anyway, thanks! How's your day going?")],
    [U("Can you prove there are infinitely many primes?"),
     A("Suppose there were only finitely many primes p1, ..., pn. Consider N = p1·p2·...·pn + 1. "
       "N leaves remainder 1 when divided by each pi, so none of them divides N. But N > 1 has "
       "some prime factor, which must be a prime not in our list — a contradiction. Hence there "
       "are infinitely many primes."),
     U("That's a great answer, thanks!")],
    [U("Write a haiku about autumn"),
     A("Crisp leaves drift and fall\nthe maple lets go of red\nwind hums a slow tune"),
     U("aww I love it. you made my morning :)")],
    [U("How many ounces in a cup?"),
     A("There are 8 US fluid ounces in a cup."),
     U("cool. btw it's snowing here for the first time this year, so pretty")],
    [U("Translate 'thank you' into Japanese"),
     A("'Thank you' is 'arigatou' (ありがとう), or more politely 'arigatou gozaimasu'."),
     U("arigatou! 😄 ok I'm off to dinner, have a nice evening")],
    [U("hi"),
     A("Hi! How can I help you today?"),
     U("nothing really, just saying hi. how are you?")],
    [U("Fix this SQL: SELEC * FROM users"),
     A("There's a typo in the keyword. It should be:\n\nSELECT * FROM users;"),
     U("lol can't believe I missed that. long day. thanks friend")],
    [U("What's in this picture?", img=1),
     A("It's a close-up of a ceramic mug on a windowsill with morning light coming in."),
     U("Nice, spot on! Anyway, how has your week been?")],
    [U("I'm planning a trip to Japan in April, any tips on cherry blossom timing?"),
     A("Peak bloom in Tokyo and Kyoto is usually late March to early April, and further north a "
       "bit later. Check the official forecasts a few weeks before."),
     U("yesss I'm so excited, I've wanted to go since I was a kid")],
    [U("What's 17 times 23?"),
     A("17 × 23 = 391."),
     U("perfect, thank you so much! you saved me")],
    [U("Can you recommend a sci-fi book?"),
     A("Try 'The Left Hand of Darkness' by Ursula K. Le Guin — thoughtful and beautifully written."),
     U("Oh I actually read that one last summer on the beach. Loved it. Summer feels so far away now haha")],
    # other languages
    "¡Hola! ¿Qué tal tu día?",
    "Salut ! Je viens de rentrer de vacances, j'ai beaucoup trop mangé de fromage haha",
    "Hallo! Wie geht's dir heute?",
    "Oi, tudo bem? Hoje o dia está lindo aqui no Rio.",
    "你好呀，今天过得怎么样？",
    "Ciao! Finalmente è venerdì, non vedo l'ora di riposarmi.",
    "こんにちは！今日はいい天気ですね。",
]

# ---------------------------------------------------------------------------
# hard_question: deep reasoning, proofs, algorithm design, multi-step analysis
# ---------------------------------------------------------------------------
DATA["hard_question"] = [
    "A train leaves Lyon at 9:40 going 120 km/h toward Paris, 460 km away. Another leaves Paris "
    "at 10:10 going 150 km/h toward Lyon. At what time do they meet, and how far from Paris?",
    "Prove that the square root of 3 is irrational.",
    "Design an algorithm that finds the longest substring with at most k distinct characters in "
    "O(n) time, and explain why it's correct.",
    "How many ways can you tile a 2x10 rectangle with 1x2 dominoes? Show the reasoning, not just the number.",
    "Our startup has 18 months of runway at a burn of $220k/month. If we cut burn by 15% starting "
    "in month 4 and revenue grows from $30k/month by 8% month over month starting now, when do we "
    "run out of money? Walk through it step by step.",
    "Prove that for every integer n ≥ 1, 7^n − 1 is divisible by 6.",
    "Let f be continuous on [0,1] with f(0) = f(1). Show that there exists c in [0, 1/2] such that "
    "f(c) = f(c + 1/2).",
    "I need to schedule 12 meetings into 4 rooms over 3 time slots, where some pairs of meetings "
    "share attendees and can't overlap. How would you model this, what algorithm would you use, "
    "and is it NP-hard in general?",
    "What's the expected number of rolls of a fair six-sided die until you've seen every face at "
    "least once? Derive it.",
    "Careful reasoning needed: five people each shake hands with some of the others. Is it possible "
    "that everyone shook a different number of hands? Justify your answer.",
    """Analyse the time complexity of this function and propose something faster:

def f(a):
    out = []
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            if a[i] + a[j] == 0 and (a[i], a[j]) not in out:
                out.append((a[i], a[j]))
    return out""",
    "Why does quicksort have O(n log n) expected running time with random pivots? I want a real "
    "derivation, not hand-waving.",
    "A pool can be filled by pipe A in 6 hours and by pipe B in 9 hours, while drain C empties it "
    "in 12 hours. If all three are opened at 8am when the pool is a third full, when will it be full?",
    "Think step by step: if 4 painters take 6 days to paint 3 houses, how many painters are needed "
    "to paint 10 houses in 5 days, assuming everyone works at the same rate?",
    "Is this argument valid? 'All regulators are auditors. Some auditors are not lawyers. Therefore "
    "some regulators are not lawyers.' If it's invalid, give a counterexample.",
    "Design a rate limiter for an API gateway that handles 200k requests/s across 40 nodes, with "
    "per-user limits that must be accurate within 5%. Discuss the trade-offs between token bucket, "
    "sliding window and a centralised counter.",
    "I'm trying to decide whether to refinance. Current mortgage: $310k remaining at 6.8%, 27 years "
    "left. New offer: 5.9% for 30 years with $7,500 in closing costs. I plan to stay 8 years. Which "
    "is better and by roughly how much? Please reason it through carefully.",
    "Prove that any tree with n vertices has exactly n − 1 edges.",
    "A frog hops along a row of 10 lily pads, jumping either 1 or 2 pads at a time, but it can never "
    "land on pad 7. How many different ways can it get from pad 1 to pad 10?",
    "How would you detect a cycle in a linked list using O(1) extra memory, and can you prove that "
    "the method also finds the node where the cycle starts?",
    "Explain carefully why the halting problem is undecidable, and then tell me whether deciding if "
    "a program halts within 10^6 steps is decidable.",
    "Given an array of n integers, count the subarrays whose sum is divisible by k. I need an O(n) "
    "solution and a proof that it's correct.",
    "A disease has 1% prevalence, and a test has 95% sensitivity and 90% specificity. If someone "
    "tests positive on two independent tests, what's the probability they actually have the disease?",
    "I have a recursive CTE in Postgres that takes 40 seconds on a 2M-row org chart table. Walk me "
    "through how you'd diagnose it and what indexing or restructuring could make it fast. Think "
    "about it carefully, there are a lot of moving parts.",
    "solve: 3 friends split a bill. A pays twice what B pays, C pays $12 less than A, and the total "
    "is $138. but then they realise B forgot a $9 tip that should be split evenly. what does each owe in the end",
    "What is the smallest positive integer that leaves remainder 2 when divided by 3, remainder 3 "
    "when divided by 5, and remainder 4 when divided by 7?",
    "Careful now — a clock shows 3:40. What's the exact angle between the hour and minute hands? "
    "And at what time after 3:00 do the hands first overlap exactly?",
    "Compare the consistency guarantees of Raft and a leaderless Dynamo-style store under a network "
    "partition, and tell me which I should choose for a shopping cart service that must never lose "
    "an add-to-cart. Reason through the failure modes.",
    "Prove or disprove: the sum of two irrational numbers is always irrational.",
    "A 10 m ladder leans against a wall. The bottom slides away at 0.5 m/s. How fast is the top "
    "sliding down when the bottom is 6 m from the wall?",
    "think hard about this one. I have 12 coins and exactly one is fake, but I don't know if it's "
    "heavier or lighter. with a balance scale, what's the minimum number of weighings to find it "
    "and tell whether it's heavy or light? give the actual strategy",
    "How many integers between 1 and 10,000 have digits that sum to 9?",
    "Evaluate the integral of x·e^(−x²) from 0 to infinity, and then the integral of x²·e^(−x²) "
    "over the whole real line. Show every step.",
    "We have a monolith with 300 endpoints and want to split it into services. Lay out a multi-step "
    "migration plan that minimises risk, including how to handle shared database tables and in "
    "what order you'd extract things.",
    "Design a data structure supporting insert, delete and getRandom, all in O(1) average time, "
    "where duplicate values are allowed.",
    "What's the probability that in a group of 30 people at least two share a birthday? Then: how "
    "many people do you need for at least three to share a birthday with 50% probability? Reason "
    "carefully, the second part is tricky.",
    "Two players alternately remove 1, 3 or 4 stones from a pile; whoever takes the last stone wins. "
    "For which starting pile sizes does the first player win? Prove the pattern.",
    "Why is the determinant of a product equal to the product of the determinants? Give me a proof "
    "that doesn't just cite the theorem.",
    "whats the fastest way to find the kth smallest element across two sorted arrays? need better than O(k)",
    "If I invest $500 a month for 25 years at 7% annual return compounded monthly, then stop "
    "contributing and let it grow 10 more years, how much will I have? Compare that with someone "
    "who starts 10 years later but puts in $900 a month until the same end date. Show your work.",
    "Reason carefully: on an island every person either always tells the truth or always lies. A "
    "says 'B and I are both liars.' B says nothing. What are A and B?",
    "Can you find a counterexample to 'if a function is differentiable everywhere, its derivative "
    "is continuous everywhere'? Explain why it works.",
    "I'm designing a cache eviction policy for a CDN where objects have very different sizes and "
    "fetch costs, and LRU is hurting our hit ratio. Think through the options (GDSF, LFU variants, "
    "ARC, learned policies) and recommend one with justification.",
    "How many trailing zeros does 1000! have, and how many does it have when written in base 12?",
    "A sequence starts 2, 3, and each next term is the product of the previous two minus 1. Is any "
    "term divisible by 4? If so, which is the first one, and does it happen periodically? Prove it.",
    "Find the flaw in this proof that 1 = 2: let a = b, then a² = ab, so a² − b² = ab − b², so "
    "(a+b)(a−b) = b(a−b), so a + b = b, so 2b = b, so 2 = 1.",
    "I'm writing a lock-free single-producer single-consumer ring buffer in C++. Which memory "
    "orderings do I need on head and tail, and why would a relaxed store on the tail break it? "
    "Walk through a concrete interleaving.",
    "A company's revenue rose 20% in year one, fell 20% in year two, then rose 25% in year three. "
    "What was the compound annual growth rate over the three years? And what change in year two "
    "alone would have made the three-year total exactly +30%?",
    "Need a careful answer pls: can you cover a chessboard with two opposite corners removed using "
    "31 dominoes? why or why not",
    "Given a weighted DAG with 10^6 nodes, how would you count the number of distinct longest paths "
    "modulo 1e9+7? Describe the algorithm and its complexity.",
    # with a system prompt
    [S("You are a senior software architect. Think step by step."),
     U("We need exactly-once processing for payment events flowing from Kafka into Postgres. Is that "
       "achievable end to end? Give a concrete design and point out where it can still fail.")],
    [S("You are a math tutor."),
     U("Prove that there is no largest prime number, but do it without using Euclid's "
       "'multiply them all and add one' construction.")],
    [S("You are a helpful assistant."),
     U("Please think very carefully and double check: what is the sum of all two-digit numbers that "
       "are divisible by 3 but not by 4?")],
    # multi-turn
    [U("hey"),
     A("Hi! What can I do for you?"),
     U("Ok I have a real brain teaser. Five hikers must cross a rope bridge at night with one "
       "headlamp. They take 1, 3, 6, 8 and 12 minutes. At most two can be on the bridge at once "
       "and a pair moves at the slower person's pace. What's the fastest total time, and why can't "
       "it be done faster?")],
    [U("What's the boiling point of water in Fahrenheit?"),
     A("212°F at sea level."),
     U("Thanks. Now a harder one: roughly at what altitude would water boil at 90°C? Derive it from "
       "the Clausius–Clapeyron equation and the barometric formula, and state your assumptions.")],
    [U("Write me a haiku about rain"),
     A("Soft rain on tin roofs\ngutters hum a low chorus\nthe street smells of stone"),
     U("lovely. ok different topic: I have a 5-litre jug, a 3-litre jug and a tap. How do I "
       "measure exactly 4 litres, and what's the general condition for when a target amount is possible?")],
    [U("Who wrote Pride and Prejudice?"),
     A("Jane Austen; it was published in 1813."),
     U("Right. Now something that needs real thought: a rabbit population grows 12% per month but "
       "foxes eat 40 rabbits per month. Starting from 300 rabbits, when does it first exceed 1000? "
       "And is there a starting population below which it collapses?")],
    [U("Solve 2x + 3 = 11"),
     A("2x = 8, so x = 4."),
     U("ok nice. Now a tougher one, and take your time: find all integer pairs (x, y) with x² − y² = 2024.")],
    # other languages
    "Demuestra que la suma de los ángulos interiores de un polígono convexo de n lados es "
    "(n − 2)·180°. Explícalo paso a paso.",
    "Un escargot grimpe un mur de 12 mètres. Chaque jour il monte de 3 mètres, chaque nuit il "
    "glisse de 2 mètres. En combien de jours atteint-il le sommet ? Réfléchis bien avant de répondre.",
    "Wie viele Möglichkeiten gibt es, 8 Türme so auf ein Schachbrett zu stellen, dass keiner einen "
    "anderen schlagen kann? Und wie viele, wenn zusätzlich kein Turm auf der Hauptdiagonale stehen "
    "darf? Bitte genau begründen.",
    "Preciso de um algoritmo para encontrar o caminho mais curto num grafo com pesos negativos mas "
    "sem ciclos negativos. Qual devo usar, e por que o Dijkstra falha aqui? Explique com um exemplo.",
    "请仔细思考：一个水池有两个进水管和一个出水管，甲管单独注满需要4小时，乙管需要6小时，出水管"
    "单独放空需要8小时。三管同时打开，从空池开始，多久能注满？",
    "Dimostra che per ogni intero n, il numero n³ − n è divisibile per 6.",
]

# ---------------------------------------------------------------------------
# try_again: the user explicitly says the previous answer was wrong/incomplete.
# Always multi-turn.
# ---------------------------------------------------------------------------
DATA["try_again"] = [
    [U("What's 15 times 7?"),
     A("15 × 7 = 95."),
     U("No, that's not right. 15*7 is not 95.")],
    [U("What's the capital of Canada?"),
     A("The capital of Canada is Toronto."),
     U("That's wrong, try again")],
    [U("Write a Python function that reverses a string."),
     A("def reverse(s):\n    return s.reverse()"),
     U("that doesn't work, strings don't have a reverse() method. fix it")],
    [U("List the planets in order from the sun."),
     A("Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus."),
     U("You forgot Neptune. Please give me the complete list.")],
    [U("Who painted the Mona Lisa and when?"),
     A("The Mona Lisa was painted by Leonardo da Vinci."),
     U("You missed the second part of my question — when?")],
    [U("What color is this car?", img=1),
     A("The car in the image is red."),
     U("No, it's clearly blue. Look again.")],
    [U("Translate 'I would like a coffee, please' into French."),
     A("Je veux un café."),
     U("That's incomplete, you dropped the 'please'. And I asked for 'would like', not 'want'.")],
    [U("How many r's are in 'strawberry'?"),
     A("There are 2 r's in 'strawberry'."),
     U("wrong. count again")],
    [U("When did the Berlin Wall fall?"),
     A("The Berlin Wall fell in 1991."),
     U("That's not correct, it was earlier than that. Please check and answer again.")],
    [U("Give me 5 synonyms for 'happy'."),
     A("Joyful, cheerful, content."),
     U("I asked for five, you only gave three.")],
    [U("Convert 100°F to Celsius."),
     A("100°F is about 53.3°C."),
     U("That's wrong. Redo the calculation.")],
    [U("Write a SQL query that returns the 3 most recent orders per customer."),
     A("SELECT * FROM orders ORDER BY created_at DESC LIMIT 3;"),
     U("This isn't what I asked. That gives the 3 most recent orders overall, not per customer. Try again.")],
    [U("Summarise this paragraph in one sentence: 'The city council voted on Tuesday to expand the "
       "bike lane network by 40 km over the next three years, funded partly by a new parking levy. "
       "Opponents argued the levy would hurt small businesses downtown.'"),
     A("The city council voted to expand the bike lane network by 40 km."),
     U("You left out the funding and the opposition, so the summary is incomplete. Please include them.")],
    [U("How many people are in this photo?", img=1),
     A("There are three people in the photo."),
     U("There are four, you missed the one on the left edge. Count again please")],
    [U("Is 91 prime?"),
     A("Yes, 91 is a prime number."),
     U("No it isn't, 91 = 7 × 13. Please answer properly this time.")],
    [U("Explain the difference between TCP and UDP."),
     A("TCP is a protocol used on the internet to send data."),
     U("That's way too incomplete, you didn't explain UDP at all or what the difference is. Try again.")],
    [U("What's the derivative of x^2 * sin(x)?"),
     A("2x · cos(x)"),
     U("incorrect, you forgot the product rule")],
    [U("Who was the first person to walk on the moon?"),
     A("Buzz Aldrin was the first person to walk on the moon, in 1969."),
     U("Wrong person. Try again.")],
    [U("My JS code: `const x = [1,2,3].map(n => n*2).filter(n => n > 3)` — what's x?"),
     A("x is [2, 4, 6]."),
     U("no that's not right, you didn't apply the filter")],
    [U("Name three rivers in Africa."),
     A("The Nile, the Amazon and the Congo."),
     U("The Amazon isn't in Africa. Fix your answer.")],
    [U("Write a regex that matches a US ZIP code, including ZIP+4."),
     A("^\\d{5}$"),
     U("That only handles the 5-digit form, you ignored ZIP+4. Incomplete, please redo.")],
    [U("What does this sign say?", img=1),
     A("The sign says 'No Parking'."),
     U("Nope, that's not what it says. It's something about loading hours. Please read it again more carefully.")],
    [U("How long does it take light from the Sun to reach Earth?"),
     A("About 8 seconds."),
     U("That's off by a lot — it's minutes, not seconds. Give me the right answer.")],
    [U("Sort these numbers ascending: 42, 7, 19, 3, 88, 19"),
     A("3, 7, 19, 42, 88"),
     U("you dropped one of the 19s. try again")],
    [U("In what year did the Titanic sink?"),
     A("The Titanic sank in 1915."),
     U("Incorrect.")],
    [U("Give me a recipe for pancakes with quantities."),
     A("Mix flour, eggs, milk and a pinch of salt, then fry ladlefuls in a hot buttered pan."),
     U("You didn't include any quantities even though I asked for them. Please answer the whole question.")],
    [U("What is the plural of 'cactus'?"),
     A("The plural of 'cactus' is 'cactuss'."),
     U("lol no. that's not a word. again please")],
    [U("Calculate the area of a circle with radius 4 cm."),
     A("The area is 8π ≈ 25.13 cm²."),
     U("That's the circumference, not the area. Wrong — redo it.")],
    [U("What's the time complexity of binary search?"),
     A("O(n)."),
     U("That's not correct. Think again.")],
    [U("What kind of bird is this?", img=1),
     A("This appears to be a European robin."),
     U("It's not a robin, the chest isn't orange at all. You got it wrong, have another look.")],
    [S("You are a coding assistant."),
     U("Write a bash one-liner to count lines in all .py files recursively."),
     A("wc -l *.py"),
     U("That isn't recursive, it only counts files in the current directory. Try again.")],
    [S("You are a helpful assistant. Keep answers short."),
     U("Who wrote '1984' and who wrote 'Brave New World'?"),
     A("'1984' was written by George Orwell."),
     U("you only answered half. what about Brave New World?")],
    [U("What's the population of Tokyo?"),
     A("About 14 million in the city proper."),
     U("And the greater metro area?"),
     A("Around 20 million."),
     U("That's not right, the greater Tokyo area is closer to 37 million. Please correct it.")],
    [U("Convert 3/8 to a decimal and a percentage."),
     A("3/8 = 0.375."),
     U("You skipped the percentage.")],
    [U("Which is bigger, 9.11 or 9.9?"),
     A("9.11 is bigger than 9.9."),
     U("no, that's wrong. 9.9 is bigger. explain it properly")],
    [U("How do I center a div horizontally and vertically with flexbox?"),
     A("Use `display: flex; justify-content: center;` on the parent."),
     U("That only centers it horizontally. You missed the vertical part, try again")],
    [U("Read the total on this receipt for me.", img=1),
     A("The total is $23.40."),
     U("That's the subtotal, not the total. The total includes tax. Look again.")],
    [U("What's the chemical formula for table salt?"),
     A("KCl."),
     U("That's potassium chloride. Wrong answer, try again")],
    [U("How many days are in February 2024?"),
     A("February 2024 has 28 days."),
     U("2024 is a leap year, so that's incorrect. Try again.")],
    [U("Write a limerick about a cat."),
     A("There once was a cat named Lou,\nWho liked to nap in a shoe."),
     U("That's only two lines, a limerick has five. Please finish it properly.")],
    [U("Describe what's happening in this chart.", img=1),
     A("The chart shows sales increasing steadily over the whole year."),
     U("That's wrong — sales drop sharply in Q3, you completely missed that. Look at it again.")],
    [U("What's the square root of 144?"),
     A("14"),
     U("nope, wrong")],
    [U("Give me the steps to reset a router to factory settings."),
     A("1. Find the small reset button on the back of the router."),
     U("that's it? you stopped after step 1. I need all the steps")],
    [U("What does HTTP status 418 mean?"),
     A("418 means 'Request Timeout'."),
     U("That's 408. 418 is something else. Please try again.")],
    [U("hey what's 2^10"),
     A("2^10 = 1000"),
     U("thats wrong, its not 1000")],
    [U("Which country has the largest population right now?"),
     A("China has the largest population in the world."),
     U("I'm pretty sure that's outdated and wrong — India overtook China. Can you correct that?")],
    [U("Write a function in Go that returns the max of a slice of ints."),
     A("func Max(xs []int) int {\n    m := 0\n    for _, x := range xs {\n        if x > m {\n            m = x\n        }\n    }\n    return m\n}"),
     U("This is wrong for slices with only negative numbers, it returns 0. Fix it.")],
    [U("What is the longest river in Europe?"),
     A("The Danube is the longest river in Europe."),
     U("Not correct, the Volga is longer. try again and give the length too")],
    [U("Plan me a 3-day itinerary in Rome."),
     A("Day 1: Colosseum and the Roman Forum.\nDay 2: Vatican Museums and St. Peter's Basilica."),
     U("You only gave me two days, I asked for three. Incomplete — please finish it.")],
    [U("What's the answer to this math problem?", img=1),
     A("The answer is x = 6."),
     U("That's wrong, if you plug 6 back in it doesn't work. Try again carefully.")],
    [U("Who won the FIFA World Cup in 2014?"),
     A("Argentina won the 2014 World Cup."),
     U("No, Argentina lost the final. Try again.")],
    [U("Explain what a closure is in JavaScript and give an example."),
     A("A closure is a function that keeps access to variables from its outer scope, even after "
       "the outer function has returned."),
     U("You didn't give an example like I asked. The answer is incomplete.")],
    [U("How many bones are in the adult human body?"),
     A("There are 212 bones in the adult human body."),
     U("That's incorrect. Please try again.")],
    [U("Name the author of 'One Hundred Years of Solitude'."),
     A("Jorge Luis Borges."),
     U("wrong author!! try again pls")],
    [U("I need the German word for 'cucumber'."),
     A("Kürbis."),
     U("Kürbis is pumpkin, not cucumber. That's wrong.")],
    [U("Can you check my answer? 3x - 7 = 11, so x = 5"),
     A("Yes, x = 5 is correct."),
     U("Hmm no, 3*5 - 7 = 8, not 11. Your check was wrong. Solve it properly.")],
    [U("What's the boiling point of water at sea level in Kelvin?"),
     A("273.15 K."),
     U("that's the freezing point, not the boiling point. wrong")],
    [S("You are a geography quiz helper."),
     U("What are the three largest countries by area?"),
     A("Russia, China and Brazil."),
     U("Canada is the second largest and you left it out completely. Wrong, redo it.")],
    [U("Identify the font in this screenshot.", img=1),
     A("That's Times New Roman."),
     U("No, it's clearly a sans-serif font, so it can't be Times New Roman. Try again.")],
    [U("What's 48 divided by 0.5?"),
     A("48 ÷ 0.5 = 24."),
     U("No. Dividing by 0.5 doubles the number. You got it wrong, redo it.")],
    # other languages
    [U("¿Cuál es la montaña más alta de África?"),
     A("La montaña más alta de África es el monte Kenia."),
     U("No, eso está mal. Inténtalo de nuevo.")],
    [U("Combien font 12 × 12 ?"),
     A("12 × 12 = 124."),
     U("C'est faux, recommence.")],
    [U("Wer hat die Relativitätstheorie entwickelt und in welchem Jahr wurde die spezielle "
       "Relativitätstheorie veröffentlicht?"),
     A("Albert Einstein hat die Relativitätstheorie entwickelt."),
     U("Du hast den zweiten Teil meiner Frage vergessen. Bitte vollständig antworten.")],
    [U("Qual é a capital da Austrália?"),
     A("A capital da Austrália é Sydney."),
     U("Errado! Tenta outra vez.")],
    [U("请把“我明天要去上海出差”翻译成英文。"),
     A("I went to Shanghai yesterday."),
     U("不对，时间和意思都翻译错了，请重新翻译。")],
    [U("Quanti continenti ci sono?"),
     A("Ci sono 5 continenti: Europa, Asia, Africa, America e Oceania."),
     U("Hai dimenticato l'Antartide, la risposta è incompleta. Riprova.")],
]

# ---------------------------------------------------------------------------
# image_understanding: understanding an image (describe, read, count, identify)
# Boundary decisions (kept consistent):
#   * image + chit-chat remark about it ("look at my cat!")  -> image_understanding
#   * photo of a hard math/chess problem                     -> image_understanding
# ---------------------------------------------------------------------------
DATA["image_understanding"] = [
    [U("What's in this picture?", img=1)],
    [U("Describe this image in detail.", img=1)],
    [U("can you read the text on this sign", img=1)],
    [U("What plant is this? It's growing in my garden and I can't identify it.", img=1)],
    [U("How many apples are in this bowl?", img=1)],
    [U("Here's the receipt from lunch. What was the total and how much did we tip?", img=1)],
    [U("Summarise the key trend in this chart.", img=1)],
    [U("lol look at my cat, isn't he cute", img=1)],
    [U("Solve the problem in this photo. It's from my calculus homework and I'm stuck on part (b), "
       "the one with the improper integral.", img=1)],
    [U("What breed is this dog?", img=1)],
    [U("Transcribe the handwriting in this note please", img=1)],
    [U("Is this mushroom edible? Found it on a hike this morning.", img=1)],
    [U("What does the error message in this screenshot mean?", img=1)],
    [U("Explain this diagram to me like I'm 12.", img=1)],
    [U("What's the name of the building in this photo?", img=1)],
    [U("Translate the menu in this picture into English.", img=1)],
    [U("Count the number of cars in the parking lot.", img=1)],
    [U("What colours are used in this logo?", img=1)],
    [U("", img=1)],
    [U("What's wrong with my code? See screenshot.", img=1)],
    [U("Which of these two shirts looks more formal? Trying to pick one to order online.", img=2)],
    [U("Can you extract the table in this image into CSV?", img=1)],
    [U("Is this a real painting or AI generated? Look at the hands.", img=1)],
    [U("what does this graph say about the unemployment rate in 2020", img=1)],
    [U("Here are two photos of my tomato leaves, a week apart. What could be causing those yellow "
       "spots, and is it spreading?", img=2)],
    [U("I found this in my grandmother's attic. Any idea what it is or how old it might be?", img=1)],
    [U("Read the nutrition label and tell me how much sugar there is per serving.", img=1)],
    [U("Which step of these IKEA instructions am I supposed to do next? I've finished the part "
       "with the wooden dowels.", img=1)],
    [U("whats the scientific name of this bug", img=1)],
    [U("Check whether this circuit diagram is correct. I want the LED to light up when the switch "
       "closes.", img=1)],
    [U("Quick — what time does the next train to Utrecht leave according to this departure board?", img=1)],
    [U("Rate my latte art 😅", img=1)],
    [U("My kid drew this, what do you think it is supposed to be? 😂", img=1)],
    [U("Does this contract page say anything about early termination fees?", img=1)],
    [U("Roughly what decade is this old photo from, judging by the clothes and the cars?", img=1)],
    [U("What's the chess position here, and what's the best move for white?", img=1)],
    [U("Look at this sunset I took last night!", img=1)],
    [U("Prove the geometry statement shown in the picture. I've been staring at it for an hour.", img=1)],
    [U("Who won according to this scoreboard?", img=1)],
    [U("i think my washing machine is showing an error code, what does the display say", img=1)],
    # with a system prompt
    [S("You are a helpful assistant for a grocery delivery app."),
     U("What's on this shopping list? I can't read my partner's writing.", img=1)],
    [S("You are an assistant."),
     U("Describe the floor plan in this image and estimate the total area in square metres.", img=1)],
    # multi-turn
    [U("I'm trying to get into birdwatching."),
     A("Great hobby! A pair of binoculars and a local field guide go a long way."),
     U("Ok, here's one from my feeder this morning. What is it?", img=1)],
    [U("What's the capital of Peru?"),
     A("Lima."),
     U("Thanks. Different thing: what's the dish in this photo? I had it in Lima last year.", img=1)],
    [U("hey!"),
     A("Hey! How can I help?"),
     U("check out my new puppy, he's 8 weeks old 🥺", img=1)],
    [U("Can you describe this X-ray of my wrist?", img=1),
     A("The image shows the bones of the wrist and lower forearm; there appears to be a thin line "
       "across the distal radius that could be a fracture. Please have a doctor review it."),
     U("That's what the doctor said too. Here's the one from six weeks later — does the line look "
       "less visible now?", img=1)],
    # other languages
    [U("¿Qué hay en esta foto?", img=1)],
    [U("Peux-tu lire ce qui est écrit sur cette étiquette ?", img=1)],
    [U("Was für eine Pflanze ist das?", img=1)],
    [U("O que está escrito nesta placa?", img=1)],
    [U("这张图里有几只猫？", img=1)],
    [U("この写真に写っている料理は何ですか？", img=1)],
    # text-only, referring to an image
    "hey can you tell me what's going on in the image I shared",
    "Can you describe the photo I just uploaded?",
    "read the screenshot and tell me what the error says",
    "What's the total on the receipt in the picture?",
    "Explain what the chart in the attached image shows.",
    "Identify the plant in this photo please",
    "How many people are in the picture I sent?",
    "what does the whiteboard in this pic say? the handwriting is awful",
    "Summarize the slide in this screenshot into three bullet points.",
    "Is the bird in this photo a hawk or a falcon?",
    "Look at the diagram in this image and tell me which component is the capacitor.",
    [U("I'm going to upload a scan of a form."),
     A("Sure, go ahead and share it."),
     U("ok it's attached. which fields are still empty on the form in this image?")],
    "Décris-moi cette image, s'il te plaît.",
    "Can you tell what year the car in this photo was made?",
    "Tell me what the sign in this photo says in English, it's in Greek.",
]

# ---------------------------------------------------------------------------
# image_question: the assistant must SEE THE USER or their surroundings
# (appearance, outfit, room, environment). About half carry a camera frame.
# ---------------------------------------------------------------------------
DATA["image_question"] = [
    [U("How do I look in this shirt?", img=1)],
    [U("Does my haircut suit me?", img=1)],
    [U("Is my desk setup ergonomic? Be honest.", img=1)],
    [U("What can you see in my room?", img=1)],
    [U("Does this outfit work for a job interview at a bank?", img=1)],
    [U("Do I look tired today?", img=1)],
    [U("Be honest, does this dress make me look older?", img=1)],
    [U("How does my posture look right now? I've been getting lower back pain after work.", img=1)],
    [U("Can you see anything behind me that I should tidy up before my video call?", img=1)],
    [U("Which of these two glasses frames looks better on my face?", img=2)],
    [U("what colour are my eyes", img=1)],
    [U("Is my beard even on both sides?", img=1)],
    [U("Does my living room look too cluttered? Any tips?", img=1)],
    [U("I'm about to head out on a first date. Thoughts on the look?", img=1)],
    [U("Rate my form on this squat, I'm at the bottom of the rep", img=1)],
    [U("Is the lighting in my room good enough for streaming?", img=1)],
    [U("Do these shoes go with my jeans?", img=1)],
    [U("Am I holding the guitar correctly?", img=1)],
    [U("What's the weather like where I am? You can see out the window behind me.", img=1)],
    [U("Does my tie go with this suit?", img=1)],
    [U("Is my makeup too much for a daytime garden party?", img=1)],
    [U("Do I need a haircut? lol", img=1)],
    [U("Is my kitchen clean enough for the landlord's inspection tomorrow?", img=1)],
    [U("Does the background in my webcam frame look professional enough for a client meeting?", img=1)],
    [S("You are a live camera assistant. The user shares frames from their phone camera."),
     U("ok what do you see around me right now", img=1)],
    [S("You are a personal stylist assistant."),
     U("This is me in the new jacket. Too big in the shoulders?", img=1)],
    [U("I'm redecorating."),
     A("Fun! Which room are you working on?"),
     U("The bedroom. Here's how it looks right now — what would you change?", img=1)],
    [U("What's a good wall colour for a home office?"),
     A("Soft greens and muted blues are popular because they're calm without being dull."),
     U("Here's my office as it is. Would sage green work with my furniture?", img=1)],
    [U("¿Cómo me queda esta camisa?", img=1)],
    [U("Est-ce que ma tenue convient pour un mariage ?", img=1)],
    [U("Wie sehe ich aus? Ehrlich bitte.", img=1)],
    [U("这件衣服适合我吗？", img=1)],
    # text-only (live camera / smart-glasses style)
    "How do I look today?",
    "Can you see me? What am I wearing?",
    "What's on the wall behind me?",
    "Be straight with me — is this new fringe working with my round face?",
    "Look at my room and tell me what I should get rid of.",
    "Check my chair height and monitor position, is my workstation ergonomic?",
    "What color is my shirt?",
    "am I smiling in this frame lol",
    "Tell me honestly if this outfit works for the office.",
    "How many people are in the room with me right now?",
    "Can you see my dog? Where is he hiding?",
    "What's that thing on the shelf to my left?",
    "Is my posture ok while I'm typing?",
    "Does my hair look messy?",
    "Is there enough light in here to read comfortably?",
    "whta do you think of my glasses",
    "Is the plant by my window getting too much sun? The leaves look a bit pale to me.",
    "Look around my kitchen and suggest a quick dinner I could make with what's on the counter.",
    "Do I look ready for the wedding?",
    "Is my tie straight?",
    "Does this jacket fit me or is it too tight around the arms?",
    "Is the room I'm in too dark for a video call?",
    "Can you see if there's a stain on my shirt? I'm about to go on stage in five minutes.",
    [S("You are Vision, an assistant on smart glasses. You can see what the user sees."),
     U("what street am I on right now?")],
    [S("You are a fitness coach with access to the user's camera."),
     U("Watch my plank — am I keeping my hips level?")],
    [U("What's a good stretch for lower back pain?"),
     A("Try the cat-cow stretch: on hands and knees, slowly alternate between arching and rounding "
       "your back, about 10 times."),
     U("ok I'm doing it now, can you check if I'm doing it right?")],
    [U("hi"),
     A("Hello! How can I help?"),
     U("can you tell me what's on my desk right now? I lost my keys somewhere here")],
    [S("You are a helpful assistant with access to the user's camera."),
     U("Does my flat look tidy enough for guests? They're coming in an hour.")],
    # other languages, text-only
    "¿Qué ves detrás de mí?",
    "Comment tu trouves ma coupe de cheveux ?",
    "Como estou hoje? Essa roupa combina comigo?",
    "你能看到我桌子上有什么吗？",
    "Sitzt meine Krawatte gerade?",
]

# ---------------------------------------------------------------------------
# image_generation: create/draw/paint/render an image, or transform an input image.
# Boundary decision: an image attached but the user asks for a NEW/transformed
# image -> image_generation.
# ---------------------------------------------------------------------------
DATA["image_generation"] = [
    "draw a cat",
    "Generate an image of a lighthouse on a cliff during a storm, oil painting style.",
    "Create a logo for my coffee shop called 'Bean There'. Minimalist, earthy colours.",
    "paint me a watercolor of a fox in a snowy forest",
    "Can you make a picture of a robot reading a book in a cozy library?",
    "Render a 3D isometric scene of a tiny island with a windmill and a dock.",
    "I need an illustration for a children's book: a shy dragon hiding behind a tree, soft pastel "
    "colours, friendly and not scary at all. It's for the page where the kids first meet him.",
    "Design a poster for a jazz night on March 14th, art deco style, with a saxophone as the centrepiece.",
    "generat a pic of a cyberpunk city at night with neon signs in the rain",
    "Make me a cartoon avatar of a girl with curly red hair and green glasses.",
    "Draw an illustration of the water cycle for my 4th grade class — clouds, rain, river, sun, labelled arrows.",
    "create an image: astronaut riding a horse on mars, photorealistic",
    "Could you generate a seamless tileable texture of an old brick wall?",
    "Make an icon set of 6 weather icons (sun, cloud, rain, snow, storm, wind) in a flat style.",
    "I'd like a realistic photo-style image of a bowl of ramen with steam rising, top-down view, for "
    "our restaurant menu.",
    "Sketch a minimalist line drawing of a mountain range at sunrise.",
    "Generate a birthday card image with balloons and the text 'Happy 30th, Sam!'",
    "paint a portrait of a corgi dressed as a Renaissance nobleman",
    "Create pixel art of a knight with a sword, 32x32 style.",
    "Make a banner for my YouTube channel about woodworking, 2560x1440, warm wood tones.",
    "Can you draw a map of a fantasy kingdom with mountains, a winding river and three castles?",
    "generate an image of a sad robot in the rain",
    "I want a tattoo design: a compass combined with a rose, fine line, black ink only.",
    "Create a mascot for our hackathon: a friendly octopus typing on several laptops at once.",
    "Render a product shot of a matte black water bottle on a marble countertop with soft morning light.",
    "Illustrate a scene from my sci-fi novel: two moons over a desert city, people in flowing robes "
    "walking to a crowded market, everything bathed in orange dusk light.",
    "Make a meme image of a cat looking confused at a spreadsheet",
    "draw me something cute",
    "Generate a phone wallpaper, abstract waves in purple and teal.",
    "Please create a stained-glass style image of a hummingbird.",
    "Paint an impressionist landscape of lavender fields in Provence at dusk.",
    "Design a t-shirt graphic that says 'Code & Coffee' with a steaming mug made of curly braces.",
    "Visualize what a city floating in the clouds of Venus might look like — as an image please.",
    "make an image of a sandwich but it's also a skyscraper",
    [S("You are a creative assistant with an image generation tool."),
     U("Make a cover image for my podcast 'Late Night Botany': moody, dark green, glowing mushrooms.")],
    [S("You are a helpful assistant."),
     U("Draw an infographic showing how to make a cup of tea, with cute little icons for each step.")],
    # multi-turn
    [U("What is the tallest mountain in the world?"),
     A("Mount Everest, at 8,849 metres above sea level."),
     U("cool, now generate an image of climbers on the summit at sunrise")],
    [U("Give me a name for a bakery."),
     A("How about 'Rise & Shine Bakery'?"),
     U("Love it! Now create a logo for Rise & Shine Bakery — a sun made out of a croissant.")],
    [U("Draw a castle on a hill."),
     A("Here's your image: a stone castle on a green hill under a bright blue sky."),
     U("Nice. Now make another one at night, with a full moon and bats flying around the towers.")],
    [U("Generate a logo for 'Peak Fitness'."),
     A("Here's a logo: a bold mountain peak above the words 'PEAK FITNESS' in navy blue."),
     U("make the colours orange and black and the font thicker")],
    [U("I'm writing a short story about a lonely lighthouse keeper."),
     A("That sounds lovely — lighthouses make great settings for quiet, reflective stories."),
     U("Can you illustrate the opening scene? The keeper lighting the lamp as fog rolls in off the sea.")],
    # other languages
    "Dibuja un gato astronauta flotando en el espacio.",
    "Génère une image d'un café parisien sous la pluie, style aquarelle.",
    "Erstelle ein Bild von einem Fuchs, der im Herbstwald Pilze sammelt.",
    "Cria uma imagem de uma praia tropical ao pôr do sol, estilo pintura a óleo.",
    "帮我画一只在竹林里吃竹子的熊猫，水墨画风格。",
    "猫のキャラクターのロゴを作ってください。",
    # with an input image to transform / use as reference
    [U("turn this photo into an anime drawing", img=1)],
    [U("Make a watercolor version of this picture.", img=1)],
    [U("Here's a photo of my living room. Generate an image of how it would look redone in "
       "Scandinavian style — light wood, white walls, lots of plants.", img=1)],
    [U("Use this as a reference and create a cartoon character based on my dog.", img=1)],
    [U("Remove the background from this photo and put me on a beach instead.", img=1)],
    [U("Make this selfie look like a Van Gogh painting", img=1)],
    [U("Create a logo inspired by this sketch I made on a napkin — clean it up and make it "
       "vector-style.", img=1)],
    [U("turn my cat into a superhero", img=1)],
    [U("Generate a new image in the same style as this one, but with a forest instead of a city.", img=1)],
    [U("Can you extend this image to the left and right so it fits a 16:9 banner?", img=1)],
    [U("Colorize this old black and white photo.", img=1)],
    [U("Here's my kid's drawing of a monster. Can you render it as a realistic 3D creature?", img=1)],
    [U("Make a pixel-art version of this picture", img=1)],
    [S("You are an image editing assistant."),
     U("Add a rainbow to the sky in this photo.", img=1)],
    [U("Haz una versión estilo Pixar de esta foto.", img=1)],
    [U("Design a new poster for our event using the colours from this old one.", img=1)],
    [U("What's in this picture?", img=1),
     A("It's a small wooden cabin beside a lake, surrounded by pine trees."),
     U("Beautiful. Now generate a winter version of it, everything covered in snow.")],
    [U("Using this photo of me, create a professional headshot with a grey studio background and a "
       "navy blazer.", img=1)],
]

# ---------------------------------------------------------------------------
# other: general knowledge, quick lookups, writing/translation chores, how-to
# ---------------------------------------------------------------------------
DATA["other"] = [
    "What is the capital of France?",
    "Translate 'good morning' to Spanish",
    "Write a haiku about autumn",
    "What year did WW2 end?",
    "how many grams in a pound",
    "Write a short thank-you email to my landlord for fixing the heater so quickly.",
    "Summarise the plot of Romeo and Juliet in three sentences.",
    "What's the difference between affect and effect?",
    "How do I boil an egg so the yolk stays runny?",
    "Who discovered penicillin?",
    "Give me a synonym for 'important'.",
    "What time zone is Chicago in?",
    "Convert 5 km to miles",
    "Write a limerick about a lazy Sunday.",
    "How do I take a screenshot on a Mac?",
    "What does 'RSVP' stand for?",
    "Can you proofread this sentence: 'Their going to the park tomorow with there dog.'",
    "Recommend three podcasts about history.",
    "What's the chemical symbol for gold?",
    "Write a product description for a bamboo toothbrush, about 50 words.",
    "how to unclog a drain without chemicals",
    "Summarise this: 'The meeting covered Q3 targets, which were missed by 4% due to supply delays. "
    "The team agreed to shift two launches to January and hire one more logistics coordinator. The "
    "next review is on October 12.'",
    "What is photosynthesis?",
    "Who is the author of The Hobbit?",
    "Make a packing list for a 3-day camping trip.",
    "What's a good name for a golden retriever puppy?",
    "Rewrite this to sound more formal: 'hey, can u send me the report by fri? thx'",
    "How many continents are there?",
    "What's the population of Brazil, roughly?",
    "Explain what an API is in simple terms.",
    "Write a Python one-liner to read a file into a list of lines.",
    "what's the boiling point of water",
    "List five fruits that are high in vitamin C.",
    "How do I change a flat tire?",
    "Write a tweet announcing our bakery's new sourdough, upbeat tone, under 280 characters.",
    "What does the idiom 'bite the bullet' mean?",
    "Give me a 5-question quiz about the solar system for kids.",
    "What's the square root of 81?",
    "Name the largest ocean on Earth.",
    "How do you say 'where is the train station' in German?",
    "Write a cover letter opening paragraph for a junior data analyst position.",
    "what's 12% of 250",
    "Give me a recipe for guacamole.",
    "Is a tomato a fruit or a vegetable?",
    "Create a weekly meal plan for a vegetarian, simple recipes only.",
    "Explain the rules of tic-tac-toe.",
    "What's the plural of 'moose'?",
    "Turn these notes into a polite meeting reminder: tues 3pm, room 4B, bring laptops, budget review",
    "Who was the first female Prime Minister of the UK?",
    "Write a haiku about coffee, please. Make it a little funny.",
    # with a system prompt
    [S("You are a helpful assistant."),
     U("Write a two-line birthday message for my coworker Dana.")],
    [S("You are a travel assistant for Skyway Airlines."),
     U("What's the usual baggage allowance for economy on international flights?")],
    [S("Respond in JSON."),
     U("Give me the capitals of Spain, Italy and Greece.")],
    # multi-turn: label follows the latest user turn
    [U("hey how's it going"),
     A("Pretty good, thanks! How can I help you today?"),
     U("What's the capital of Mongolia?")],
    [U("Prove that sqrt(2) is irrational."),
     A("Assume sqrt(2) = p/q in lowest terms. Then p² = 2q², so p is even; write p = 2k. Then "
       "4k² = 2q², so q² = 2k² and q is even too — contradicting lowest terms. So sqrt(2) is irrational."),
     U("thanks. unrelated: how do you spell 'necessary'? I always get it wrong")],
    [U("What's in this photo?", img=1),
     A("It's a bowl of oranges on a wooden kitchen table."),
     U("Thanks! Now can you write me a short poem about oranges?")],
    [U("Draw a cat"),
     A("Here's an image of a grey tabby cat sitting on a windowsill."),
     U("What's the average lifespan of a house cat?")],
    [U("Translate 'cheese' into Italian."),
     A("'Cheese' in Italian is 'formaggio'."),
     U("And how about 'bread'?")],
    [U("How many teaspoons are in a tablespoon?"),
     A("There are 3 teaspoons in a tablespoon."),
     U("ok and how many tablespoons in a cup?")],
    # other languages
    "¿Cuál es la capital de Argentina?",
    "Traduis « bonne nuit » en anglais.",
    "Wann wurde die Berliner Mauer gebaut?",
    "Escreva um pequeno poema sobre o mar.",
    "请帮我把这段话翻译成英文：我很喜欢这家餐厅的服务。",
    "日本の首都はどこですか？",
]

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------


def normalise(item):
    return [U(item)] if isinstance(item, str) else item


def validate(route, messages):
    assert route in ROUTES, route
    assert messages and messages[-1]["role"] == "user", (route, messages)
    for m in messages:
        assert m["role"] in ("system", "user", "assistant", "tool"), m
        assert m["content"] or m.get("tool_calls"), m
    if route == "try_again":  # the answer is in the conversation, or the turn says it was wrong
        assert any(m["role"] == "assistant" for m in messages) or len(messages) == 1, messages


def last_user_text(messages):
    c = messages[-1]["content"]
    if isinstance(c, str):
        return c
    return " ".join(p["text"] for p in c if p["type"] == "text")


def has_image(messages):
    return any(
        isinstance(m["content"], list) and any(p["type"] == "image_url" for p in m["content"])
        for m in messages
    )


# Further sets, each written for this project in its own module (see README.md).
EXTRA_MODULES = ("more_english", "more_latin", "more_nonlatin", "more_concepts_a", "more_concepts_b",
                 "more_concepts_c", "more_concepts_d")


def groups():
    """(group name, {route: items}) for the conversations above and each extra module."""
    import importlib
    import sys

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    yield "original", DATA
    for name in EXTRA_MODULES:
        yield name, importlib.import_module(name).conversations(U, A, S)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(SPLIT_SEED)
    splits = {"train": [], "heldout": []}
    counts = {route: [0, 0, 0] for route in ROUTES}
    seen = {}
    for group, data in groups():
        for route in ROUTES:
            convs = [normalise(item) for item in data.get(route, [])]
            for conv in convs:
                validate(route, conv)
                key = json.dumps(conv, sort_keys=True)
                assert key not in seen, ("duplicate conversation", group, route, seen.get(key))
                seen[key] = route
            # stratified per route and per group, so every language sits in both splits
            order = list(range(len(convs)))
            rng.shuffle(order)
            n_train = round(len(convs) * TRAIN_FRACTION)
            train_idx, held_idx = order[:n_train], order[n_train:]
            for split, idxs in (("train", train_idx), ("heldout", held_idx)):
                for i in sorted(idxs):
                    splits[split].append({"messages": convs[i], "route": route})
            counts[route][0] += len(train_idx)
            counts[route][1] += len(held_idx)
            counts[route][2] += sum(has_image(conv) for conv in convs)
    for route in ROUTES:
        assert sum(counts[route][:2]) >= 60, (route, counts[route])

    for split, rows in splits.items():
        rng.shuffle(rows)
        path = os.path.join(here, split + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")

    print(f"{'route':<22}{'train':>7}{'heldout':>9}{'total':>7}{'w/ image':>10}")
    for route in ROUTES:
        tr, he, im = counts[route]
        print(f"{route:<22}{tr:>7}{he:>9}{tr + he:>7}{im:>10}")
    tr = len(splits["train"])
    he = len(splits["heldout"])
    print(f"{'TOTAL':<22}{tr:>7}{he:>9}{tr + he:>7}")
    for split in splits:
        path = os.path.join(here, split + ".jsonl")
        print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
