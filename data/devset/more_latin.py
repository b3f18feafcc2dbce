"""Extra hand-written training conversations for the mmrouter dev set.

Languages: Turkish, Vietnamese, Indonesian, Polish, Dutch, Swedish, plus more
varied phrasings in Spanish, Portuguese (BR and PT), French, German, Italian.
Same labelling conventions as build.py (see README.md). Standard library only.

Usage: conversations(U, A, S) with the helpers from build.py.
"""


def conversations(U, A, S):
    """route name -> list of items; an item is a str (one user turn) or a list of messages."""
    D = {}

    # -----------------------------------------------------------------------
    # chit_chat (incl. thanks after an answer; photo/drawing words in small talk)
    # -----------------------------------------------------------------------
    D["chit_chat"] = [
        # tr
        "Selam! Nasılsın bugün? Ben biraz yorgunum ama keyfim yerinde.",
        "Bugün ilk kez kendi ekmeğimi yaptım, biraz yamuk oldu ama tadı harika 😄",
        [U("Ankara'nın nüfusu ne kadar?"),
         A("Ankara'nın nüfusu yaklaşık 5,8 milyondur."),
         U("Süpersin, teşekkürler! Bu arada iyi hafta sonları 🙂")],
        [S("Sen bir bankanın müşteri asistanısın. Kısa ve nazik cevap ver."),
         U("merhabaa, sadece selam vermek istedim, bugün hava çok güzel")],
        "Düğünde o kadar çok fotoğraf çektim ki telefonun hafızası doldu, ayaklarım da koptu resmen haha",
        "iyi geceler, yarın konuşuruz 👋",
        # vi
        "Chào bạn! Hôm nay bạn thế nào?",
        "Trời Hà Nội hôm nay mưa cả ngày, mình chỉ muốn nằm nhà uống trà thôi.",
        [U("1 inch bằng bao nhiêu cm?"),
         A("1 inch bằng 2,54 cm."),
         U("Cảm ơn nhiều nha, bạn dễ thương ghê 😊")],
        [S("Bạn là trợ lý của cửa hàng điện thoại Minh Phát. Trả lời ngắn gọn."),
         U("alo, chúc shop một ngày tốt lành nhé, hôm nay mình vui quá")],
        "Mình vừa thi xong học kỳ, nhẹ cả người! Tối nay đi ăn lẩu với tụi bạn.",
        "Hôm qua mình xem lại album ảnh hồi nhỏ, cười muốn xỉu luôn, hồi đó tóc mình y như cái nấm",
        # id
        "Halo! Lagi ngapain nih?",
        "Akhirnya gajian juga 😆 rasanya pengen traktir diri sendiri martabak",
        [U("Berapa jarak Jakarta ke Bandung?"),
         A("Sekitar 150 km lewat Tol Cipularang, biasanya 2,5–3 jam perjalanan."),
         U("Oke makasih banyak ya! Jawabannya ngebantu banget 🙏")],
        [S("Kamu adalah asisten layanan pelanggan untuk aplikasi ojek online."),
         U("pagi kak, semoga harinya menyenangkan ya, aku lagi semangat nih")],
        "Kucingku baru aja tidur di atas keyboard laptopku, jadi aku nggak bisa kerja haha. Kamu suka kucing nggak?",
        "Capek banget hari ini, macetnya parah. Cuma pengen ngobrol santai aja sebentar.",
        # pl
        "Cześć! Co słychać?",
        "Ale dziś zimno, -12 stopni rano. Dobrze, że mam gruby szalik od babci.",
        [U("Ile gramów ma jedna szklanka mąki?"),
         A("Szklanka mąki pszennej (250 ml) waży około 160 g."),
         U("Dzięki wielkie, ratujesz mi ciasto! 😄")],
        [S("Jesteś asystentem w aplikacji do nauki języków. Odpowiadaj krótko."),
         U("hej, dzisiaj mam dobry humor, bo zdałam egzamin na prawo jazdy!")],
        "Wróciłem właśnie z Mazur, cały tydzień pod żaglami. Jeszcze trochę mnie buja haha",
        "Zrobiłam dzisiaj chyba ze sto zdjęć kwitnącym wiśniom w parku, wiosna w końcu przyszła 🌸",
        # nl
        "Hoi! Hoe gaat het met je?",
        "Eindelijk weekend. Ik ga vanavond helemaal niks doen, alleen bank en pizza.",
        [U("Hoe laat gaat de zon vandaag onder in Amsterdam?"),
         A("Rond 17:45, maar check een weer-app voor de precieze tijd."),
         U("Top, bedankt! Dan ga ik nog even fietsen voor het donker is 🚲")],
        [S("Je bent een vriendelijke assistent voor klanten van een energieleverancier."),
         U("goedemorgen! gewoon even gedag zeggen, fijne dag nog")],
        "Mijn dochter heeft vandaag haar eerste stapjes gezet!! Ik ben zo trots 🥹",
        "Haha ik heb net een heel lelijk schilderij gekocht op de rommelmarkt, ik vind het prachtig",
        # sv
        "Hej hej! Hur mår du idag?",
        "Äntligen fredag! Ska grilla med grannarna ikväll om vädret håller.",
        [U("Hur många invånare har Göteborg?"),
         A("Göteborgs kommun har ungefär 600 000 invånare."),
         U("Tack så mycket, perfekt svar! Ha en fin kväll 😊")],
        [S("Du är en hjälpsam assistent för ett tågbolag."),
         U("tjena! inget särskilt, ville bara säga hej innan jobbet")],
        "Jag har precis badat i sjön för första gången i år, iskallt men så skönt!",
        "Mormor har målat ett porträtt av vår hund och det är faktiskt helt underbart, jag blev så rörd",
        # es
        "¿Qué onda? Aquí aburrido en la oficina, contando los minutos para salir jaja",
        "Buenas, tío. Hoy he ido al gimnasio por primera vez en meses y no puedo ni levantar los brazos.",
        [U("¿Cuántos litros tiene un galón?"),
         A("Un galón estadounidense equivale a unos 3,785 litros."),
         U("¡Genial, mil gracias! Me salvaste la receta 😊")],
        [S("Eres un asistente de soporte técnico para una empresa de internet. Sé breve."),
         U("hola, nada técnico jaja, solo quería saludar. ¿qué tal tu día?")],
        "Mi abuela cumple 90 años el domingo y estamos preparando una fiesta sorpresa, ¡qué nervios!",
        "Ayer revelé unas fotos analógicas de mi viaje a Oaxaca y salieron todas movidas, pero igual me encantan",
        # pt
        "E aí, beleza? Hoje tá um calor absurdo aqui em Fortaleza 🥵",
        "Olá! Acabei de chegar de férias no Algarve, já estou com saudades da praia.",
        [U("Quantos quilômetros tem uma maratona?"),
         A("Uma maratona tem 42,195 km."),
         U("Valeu demais! Domingo eu corro minha primeira meia, torce por mim 😄")],
        [S("És um assistente da loja online Casa & Jardim."),
         U("boa tarde! só queria dizer que gosto muito de falar convosco, têm sido uns dias complicados")],
        "Tô tão feliz, passei no vestibular!!! Ainda não caiu a ficha",
        "Fui ao concerto dos Xutos ontem à noite e ainda estou rouco de tanto cantar, foi brutal",
        # fr
        "Coucou ! Ça va ? Moi je suis crevée mais contente, on a fini le déménagement.",
        "Bon, il pleut encore à Brest. Rien de nouveau, quoi 😅",
        [U("Combien de temps faut-il pour cuire un œuf mollet ?"),
         A("Environ 6 minutes dans l'eau bouillante, puis un passage dans l'eau froide."),
         U("Parfait, merci beaucoup ! Tu gères 👌")],
        [S("Tu es l'assistant d'une mutuelle santé. Réponds poliment."),
         U("bonjour, je voulais juste vous souhaiter une bonne année !")],
        "J'ai retrouvé un vieux dessin que j'avais fait à 7 ans, un dragon avec trois têtes et un chapeau. Ça m'a fait trop rire.",
        "Je m'ennuie un peu ce soir, tu veux papoter ?",
        # de
        "Moin! Na, wie läuft's bei dir?",
        "Ich hab heute endlich meinen Balkon bepflanzt, Tomaten, Basilikum und ein paar Erdbeeren. Bin ganz stolz.",
        [U("Wie lange ist ein Reisepass in Deutschland gültig?"),
         A("Für Personen ab 24 Jahren ist der Reisepass 10 Jahre gültig, für Jüngere 6 Jahre."),
         U("Super, danke dir! Dann hab ich ja noch Zeit. Schönen Abend noch 🙂")],
        [S("Du bist ein Assistent für Kunden eines Fitnessstudios."),
         U("hallo! einfach mal danke, dass ihr da seid, ich hatte heute ein richtig gutes Training 💪")],
        "Oh Mann, mein Zug hat schon wieder 40 Minuten Verspätung. Naja, Zeit zum Quatschen hab ich jetzt jedenfalls.",
        "Hab gerade ein Foto von meinem ersten selbstgebackenen Brot an meine Mutter geschickt, sie war total begeistert haha",
        # it
        "Ehi, come va? Oggi giornata lunghissima in ufficio.",
        "Buongiorno! Il caffè di stamattina era perfetto, inizio bene la settimana ☕",
        [U("Quanto dista Milano da Torino?"),
         A("Circa 140 km; con il Frecciarossa ci vuole meno di un'ora."),
         U("Grazie mille, sei gentilissimo! Buona serata 😊")],
        [S("Sei un assistente virtuale per i clienti di una compagnia telefonica."),
         U("ciao! niente di particolare, volevo solo dire che oggi sono felicissima, mi sposo tra un mese!")],
        "Ho appena finito di vedere la finale, non ci credo che abbiamo vinto ai rigori!!! ⚽",
        "Mi annoio un po', ti va di fare due chiacchiere?",
    ]

    # -----------------------------------------------------------------------
    # hard_question (multi-constraint engineering / maths / logic)
    # -----------------------------------------------------------------------
    D["hard_question"] = [
        # tr
        "Bir üretim hattında 3 makine var: A saatte 40, B 55, C 70 parça üretiyor ama C her 4 saatte bir "
        "30 dakika bakıma giriyor. B'nin hata oranı %4, diğerlerinin %1. 8 saatlik vardiyada en az 1000 "
        "sağlam parça lazım ve elektrik sınırı yüzünden aynı anda en fazla iki makine çalışabiliyor. "
        "Hangi planla hedefe ulaşılır? Adım adım düşün.",
        "n ≥ 1 için 1 + 3 + 5 + ... + (2n−1) = n² olduğunu tümevarımla ispatla, sonra aynı sonucu geometrik olarak da açıkla.",
        "Üretimde bir Kubernetes servisimiz her gün 14:00 civarında 502 vermeye başlıyor. Aynı saatte cron ile "
        "yedekleme çalışıyor, HPA pod sayısını artırıyor ve veritabanı bağlantı havuzu 100 ile sınırlı. Olası "
        "nedenleri nasıl ayırt ederim? Her hipotez için hangi metriğe bakmalıyım, dikkatlice düşün.",
        [S("Sen yardımsever bir asistansın."),
         U("Bir adada herkes ya hep doğru söyler ya hep yalan. A: 'B yalancıdır' diyor, B: 'A ile C aynı "
           "türdendir' diyor, C: 'Ben doğrucuyum' diyor. Kim ne? Tüm durumları kontrol ederek cevap ver.")],
        [U("Merhaba, nasılsın?"),
         A("İyiyim, teşekkürler! Nasıl yardımcı olabilirim?"),
         U("Zor bir sorum var: 1'den 1000'e kadar olan sayılardan kaç tanesi ne 2'ye, ne 3'e, ne de 5'e "
           "bölünür? İçerme-dışlama ile göster.")],
        # vi
        "Chứng minh rằng với mọi số nguyên dương n, n^5 − n chia hết cho 30. Giải thích từng bước.",
        "Hệ thống của mình xử lý 50.000 đơn hàng/phút, dùng Redis làm cache và PostgreSQL. Thỉnh thoảng có đơn "
        "bị trừ kho hai lần khi client retry. Hãy suy nghĩ kỹ và thiết kế cơ chế idempotency đảm bảo không trừ "
        "kho trùng, kể cả khi Redis bị restart giữa chừng.",
        "Có 100 tù nhân và 100 hộp, mỗi hộp chứa một số từ 1 đến 100. Mỗi người được mở 50 hộp để tìm số của "
        "mình. Có chiến lược nào giúp cả nhóm có xác suất thành công trên 30% không? Giải thích vì sao nó hoạt động.",
        [S("Bạn là trợ lý lập trình."),
         U("Cho mảng n số nguyên (n tới 10^5), đếm số cặp (i, j) với i < j sao cho a[i] > 2*a[j]. Mình cần "
           "thuật toán O(n log n) và chứng minh tính đúng đắn.")],
        [U("Thủ đô của Úc là gì?"),
         A("Thủ đô của Úc là Canberra."),
         U("Ok. Giờ một bài khó hơn nhé, nghĩ cẩn thận: vay 500 triệu, lãi 9%/năm tính theo tháng, trả góp "
           "đều trong 15 năm, nhưng cuối năm thứ 5 trả trước 100 triệu và giữ nguyên kỳ hạn. Sau đó mỗi tháng "
           "trả bao nhiêu và tổng tiền lãi tiết kiệm được là bao nhiêu?")],
        # id
        "Buktikan bahwa tidak ada bilangan bulat x dan y yang memenuhi x² − 3y² = 2. Tolong jelaskan langkah demi langkah.",
        "Tim kami punya 6 developer dan 14 tugas dengan dependensi (misalnya T3 butuh T1 dan T2 selesai), durasi "
        "berbeda-beda, dan dua developer hanya bisa kerja backend. Bagaimana menyusun jadwal supaya semuanya "
        "selesai paling cepat? Jelaskan model dan algoritmanya, dan apakah masalah ini NP-hard.",
        "Pikirkan dengan teliti: ada 3 kotak, satu berisi apel, satu jeruk, satu campuran, dan semua labelnya "
        "salah. Berapa kali minimal kamu harus mengambil buah untuk memperbaiki semua label, dan kenapa?",
        [S("Kamu adalah insinyur SRE senior."),
         U("Latensi p99 API kami naik dari 120 ms ke 2 detik setelah deploy, tapi CPU normal, GC pause naik "
           "sedikit, dan koneksi ke database sering timeout hanya di satu availability zone. Rollback tidak "
           "memperbaiki. Tolong analisis kemungkinan penyebabnya secara sistematis dan urutan langkah diagnosisnya.")],
        [U("Apa bahasa resmi Brasil?"),
         A("Bahasa Portugis."),
         U("Makasih. Sekarang soal yang lebih sulit: berapa peluang 5 kartu acak dari satu dek standar berisi "
           "tepat dua pasang (two pair)? Tunjukkan perhitungannya.")],
        # pl
        "Udowodnij, że dla każdej liczby naturalnej n liczba 4^n + 15n − 1 jest podzielna przez 9.",
        "Mamy magazyn z 3 rampami, ciężarówki przyjeżdżają losowo średnio co 12 minut, rozładunek trwa średnio "
        "30 minut (rozkład wykładniczy), a kierowca czekający dłużej niż godzinę nalicza karę. Ile ramp trzeba, "
        "żeby kary zdarzały się rzadziej niż w 1% przypadków? Przemyśl to dokładnie, z modelem kolejkowym.",
        "Mam 8 identycznych kul, jedna jest cięższa. Jak ją znaleźć w dwóch ważeniach na wadze szalkowej? "
        "A jeśli nie wiem, czy fałszywa jest cięższa czy lżejsza, ile kul maksymalnie da się sprawdzić w trzech "
        "ważeniach? Uzasadnij.",
        [S("Jesteś asystentem programisty. Odpowiadaj po polsku."),
         U("Mam mikroserwis w Go, który po kilku godzinach zjada 8 GB RAM. pprof pokazuje dużo goroutine "
           "czekających na kanale, ale ich liczba rośnie tylko przy ruchu od jednego klienta, który używa "
           "długich połączeń gRPC ze streamingiem. Jakie są możliwe przyczyny i jak to systematycznie zdiagnozować?")],
        [U("Jak się mówi 'dziękuję' po niemiecku?"),
         A("'Danke' albo grzeczniej 'Danke schön'."),
         U("Dzięki. A teraz coś trudniejszego: ile jest ciągów binarnych długości 12 bez trzech jedynek pod "
           "rząd? Wyprowadź rekurencję i policz.")],
        # nl
        "Bewijs dat er oneindig veel priemgetallen van de vorm 4k + 3 zijn.",
        "Onze webshop draait op één PostgreSQL-primary met twee read replicas. Na Black Friday zien klanten soms "
        "hun net geplaatste bestelling niet terug, de replicatielag piekt tot 20 seconden en de checkout-service "
        "doet retries. Hoe ontwerp je read-your-writes consistentie zonder alle reads naar de primary te sturen? "
        "Denk het goed door en noem de afwegingen.",
        "Denk goed na: twee treinen 300 km uit elkaar rijden naar elkaar toe met 70 en 80 km/u. Een vlieg vliegt "
        "met 120 km/u heen en weer tussen de treinen tot ze botsen. Hoeveel km legt de vlieg af, en hoe vaak "
        "keert hij om voordat de treinen nog 1 km van elkaar zijn?",
        [S("Je bent een wiskundedocent."),
         U("Laat zien dat elke graaf met n knopen en meer dan n²/4 kanten een driehoek bevat. Een volledig bewijs graag.")],
        [U("Wat is de hoofdstad van Canada?"),
         A("Ottawa."),
         U("Dank je. Nu iets lastigers: een warmtepomp kost €12.000 met €3.000 subsidie. Mijn gasrekening is "
           "€1.800 per jaar, mijn stroomrekening stijgt met €650 per jaar, gas wordt 4% per jaar duurder en "
           "stroom 2%. Na hoeveel jaar heb ik hem terugverdiend als ik anders 3% rente op het geld had gekregen? "
           "Reken het stap voor stap uit.")],
        # sv
        "Visa att summan av de n första kuberna är lika med kvadraten på summan av de n första heltalen. Gärna "
        "både induktionsbevis och en intuitiv förklaring.",
        "Vi har ett IoT-system med 20 000 sensorer som skickar data via MQTT. Ibland försvinner meddelanden när "
        "brokern gör failover, sensorernas klockor driver upp till 2 sekunder och vi behöver exakt ordning per "
        "sensor. Hur bör arkitekturen se ut? Tänk igenom felfallen noga.",
        "Tänk noga: tre dörrar, bakom en finns en bil. Jag väljer dörr 1, och programledaren, som inte vet var "
        "bilen är, råkar öppna dörr 3 där det står en get. Ska jag byta? Hur skiljer sig det från vanliga Monty Hall?",
        [S("Du är en hjälpsam assistent."),
         U("Hitta alla heltalslösningar till x² + y² = 2025 och förklara hur man systematiskt vet att man inte missat någon.")],
        [U("Vad heter Norges huvudstad?"),
         A("Oslo."),
         U("Tack! Nu en svårare: till en kaffeautomat kommer i snitt 1 person per minut och automaten tar i "
           "snitt 50 sekunder per kopp. Hur lång är den genomsnittliga väntetiden, och vad händer om man ställer "
           "en andra automat bredvid? Resonera stegvis.")],
        "Vår tjänst som skalar om uppladdade bilder klarar 300 bilder/s per nod, men när köerna växer slutar "
        "autoscalingen att hjälpa, minnet tar slut på noderna med stora PNG-filer och vissa jobb körs två gånger. "
        "Vi har 12 noder och ett SLA på 5 sekunder. Hur hittar vi flaskhalsen och hur bör vi bygga om "
        "schemaläggningen? Tänk igenom det ordentligt.",
        # es
        "Necesito pensarlo bien: tengo 7 tareas con dependencias y 3 personas, y cada una solo sabe hacer algunas "
        "tareas. Las tareas duran entre 2 y 9 días y la persona B se va de vacaciones del día 6 al 10. ¿Cómo "
        "encuentro el plan que termina antes? Plantéalo como problema de optimización y dime si se puede resolver "
        "de forma exacta.",
        "Demuestra que entre cualesquiera 5 puntos dentro de un cuadrado de lado 2 siempre hay dos a distancia como máximo √2.",
        "Nuestro clúster de Kafka pierde mensajes solo cuando se reinicia un broker concreto, con acks=1, "
        "min.insync.replicas=2 y factor de replicación 3. Los consumidores además hacen commit automático. ¿Cuáles "
        "son las causas posibles y cómo las distingo? Analízalo con cuidado.",
        [S("Eres un tutor de matemáticas paciente."),
         U("¿Cuántas soluciones enteras no negativas tiene x + y + z = 20 con x ≤ 8, y ≤ 8 y z ≤ 8? Explica el "
           "razonamiento de inclusión-exclusión paso a paso.")],
        [U("¿Qué hora es en Madrid si en Lima son las 10?"),
         A("En invierno serían las 16:00 en Madrid; en verano, las 17:00."),
         U("Vale, gracias. Ahora algo más complicado: si invierto 200 € al mes al 5% anual durante 20 años, y mi "
           "pareja invierte 400 € al mes pero solo los últimos 10 años, ¿quién acaba con más dinero y por cuánto? "
           "Razónalo paso a paso.")],
        # pt
        "Prova que o produto de quatro inteiros consecutivos mais 1 é sempre um quadrado perfeito.",
        "Temos uma API em Node.js atrás de um load balancer, com as sessões guardadas em memória. Depois de "
        "escalarmos de 2 para 6 instâncias, os utilizadores são desligados aleatoriamente, o Redis das filas chega "
        "aos 90% de memória e alguns pedidos duplicam. Pensa com calma: quais são as causas prováveis e por que "
        "ordem atacarias cada uma?",
        "Raciocina com cuidado: do lado de fora de um quarto fechado tem 3 interruptores que controlam 3 lâmpadas "
        "lá dentro. Você só pode entrar uma vez. Como descobre qual interruptor acende cada lâmpada? E com 4 "
        "interruptores e 4 lâmpadas, ainda dá com uma entrada só?",
        [S("Você é um assistente de engenharia."),
         U("Preciso dimensionar uma viga de aço biapoiada de 6 m com carga distribuída de 15 kN/m e uma carga "
           "pontual de 20 kN a 2 m do apoio esquerdo, com flecha máxima de L/300. Qual o perfil W mínimo que "
           "atende flexão e deformação? Mostre os cálculos.")],
        [U("Quem escreveu Os Lusíadas?"),
         A("Luís Vaz de Camões; foi publicado em 1572."),
         U("Obrigado. Agora uma difícil: de quantas maneiras posso sentar 4 casais numa mesa redonda de 8 lugares "
           "sem que nenhum casal fique lado a lado? Explica o raciocínio todo.")],
        # fr
        "Montre que √2 + √3 est irrationnel, en détaillant chaque étape.",
        "Notre appli mobile a un taux de crash de 3 %, uniquement sur Android 13, uniquement quand l'utilisateur "
        "revient de l'arrière-plan après plus de 10 minutes, et seulement depuis qu'on a ajouté une bibliothèque de "
        "paiement. Les stack traces pointent vers un NullPointerException dans un fragment. Réfléchis bien : "
        "quelles hypothèses, et comment les départager ?",
        "Réfléchis soigneusement : on lance une pièce jusqu'à obtenir deux « face » consécutifs. Quelle est "
        "l'espérance du nombre de lancers ? Et pour obtenir face puis pile ? Pourquoi les deux sont-elles différentes ?",
        [S("Tu es un assistant d'ingénierie logicielle."),
         U("Conçois un algorithme pour fusionner k listes triées de taille totale N en O(N log k), puis prouve "
           "que c'est optimal dans le modèle par comparaisons.")],
        [U("C'est quoi la capitale de l'Écosse ?"),
         A("Édimbourg."),
         U("Merci. Maintenant un problème plus costaud : une cuve cylindrique de 2 m de diamètre et 5 m de long "
           "est couchée à l'horizontale, remplie sur 0,5 m de hauteur. Quel volume contient-elle ? Et à quelle "
           "hauteur faut-il la remplir pour atteindre un quart du volume total ? Détaille le calcul.")],
        # de
        "Beweise, dass es unter je 6 Personen immer 3 gibt, die sich gegenseitig kennen, oder 3, die sich gegenseitig nicht kennen.",
        "Unsere Heizungsregelung im Bürogebäude schwingt: Die Raumtemperatur pendelt zwischen 19 und 24 Grad mit "
        "einer Periode von etwa 40 Minuten. PI-Regler, Totzeit der Fußbodenheizung etwa 15 Minuten, die "
        "Außentemperatur schwankt stark. Wie würdest du systematisch vorgehen, um die Parameter neu einzustellen, "
        "und wäre ein anderer Reglertyp besser? Bitte gründlich durchdenken.",
        "Denk genau nach: Drei Logiker sitzen an einem Tisch, der Kellner fragt 'Wollen alle ein Bier?'. Der "
        "erste sagt 'Weiß ich nicht', der zweite 'Weiß ich nicht', der dritte 'Ja'. Warum funktioniert das, und "
        "wie verallgemeinert sich das auf n Logiker, wenn einer von ihnen kein Bier will?",
        [S("Du bist ein erfahrener Datenbankentwickler."),
         U("Wir haben einen Deadlock zwischen zwei Transaktionen in PostgreSQL, der nur unter Last auftritt: eine "
           "aktualisiert erst orders, dann inventory, die andere löst einen Trigger aus, der inventory sperrt und "
           "danach orders mit SELECT FOR UPDATE liest. Analysiere die möglichen Sperrreihenfolgen und schlag eine "
           "Lösung vor, die keine Serialisierungsfehler erzeugt.")],
        [U("Wie heißt die Hauptstadt von Slowenien?"),
         A("Ljubljana."),
         U("Danke. Jetzt was Kniffliges: Wie viele Wege gibt es auf einem 6×6-Gitter von links unten nach rechts "
           "oben, wenn man nur nach rechts oder oben gehen darf und der Punkt (3,3) gesperrt ist? Bitte mit Herleitung.")],
        # it
        "Dimostra per induzione che i numeri di Fibonacci soddisfano F(n+1)·F(n−1) − F(n)² = (−1)^n, spiegando ogni passaggio.",
        "Abbiamo un impianto fotovoltaico da 6 kW, una batteria da 10 kWh e una pompa di calore. Il prezzo "
        "dell'energia cambia ogni ora, la rete ci paga solo 0,08 €/kWh e la batteria perde il 10% in ogni ciclo. "
        "Come dovrei programmare carica e scarica per minimizzare la bolletta? Ragiona con attenzione, è un problema "
        "di ottimizzazione.",
        "Pensaci bene: ho 10 sacchi di monete e uno contiene solo monete false che pesano 1 g in più. Con una sola "
        "pesata su una bilancia digitale, come trovo il sacco falso? E se i sacchi falsi potessero essere più di uno?",
        [S("Sei un assistente tecnico."),
         U("Il nostro servizio di pagamenti a volte addebita due volte lo stesso ordine. Abbiamo un retry "
           "automatico lato client, un timeout di 5 secondi verso il provider e un job notturno di riconciliazione. "
           "Analizza gli scenari di errore possibili e progetta una soluzione robusta, spiegando perché copre tutti i casi.")],
        [U("Come si dice 'buongiorno' in spagnolo?"),
         A("'Buenos días'."),
         U("Grazie! Ora una domanda seria: quanti numeri di 6 cifre hanno le cifre in ordine strettamente "
           "crescente? E in ordine non decrescente? Spiegami il ragionamento.")],
    ]

    # -----------------------------------------------------------------------
    # try_again (with the wrong answer present, or single-turn corrections)
    # -----------------------------------------------------------------------
    D["try_again"] = [
        # tr
        [U("Türkiye'nin en uzun nehri hangisi?"),
         A("Türkiye'nin en uzun nehri Fırat'tır."),
         U("Yanlış, tamamı Türkiye sınırları içinde olan en uzun nehir Kızılırmak. Düzeltip tekrar cevaplar mısın?")],
        [U("Python'da bir listeyi ters çeviren fonksiyon yaz."),
         A("def ters(l):\n    return l.reverse()"),
         U("Bu çalışmıyor, None döndürüyor. Düzelt lütfen.")],
        [U("1453'te İstanbul'u kim fethetti ve kaç yaşındaydı?"),
         A("İstanbul'u 1453'te Fatih Sultan Mehmet fethetti."),
         U("Sorunun ikinci kısmını atladın, yaşını da sormuştum. Eksik cevap.")],
        [U("Önceki cevabın yanlıştı. Kaynaklarla doğrula: Türkiye'de kadınlara milletvekili seçme ve seçilme hakkı hangi yıl verildi?")],
        [U("Bu fotoğrafta kaç kişi var?", img=1),
         A("Fotoğrafta dört kişi var."),
         U("Hayır, beş kişi var, sağdaki çocuğu saymadın. Tekrar bak.")],
        [U("Verdiğin düzeltme hâlâ çalışmıyor, şimdi de TypeError: unsupported operand type(s) for +: 'int' and 'str' alıyorum. Kodu onar.")],
        # vi
        [U("Việt Nam có bao nhiêu tỉnh thành?"),
         A("Việt Nam có 58 tỉnh thành."),
         U("Sai rồi, con số đó không đúng. Bạn kiểm tra lại đi.")],
        [U("Viết hàm JavaScript tính tổng các số chẵn trong mảng."),
         A("function tong(a) { return a.filter(x => x % 2).reduce((s, x) => s + x, 0); }"),
         U("Hàm này cộng số lẻ chứ không phải số chẵn. Sửa lại giúp mình.")],
        [U("Dịch câu này sang tiếng Anh: 'Tôi đã sống ở Đà Nẵng năm năm.'"),
         A("I live in Da Nang five years."),
         U("Sai thì rồi, câu này phải dùng thì hiện tại hoàn thành. Dịch lại cho đúng nhé.")],
        [U("Câu trả lời trước của bạn về năm Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập bị sai. Hãy kiểm tra lại có dẫn nguồn rồi trả lời lại.")],
        [U("Bản sửa lỗi lúc nãy vẫn hỏng, giờ chạy báo KeyError: 'user_id' ở dòng 42. Sửa lại cho đúng đi.")],
        # id
        [U("Siapa presiden pertama Indonesia?"),
         A("Presiden pertama Indonesia adalah Soeharto."),
         U("Salah, itu presiden kedua. Coba jawab lagi yang benar.")],
        [U("Berapa hasil 0,1 + 0,2 di Python?"),
         A("Hasilnya tepat 0.3."),
         U("Nggak bener, di Python hasilnya 0.30000000000000004. Jelaskan ulang dengan benar.")],
        [U("Sebutkan 5 pulau terbesar di Indonesia."),
         A("Kalimantan, Sumatra, Papua."),
         U("Kurang lengkap, aku minta lima, kamu cuma kasih tiga. Ulangi.")],
        [U("Jawabanmu sebelumnya keliru. Tolong cek lagi pakai sumber yang jelas: kapan bahasa Indonesia ditetapkan sebagai bahasa persatuan?")],
        [U("Perbaikan kode yang tadi masih error, sekarang muncul TypeError: Cannot read properties of undefined (reading 'map'). Tolong perbaiki lagi.")],
        # pl
        [U("Kiedy Polska wstąpiła do Unii Europejskiej?"),
         A("Polska wstąpiła do UE w 2007 roku."),
         U("Źle, to było wcześniej. Sprawdź jeszcze raz.")],
        [U("Napisz zapytanie SQL, które zwróci klientów bez żadnych zamówień."),
         A("SELECT * FROM klienci JOIN zamowienia ON klienci.id = zamowienia.klient_id;"),
         U("To zwraca klientów Z zamówieniami, czyli dokładnie odwrotnie. Popraw to.")],
        [U("Odmień słowo 'kot' przez przypadki w liczbie pojedynczej."),
         A("Mianownik: kot, dopełniacz: kota, celownik: kotu."),
         U("Podałeś tylko trzy przypadki z siedmiu, odpowiedź jest niepełna. Dokończ.")],
        [U("Twoja poprzednia odpowiedź była błędna. Zweryfikuj ją ze źródłami: jak nazywa się najwyższy szczyt Tatr i ile ma metrów?")],
        [U("Ta poprawka dalej nie działa, teraz dostaję TypeError: 'NoneType' object is not subscriptable w funkcji parse_config. Napraw to.")],
        # nl
        [U("Hoeveel provincies heeft Nederland?"),
         A("Nederland heeft 11 provincies."),
         U("Dat klopt niet, het zijn er meer. Probeer het opnieuw.")],
        [U("Schrijf een regex die een Nederlandse postcode herkent, zoals 1234 AB."),
         A("^\\d{4}$"),
         U("Die mist de twee letters aan het eind. Fout, doe het nog een keer.")],
        [U("Wat is het verschil tussen 'hun' en 'hen'? Geef ook voorbeelden."),
         A("'Hen' gebruik je na een voorzetsel, 'hun' als meewerkend voorwerp."),
         U("Je bent de voorbeelden vergeten, het antwoord is onvolledig.")],
        [U("Je vorige antwoord was fout. Leg opnieuw uit, in gewone taal, hoe de hypotheekrenteaftrek werkt.")],
        [U("Hoeveel fietsen staan er op deze foto?", img=1),
         A("Ik tel er zeven."),
         U("Fout, het zijn er negen. Tel nog eens goed.")],
        [U("Je fix werkt nog steeds niet: ik krijg nu TypeError: Cannot read properties of null (reading 'addEventListener'). Repareer het alsjeblieft.")],
        # sv
        [U("När blev Sverige medlem i Nato?"),
         A("Sverige gick med i Nato 2022."),
         U("Fel, det var i mars 2024. Ansökan lämnades 2022. Rätta svaret.")],
        [U("Räkna ut 15 % moms på 840 kr."),
         A("Momsen blir 84 kr."),
         U("Det är 10 %, inte 15 %. Du har räknat fel, gör om.")],
        [U("Skriv en funktion i Python som kollar om ett ord är ett palindrom."),
         A("def palindrom(s):\n    return s == s[::-1]"),
         U("Den klarar inte 'Anna' med stor bokstav, så svaret är ofullständigt. Fixa det.")],
        [U("Ditt förra svar var fel. Kontrollera med källor: hur många landskap har Sverige?")],
        [U("Lösningen du gav funkar fortfarande inte, nu får jag TypeError: list indices must be integers or slices, not str. Laga koden.")],
        # es
        [U("¿Quién escribió 'Cien años de soledad'?"),
         A("Lo escribió Mario Vargas Llosa."),
         U("Nada que ver, ese no es el autor. Vuelve a intentarlo.")],
        [U("¿Cuánto es el 21 % de IVA sobre 350 €?"),
         A("Son 63 €."),
         U("Eso está mal, revisa la cuenta.")],
        [U("Dame los pasos para cambiar la contraseña del wifi en un router TP-Link."),
         A("1. Entra en 192.168.0.1 desde el navegador."),
         U("Te quedaste en el primer paso, la respuesta está incompleta. Sigue con los demás.")],
        [U("Tu respuesta anterior estaba equivocada. Verifícala con fuentes: ¿en qué año se aprobó la Constitución española actual?")],
        [U("El arreglo que me diste sigue fallando, ahora me sale TypeError: undefined is not a function en la línea del forEach. Corrígelo.")],
        [S("Eres un asistente de programación. Responde en español."),
         U("¿Cómo ordeno un diccionario por valor en Python?"),
         A("Usa sorted(d)."),
         U("Eso ordena por clave, no por valor. Incorrecto, arréglalo.")],
        # pt
        [U("Qual é o maior estado do Brasil em área?"),
         A("O maior estado do Brasil é Minas Gerais."),
         U("Tá errado, é o Amazonas. Corrige aí.")],
        [U("Quantos concelhos tem Portugal?"),
         A("Portugal tem 278 concelhos."),
         U("Incompleto: esse número é só do continente, faltam os Açores e a Madeira. Responde outra vez.")],
        [U("Escreve uma função em Java que devolva o maior elemento de um array."),
         A("int max(int[] a) { int m = 0; for (int x : a) if (x > m) m = x; return m; }"),
         U("Está errado para arrays só com números negativos. Volta a fazer.")],
        [U("Sua resposta anterior estava errada. Verifique com fontes: em que ano foi assinada a Lei Áurea?")],
        [U("A correção que você mandou ainda dá erro, agora aparece TypeError: Cannot read properties of undefined (reading 'length'). Conserta o código.")],
        # fr
        [U("Quelle est la préfecture du Calvados ?"),
         A("La préfecture du Calvados est Rouen."),
         U("Non, c'est faux, Rouen c'est la Seine-Maritime. Réessaie.")],
        [U("Conjugue 'aller' au passé simple."),
         A("J'allai, tu allas, il alla."),
         U("Il manque le pluriel, ta réponse est incomplète.")],
        [U("Calcule la dérivée de ln(x² + 1)."),
         A("1 / (x² + 1)"),
         U("C'est faux, tu as oublié de dériver l'intérieur. Recommence.")],
        [U("Ta réponse précédente était fausse. Vérifie-la avec des sources : en quelle année les femmes ont-elles voté pour la première fois en France ?")],
        [U("Le correctif ne marche toujours pas, j'ai maintenant TypeError: 'int' object is not iterable à la ligne 17. Répare-le.")],
        # de
        [U("Wie viele Bundesländer hat Österreich?"),
         A("Österreich hat 16 Bundesländer."),
         U("Quatsch, das ist Deutschland. Nochmal richtig bitte.")],
        [U("Schreib mir eine Bash-Schleife, die alle .jpg-Dateien in .png umwandelt."),
         A("for f in *.jpg; do mv \"$f\" \"${f%.jpg}.png\"; done"),
         U("Das benennt die Dateien nur um, konvertiert aber nichts. Falsch, mach's richtig.")],
        [U("Nenne die fünf größten Städte der Schweiz."),
         A("Zürich, Genf, Basel."),
         U("Da fehlen zwei, die Antwort ist unvollständig.")],
        [U("Deine vorherige Antwort war falsch. Überprüf das bitte mit Quellen: Wann trat das Grundgesetz in Kraft?")],
        [U("Der Fix ist immer noch kaputt, jetzt kommt TypeError: Object of type datetime is not JSON serializable. Reparier das.")],
        # it
        [U("Qual è il lago più grande d'Italia?"),
         A("Il lago più grande d'Italia è il lago di Como."),
         U("Sbagliato, è il lago di Garda. Correggi.")],
        [U("Scrivi una query che conti gli utenti registrati per mese."),
         A("SELECT COUNT(*) FROM utenti;"),
         U("Così conti tutti gli utenti, non per mese. Non è quello che ho chiesto, riprova.")],
        [U("Elenca i sette re di Roma."),
         A("Romolo, Numa Pompilio, Tullo Ostilio, Anco Marzio."),
         U("Ne mancano tre, risposta incompleta. Completa l'elenco.")],
        [U("La tua risposta di prima era sbagliata. Spiegami di nuovo, in parole semplici, come funziona il 730 precompilato.")],
        [U("La correzione che mi hai dato fallisce ancora: TypeError: can only concatenate str (not \"int\") to str. Sistemala.")],
    ]

    # -----------------------------------------------------------------------
    # image_understanding (image attached: identify, read, count, solve, react)
    # -----------------------------------------------------------------------
    D["image_understanding"] = [
        # tr
        [U("Bu fotoğraftaki kuş hangi tür?", img=1)],
        [U("Faturadaki toplam tutar ne kadar, KDV dahil mi?", img=1)],
        [U("Şu kediye bak ya, tam bir tembel 😂", img=1)],
        [S("Sen bir matematik öğretmeni asistanısın."),
         U("Fotoğraftaki geometri sorusunu çözebilir misin? Üçgenin içindeki açıyı bulamadım.", img=1)],
        [U("Yarın İzmir'e gidiyorum."),
         A("Harika! Kordon'da yürüyüş yapmayı unutma."),
         U("Bu ekran görüntüsündeki otobüs saatlerine göre sabah 9'dan sonraki ilk sefer kaçta?", img=1)],
        # vi
        [U("Đây là cây gì vậy? Mình thấy mọc đầy ở vườn nhà.", img=1)],
        [U("Đọc giúp mình nội dung trên tờ giấy này, chữ viết tay khó đọc quá.", img=1)],
        [U("Nhìn con chó nhà mình nè, nó vừa cắn nát đôi dép 🤦", img=1)],
        [U("Biểu đồ này cho thấy doanh thu quý nào cao nhất?", img=1)],
        [U("Hôm nay bạn khỏe không?"),
         A("Mình ổn, cảm ơn bạn! Bạn cần giúp gì?"),
         U("Giải bài toán trong ảnh này giúp mình, bài hình học lớp 9.", img=1)],
        # id
        [U("Ini makanan apa ya? Aku makan ini di Medan kemarin.", img=1)],
        [U("Tolong bacain tulisan di papan pengumuman ini, fotonya agak buram.", img=1)],
        [U("Lihat deh sunset di Bali tadi sore, cakep banget kan 😍", img=1)],
        [S("Kamu asisten belanja online."),
         U("Dari dua produk di foto ini, mana yang kapasitas baterainya lebih besar?", img=2)],
        [U("Error apa ini di layar laptopku? Muncul pas aku nyalain.", img=1)],
        # pl
        [U("Co to za grzyb? Znalazłem go dziś w lesie koło Olsztyna.", img=1)],
        [U("Przepisz pozycje z tego paragonu do tabelki.", img=1)],
        [U("Zobacz, jaki tort upiekłam na urodziny córki 🎂", img=1)],
        [U("Rozwiąż zadanie z tej kartki, to z matury rozszerzonej.", img=1)],
        [U("Szukam mieszkania w Krakowie."),
         A("Powodzenia! Zwróć uwagę na dojazd i wysokość czynszu administracyjnego."),
         U("Co jest napisane w tym ogłoszeniu o czynszu i kaucji?", img=1)],
        # nl
        [U("Wat voor vogel is dit? Zat vanochtend in mijn tuin in Utrecht.", img=1)],
        [U("Kun je de tekst van deze brief van de gemeente samenvatten?", img=1)],
        [U("kijk mijn nieuwe fiets haha, eindelijk een bakfiets", img=1)],
        [S("Je bent een assistent voor een bouwmarkt."),
         U("Welk onderdeel van deze montagehandleiding moet ik nu doen? Ik ben bij stap 5.", img=1)],
        [U("Welke bus moet ik nemen volgens deze dienstregeling om voor 9 uur op het station te zijn?", img=1)],
        # sv
        [U("Vad är det här för svamp? Hittade den i skogen utanför Umeå.", img=1)],
        [U("Kan du läsa vad det står på skylten? Det är på finska.", img=1)],
        [U("Kolla vilken gädda jag fick idag 🎣", img=1)],
        [U("Vad visar det här diagrammet om elpriset under vintern?", img=1)],
        [U("Hej!"),
         A("Hej! Vad kan jag hjälpa till med?"),
         U("Vilket drag är bäst för svart i den här schackställningen?", img=1)],
        # es
        [U("¿Qué pone en este cartel? No entiendo la letra.", img=1)],
        [U("Mira el perrito que adoptamos, ¿a que es una monada? 🐶", img=1)],
        [U("¿Me puedes pasar a texto la tabla de esta captura?", img=1)],
        [U("Resuelve el ejercicio de la foto, es de física de bachillerato y no me sale.", img=1)],
        [S("Eres un asistente para una tienda de electrónica."),
         U("¿Qué modelo de auriculares es este? Lo vi en una tienda y no tenía etiqueta.", img=1)],
        [U("¿Cuánto cuesta un billete de metro en Madrid?"),
         A("Un billete sencillo cuesta entre 1,50 y 2 € según el número de estaciones."),
         U("Vale, ¿y qué línea tengo que coger según este mapa para llegar a Sol?", img=1)],
        # pt
        [U("Que planta é essa? Apareceu no meu quintal.", img=1)],
        [U("Olha o bolo que eu fiz, ficou lindo né? 😋", img=1)],
        [U("Consegues ler o que diz nesta fatura da luz? Quero saber o valor a pagar.", img=1)],
        [U("Resolve a questão da foto, é de geometria e tô travado faz uma hora.", img=1)],
        [U("Fui a Lisboa no mês passado."),
         A("Que bom! Lisboa é linda, sobretudo Alfama."),
         U("Que monumento é este que aparece ao fundo da foto?", img=1)],
        # fr
        [U("C'est quoi comme champignon ? Trouvé ce matin en forêt.", img=1)],
        [U("Tu peux me traduire le menu sur cette photo ? C'est en japonais.", img=1)],
        [U("Regarde mon chat qui dort dans le panier à linge 😂", img=1)],
        [S("Tu es un assistant comptable."),
         U("Peux-tu extraire les montants de cette facture et me dire le total TTC ?", img=1)],
        [U("Que signifie ce voyant allumé sur mon tableau de bord ?", img=1)],
        # de
        [U("Was steht auf diesem Schild? Ich kann kein Polnisch.", img=1)],
        [U("Welche Pflanze ist das? Wächst bei uns am Gartenzaun.", img=1)],
        [U("Guck mal, unser Hund im Schnee 😂", img=1)],
        [U("Erklär mir bitte, was diese Schaltung macht.", img=1)],
        [U("Ich lerne gerade für die Führerscheinprüfung."),
         A("Viel Erfolg! Die Theorie ist mit etwas Übung gut machbar."),
         U("Wer hat auf diesem Bild Vorfahrt?", img=1)],
        # it
        [U("Che uccello è questo? L'ho visto sul balcone.", img=1)],
        [U("Leggimi cosa c'è scritto su questa etichetta del vino.", img=1)],
        [U("Guarda la pizza che ho fatto stasera 🍕", img=1)],
        [U("Riassumi questa slide in tre punti.", img=1)],
        [S("Sei un assistente per studenti."),
         U("Puoi risolvere l'esercizio di chimica nella foto? È il numero 4.", img=1)],
    ]

    # -----------------------------------------------------------------------
    # image_question (the user's appearance or surroundings; camera frames)
    # -----------------------------------------------------------------------
    D["image_question"] = [
        # tr
        [U("Bu gömlek bana yakışmış mı? Akşam bir davete gideceğim.", img=1)],
        [U("Masamın düzeni ergonomik mi sence?", img=1)],
        [S("Sen kullanıcının kamerasını görebilen bir asistansın."),
         U("Arkamda ne var, dağınık görünüyor mu?")],
        [U("Saçımı yeni kestirdim, nasıl olmuş? Dürüst ol.", img=1)],
        "Bana bir bak, bu kıyafet iş görüşmesi için uygun mu?",
        # vi
        [U("Mình mặc bộ này đi phỏng vấn được không?", img=1)],
        [U("Phòng mình trông có bừa bộn quá không?", img=1)],
        [U("Bạn thấy kiểu tóc mới của mình thế nào?", img=1)],
        [S("Bạn là trợ lý trên kính thông minh, có thể nhìn thấy những gì người dùng thấy."),
         U("mình đang đứng ở đâu vậy, con đường này tên gì?")],
        "Nhìn mình xem, mình có trông mệt mỏi không?",
        # id
        [U("Outfit aku hari ini cocok nggak buat kondangan?", img=1)],
        [U("Kamarku kelihatan rapi nggak? Mau ada tamu nih.", img=1)],
        [U("Posisi dudukku udah bener belum pas kerja di laptop?", img=1)],
        [S("Kamu asisten dengan akses ke kamera pengguna."),
         U("Tolong lihat, di meja depanku ada kunci motor nggak?")],
        "Kerudungku udah rapi belum? Aku mau berangkat sekarang.",
        # pl
        [U("Czy ta marynarka dobrze na mnie leży?", img=1)],
        [U("Czy moje biurko jest dobrze oświetlone do pracy?", img=1)],
        [U("Jak wyglądam? Idę zaraz na randkę.", img=1)],
        [S("Jesteś trenerem personalnym z dostępem do kamery użytkownika."),
         U("Sprawdź, czy dobrze robię przysiad, kolana nie uciekają mi do środka?")],
        "Co widzisz za mną na półce?",
        # nl
        [U("Staat deze jurk me goed? Het is voor een bruiloft.", img=1)],
        [U("Hoe vind je mijn werkplek? Moet mijn scherm hoger?", img=1)],
        [U("Zie ik er moe uit? Slecht geslapen vannacht.", img=1)],
        [S("Je bent een assistent met toegang tot de camera van de gebruiker."),
         U("Is mijn woonkamer opgeruimd genoeg voor de bezichtiging straks?")],
        "Zit mijn haar goed zo? Ik moet zo een presentatie geven.",
        # sv
        [U("Passar den här jackan mig eller är den för stor?", img=1)],
        [U("Hur ser mitt rum ut? Vill göra det mysigare.", img=1)],
        [U("Är mitt skägg jämnt nu efter trimningen?", img=1)],
        [S("Du är en assistent i smarta glasögon och ser det användaren ser."),
         U("vilken busshållplats står jag vid nu?")],
        "Ser jag okej ut för videomötet? Syns det att jag har pyjamasbyxor? 😅",
        # es
        [U("¿Qué tal me queda este vestido para una boda de día?", img=1)],
        [U("¿Se ve muy desordenado mi cuarto? Viene mi suegra.", img=1)],
        [U("Oye, ¿tengo bien puesta la corbata?", img=1)],
        [S("Eres un entrenador personal con acceso a la cámara del usuario."),
         U("¿Estoy haciendo bien la plancha o tengo la cadera muy alta?")],
        "¿Qué ves en mi escritorio? No encuentro las llaves por ningún lado.",
        # pt
        [U("Essa roupa fica bem em mim pra uma entrevista?", img=1)],
        [U("Achas que a minha sala tem luz suficiente para gravar vídeos?", img=1)],
        [U("Meu cabelo tá muito bagunçado? Tenho call em 5 minutos.", img=1)],
        [S("És um assistente com acesso à câmara do telemóvel do utilizador."),
         U("O que é que está na prateleira atrás de mim?")],
        "Tô com olheiras? Fala a verdade.",
        # fr
        [U("Est-ce que cette chemise me va bien ?", img=1)],
        [U("Mon bureau est assez rangé pour la visio de tout à l'heure ?", img=1)],
        [U("J'ai l'air fatigué aujourd'hui ?", img=1)],
        [S("Tu es un assistant intégré à des lunettes connectées. Tu vois ce que voit l'utilisateur."),
         U("C'est quoi le magasin devant moi, il est ouvert ?")],
        "Regarde ma posture, est-ce que je me tiens bien droit devant l'ordi ?",
        # de
        [U("Steht mir die Brille? Ich bin mir unsicher.", img=1)],
        [U("Wie findest du mein Wohnzimmer? Was würdest du umstellen?", img=1)],
        [U("Sitzt mein Anzug richtig an den Schultern?", img=1)],
        [S("Du bist ein Fitness-Coach mit Zugriff auf die Kamera des Nutzers."),
         U("Mach ich das Kreuzheben gerade richtig? Ist mein Rücken gerade?")],
        "Siehst du, ob ich noch Zahnpasta am Mundwinkel habe? 😅",
        # it
        [U("Come mi sta questo vestito per la laurea di mia sorella?", img=1)],
        [U("La mia cucina ti sembra abbastanza pulita per l'ispezione di domani?", img=1)],
        [U("Ho le occhiaie? Sii sincero.", img=1)],
        [S("Sei un assistente su occhiali smart e vedi quello che vede l'utente."),
         U("In che piazza mi trovo adesso?")],
        "Guardami: la barba è pari da tutte e due le parti?",
    ]

    # -----------------------------------------------------------------------
    # image_generation (from text, from an input image, follow-up edits)
    # -----------------------------------------------------------------------
    D["image_generation"] = [
        # tr
        "İstanbul Boğazı'nda gün batımında bir vapuru yağlı boya tablo tarzında çiz.",
        "Kahve dükkanım 'Fincan' için minimalist bir logo tasarla, toprak tonlarında olsun.",
        [U("Bu fotoğrafı anime tarzına çevir.", img=1)],
        [U("Kapadokya'ya ne zaman gitmeliyim?"),
         A("Balon turları için en iyi dönem nisan–haziran ve eylül–kasım arasıdır."),
         U("Süper. Şimdi bana gün doğumunda balonlarla dolu Kapadokya'nın bir resmini oluştur.")],
        [S("Sen görsel üretme aracına erişimi olan yaratıcı bir asistansın."),
         U("Kızımın doğum günü için bir davetiye görseli yap: uzayda pastayla uçan bir kedi, pastel renkler.")],
        # vi
        "Vẽ cho mình một bức tranh phố cổ Hội An về đêm với đèn lồng, phong cách màu nước.",
        "Tạo logo cho quán bánh mì 'Bánh Mì Cô Ba', đơn giản, màu vàng và đỏ.",
        [U("Biến ảnh này thành tranh theo phong cách Van Gogh giúp mình.", img=1)],
        [U("Vẽ một chú mèo đang ngủ trên sofa."),
         A("Đây là hình ảnh một chú mèo mướp cuộn tròn ngủ trên chiếc sofa màu xám."),
         U("Đẹp quá! Giờ vẽ thêm một bản khác nhưng con mèo đội mũ ông già Noel nhé.")],
        [U("Dựa vào ảnh chụp con chó nhà mình, tạo một nhân vật hoạt hình dễ thương nhé.", img=1)],
        # id
        "Buatin gambar kucing oren pakai blangkon, gaya kartun lucu.",
        "Tolong gambarkan ilustrasi sawah terasering di Bali saat pagi berkabut, realistis.",
        [U("Hapus latar belakang foto ini dan ganti dengan pantai.", img=1)],
        [U("Aku mau bikin usaha kopi susu namanya 'Senja Kopi'."),
         A("Nama yang bagus! Terdengar hangat dan santai."),
         U("Bikinin logonya dong, ada cangkir dan matahari terbenam.")],
        [S("Kamu adalah asisten desain."),
         U("Buat poster acara 17 Agustusan di kampung, ada lomba panjat pinang dan balap karung, warna merah putih.")],
        # pl
        "Narysuj smoka śpiącego na stosie pierogów, styl bajkowy.",
        "Wygeneruj obraz Starego Miasta w Gdańsku zimą, w stylu akwareli.",
        [U("Zrób z tego zdjęcia portret w stylu renesansowym.", img=1)],
        [U("Wygeneruj logo dla mojej piekarni 'Złoty Kłos'."),
         A("Oto logo: złoty kłos pszenicy nad napisem 'ZŁOTY KŁOS' w ciemnobrązowym kolorze."),
         U("Zmień kolory na zielony i kremowy, a czcionkę na bardziej nowoczesną.")],
        [U("Pokoloruj to stare czarno-białe zdjęcie dziadków.", img=1)],
        # nl
        "Teken een molen aan een bevroren sloot met schaatsers, in de stijl van een oud Hollands schilderij.",
        "Maak een afbeelding van een kat die op een fiets door Amsterdam rijdt.",
        [U("Kun je van deze foto van mijn tuin een ontwerp maken met een vijver en meer groen?", img=1)],
        [U("Wat is een goede naam voor een podcast over tuinieren?"),
         A("Wat dacht je van 'Groene Vingers'?"),
         U("Leuk! Ontwerp er een coverafbeelding bij met een gieter en bloemen.")],
        [S("Je bent een creatieve assistent met een beeldgeneratie-tool."),
         U("Genereer een verjaardagskaart met ballonnen en de tekst 'Gefeliciteerd Sanne!'")],
        # sv
        "Rita en älg som står i en dimmig skog i gryningen, realistisk stil.",
        "Skapa en bild av en röd stuga vid en sjö under midnattssolen.",
        [U("Gör om den här bilden till pixelkonst.", img=1)],
        [U("Rita ett slott på ett berg."),
         A("Här är bilden: ett grått stenslott på en bergstopp under en klarblå himmel."),
         U("Snyggt! Gör en version till fast på natten med norrsken.")],
        [U("Här är en skiss på en logga jag har gjort. Kan du göra en ren vektorversion av den?", img=1)],
        # es
        "Hazme un dibujo de un ajolote con gafas de sol en una playa de Cancún.",
        "Genera una ilustración de la Alhambra al atardecer, estilo acuarela.",
        [U("Convierte esta foto en un retrato estilo Pixar.", img=1)],
        [U("¿Qué es el Día de Muertos?"),
         A("Es una celebración mexicana en la que se honra a los difuntos con altares, flores de cempasúchil y comida."),
         U("Qué bonito. Créame una imagen de un altar de Día de Muertos con velas y cempasúchil.")],
        [S("Eres un asistente creativo con herramienta de generación de imágenes."),
         U("Diséñame el logo de mi food truck 'Tacos El Güero', estilo retro.")],
        [U("Añade un arcoíris y unos globos al cielo de esta foto.", img=1)],
        # pt
        "Desenha um gato tomando chimarrão num dia de frio, estilo cartoon.",
        "Cria uma imagem de um elétrico amarelo a subir uma rua de Lisboa ao pôr do sol.",
        [U("Transforma essa foto minha num avatar estilo anime.", img=1)],
        [U("Me dá uma ideia de nome para uma loja de açaí."),
         A("Que tal 'Roxo Tropical'?"),
         U("Adorei! Agora gera um logo pra ela, com uma tigela de açaí e folhas de palmeira.")],
        [U("Põe um céu estrelado nesta fotografia em vez das nuvens.", img=1)],
        # fr
        "Dessine-moi un mouton, façon Petit Prince.",
        "Génère une affiche pour un festival de jazz à Marciac, style art déco.",
        [U("Transforme cette photo de mon salon en version style industriel.", img=1)],
        [U("Génère une image d'un phare breton dans la tempête."),
         A("Voici l'image : un phare blanc et rouge battu par de grosses vagues sous un ciel sombre."),
         U("Super. Refais-la au lever du soleil avec une mer calme.")],
        [S("Tu es un assistant créatif capable de générer des images."),
         U("Crée une illustration pour la couverture de mon roman : une forêt enneigée avec une cabane éclairée.")],
        # de
        "Mal mir ein Bild von einem Fuchs, der in einer Bäckerei Brezeln backt.",
        "Erstelle ein Logo für meine Imkerei 'Summhof', schlicht, honiggelb.",
        [U("Mach aus diesem Foto ein Aquarell.", img=1)],
        [U("Welche Farbe hat der Rhein bei Basel?"),
         A("Meist grünlich-blau, nach starkem Regen eher braun."),
         U("Schön. Generier mir ein Bild vom Rhein bei Basel mit den Fähren im Abendlicht.")],
        [U("Hier ist ein Foto von meinem Wohnzimmer. Zeig mir als Bild, wie es im skandinavischen Stil aussehen würde.", img=1)],
        # it
        "Disegna un gatto che mangia spaghetti in una trattoria romana, stile fumetto.",
        "Crea un'immagine delle Cinque Terre al tramonto, stile pittura a olio.",
        [U("Trasforma questa foto in un dipinto in stile Caravaggio.", img=1)],
        [U("Genera un logo per la mia gelateria 'Dolce Vita'."),
         A("Ecco il logo: un cono gelato stilizzato con la scritta 'Dolce Vita' in corsivo rosa."),
         U("Rendi i colori più pastello e aggiungi una Vespa.")],
        [S("Sei un assistente creativo."),
         U("Fammi un'illustrazione per il compleanno di mio nonno: un pescatore su una barca al tramonto.")],
    ]

    # -----------------------------------------------------------------------
    # other (simple tasks; negated intents; plain engineering explanations;
    # image/photo/draw words without an image and without asking for one)
    # -----------------------------------------------------------------------
    D["other"] = [
        # tr
        "Ankara'nın plaka kodu kaç?",
        "CAP teoremini tek bir örnekle açıklar mısın?",
        "Mikroservislerde REST mi gRPC mi daha iyi? Ödünleşimleri analiz etme, tek cümleyle cevap ver.",
        "API dokümanındaki 'image_url' ve 'tool_choice' alanları ne işe yarıyor? Kısaca açıkla.",
        [U("Bu resimde ne var?", img=1),
         A("Masanın üzerinde bir demlik ve iki ince belli çay bardağı var."),
         U("Teşekkürler. Çayı demlemek için su kaç derece olmalı?")],
        [S("Sen bir seyahat asistanısın."),
         U("İstanbul'dan Kapadokya'ya otobüsle kaç saat sürüyor?")],
        # vi
        "Dịch câu 'Chúc mừng năm mới' sang tiếng Anh.",
        "Giải thích cân bằng tải (load balancing) là gì, kèm một ví dụ đơn giản.",
        "Nên dùng MySQL hay PostgreSQL cho blog cá nhân? Đừng phân tích dài dòng, trả lời một câu thôi.",
        "Định dạng ảnh WebP khác gì JPEG? Mình chỉ cần biết ngắn gọn để chọn khi lưu file.",
        [U("Vẽ cho mình một con rồng."),
         A("Đây là hình một con rồng xanh đang bay trên biển mây."),
         U("Con rồng trong văn hóa Việt Nam tượng trưng cho điều gì?")],
        [S("Bạn là trợ lý cho nhân viên văn phòng."),
         U("Viết giúp mình email xin nghỉ phép ngày thứ Sáu, giọng lịch sự.")],
        # id
        "Ibu kota baru Indonesia namanya apa dan ada di provinsi mana?",
        "Jelaskan apa itu Docker container dengan bahasa sederhana.",
        "Jangan analisis kelebihan dan kekurangannya ya, jawab satu kalimat saja: lebih baik React atau Vue untuk proyek kecil?",
        "Kenapa tag gambar di HTML perlu atribut alt? Jelasin singkat aja.",
        [U("Lihat foto sarapanku ini!", img=1),
         A("Wah, nasi uduk lengkap dengan telur balado dan tempe orek, kelihatan enak!"),
         U("Hehe iya. Resep telur balado yang simpel gimana?")],
        [S("Kamu adalah asisten HR."),
         U("Buatkan template pengumuman libur Idulfitri untuk karyawan.")],
        # pl
        "Ile to jest 75 stopni Fahrenheita w stopniach Celsjusza?",
        "Wyjaśnij, czym jest replikacja master-slave w bazach danych, na jednym przykładzie.",
        "Czy Kafka jest lepsza od RabbitMQ do prostych powiadomień? Bez analizy za i przeciw, odpowiedz jednym zdaniem.",
        "Jak zmniejszyć rozmiar pliku PDF ze zdjęciami przed wysłaniem mailem?",
        [U("Wygeneruj obrazek zachodu słońca nad Bałtykiem."),
         A("Oto obraz: pomarańczowe słońce zachodzące nad spokojnym morzem, na pierwszym planie wydmy."),
         U("Dzięki. Dlaczego Bałtyk jest mniej słony niż inne morza?")],
        [S("Jesteś asystentem obsługi klienta sklepu internetowego."),
         U("Jak mogę zwrócić towar kupiony przez internet?")],
        # nl
        "Zeg je 'groter als' of 'groter dan'?",
        "Leg uit wat een message queue is, met één voorbeeld.",
        "Moet ik Terraform of Pulumi gebruiken? Geen afwegingen analyseren, gewoon één zin.",
        "Hoe teken je in Excel een grafiek met twee y-assen?",
        [U("Wat zie je op deze foto?", img=1),
         A("Een grachtenpand met een rode deur en fietsen ervoor."),
         U("Leuk. Hoe oud zijn de meeste grachtenpanden in Amsterdam?")],
        [S("Je bent een assistent voor een reisbureau."),
         U("Heb ik een visum nodig voor Japan met een Nederlands paspoort?")],
        # sv
        "Vad är skillnaden mellan 'de' och 'dem'?",
        "Förklara vad en DNS-server gör, med ett enkelt exempel.",
        "Ska vi köra monorepo eller polyrepo? Analysera inte för- och nackdelar, svara med en mening.",
        "Hur tar man en skärmdump på en Windows-dator?",
        [U("Rita en tecknad katt."),
         A("Här är en tecknad orange katt med stora gröna ögon som sitter i en fönsterkarm."),
         U("Tack! Hur länge lever katter i genomsnitt?")],
        [S("Du är en assistent för ett kommunalt bibliotek."),
         U("Skriv ett kort meddelande om att biblioteket har stängt på midsommarafton.")],
        # es
        "¿Cuál es el río más largo de España?",
        "Explícame qué es un índice en una base de datos, con un ejemplo sencillo.",
        "No me analices pros y contras, dime en una frase: ¿en Valencia conviene más alquilar o comprar piso?",
        "¿Por qué en la API de OpenAI el campo se llama 'image_url' aunque le pase un base64? Respuesta corta, porfa.",
        [U("Genera una imagen de un faro en Galicia."),
         A("Aquí tienes: un faro blanco sobre un acantilado de la Costa da Morte, con el mar embravecido."),
         U("Gracias. ¿Cuál es el faro en funcionamiento más antiguo de España?")],
        [S("Eres un asistente de cocina."),
         U("¿Cuánto tiempo hay que cocer un huevo para que quede duro?")],
        # pt
        "Qual é a diferença entre 'mas' e 'mais'?",
        "Explica o que é uma chave estrangeira em SQL, com um exemplo.",
        "Sem analisar vantagens e desvantagens, responde numa frase: vale a pena usar TypeScript num projeto pequeno?",
        "Como faço pra converter um arquivo HEIC do iPhone em JPG no Windows?",
        [U("O que tem nesta foto?", img=1),
         A("Um prato de feijoada com arroz, couve e laranja."),
         U("Hmm que fome. Qual é a origem da feijoada?")],
        [S("Você é um assistente de viagens."),
         U("Preciso de passaporte para ir do Brasil para a Argentina?")],
        # fr
        "Quelle est la différence entre « quand » et « quant » ?",
        "Explique-moi ce qu'est un cache LRU, avec un exemple.",
        "Ne fais pas d'analyse approfondie, réponds en une phrase : Rust ou Go pour un petit outil en ligne de commande ?",
        "Rédige une légende courte et mignonne pour une photo de mariage sur Instagram.",
        [U("Dessine un croissant avec des lunettes."),
         A("Voici un croissant doré qui porte de petites lunettes rondes."),
         U("Haha génial. Au fait, le croissant est vraiment d'origine autrichienne ?")],
        [S("Tu es l'assistant d'une banque en ligne."),
         U("Comment faire opposition sur ma carte bancaire ?")],
        # de
        "Wie viele Einwohner hat Hamburg ungefähr?",
        "Erklär mir kurz, was ein Reverse Proxy ist, mit einem Beispiel.",
        "Bitte keine Abwägung von Vor- und Nachteilen, nur ein Satz: Lohnt sich eine Wärmepumpe im Altbau?",
        "Was ist der Unterschied zwischen Rastergrafik und Vektorgrafik?",
        [U("Was ist auf dem Bild?", img=1),
         A("Ein Teller mit Currywurst und Pommes, daneben ein kleines Bier."),
         U("Danke. Seit wann gibt es die Currywurst eigentlich?")],
        [S("Du bist ein Assistent für Steuerfragen."),
         U("Bis wann muss ich meine Steuererklärung abgeben, wenn ich keinen Steuerberater habe?")],
        # it
        "Qual è la differenza tra 'c'è' e 'ce'?",
        "Spiegami cos'è lo sharding di un database, con un esempio.",
        "Non analizzare pro e contro, dimmi solo in una frase se da Milano a Roma conviene il treno o l'aereo.",
        "Come si ridimensiona un'immagine in Photoshop senza perdere qualità?",
        [U("Disegna un cannolo siciliano."),
         A("Ecco un cannolo croccante ripieno di ricotta, con scorza d'arancia candita e granella di pistacchio."),
         U("Buonissimo. Qual è la ricetta tradizionale della crema di ricotta?")],
        [S("Sei un assistente per un'agenzia immobiliare."),
         U("Cosa sono le spese di rogito?")],
    ]

    return D
