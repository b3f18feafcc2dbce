"""Hand-written training conversations for the mmrouter dev set (concepts batch C).

Routes covered: image_generation, chit_chat, image_understanding, image_question.
Languages: English, Spanish, French, German, Portuguese (BR and PT), Italian,
Dutch, Swedish, Polish, Turkish, Vietnamese, Indonesian.

Each language's items were written fresh for that language, with local
topics, foods, places and idioms; they are not translations of one list and
share no templates. The data targets the image routes and small talk:
text-only requests to draw or design something, follow-ups that ask for a
changed picture without saying "image" again, transformations of an attached
photo (image_generation); thanks after an answer, short greetings and small
talk about the user's day (chit_chat); screenshots, slides, charts, receipts,
products, plants and board positions to read (image_understanding); photos of
the user or their surroundings (image_question). Labelled by the latest user
turn. Standard library only; use conversations(U, A, S) with the helpers from
build.py.
"""


def conversations(U, A, S):
    """route name -> list of items; an item is a str (one user turn) or a list of messages."""
    D = {"image_generation": [], "chit_chat": [], "image_understanding": [], "image_question": []}

    # =======================================================================
    # en
    # =======================================================================
    D["image_generation"] += [
        "Design a logo for my food truck 'Brisket Brothers' - smoky, retro Texas vibe, two cartoon cowboys and a flame, works on a black background.",
        [U("Draw a portrait of a grumpy old lighthouse keeper with a white beard, oil painting style."),
         A("Here's your lighthouse keeper: weathered face, thick white beard, yellow oilskin, lamp glowing behind him."),
         U("love it. now make him full-length, standing on the rocks holding a fishing rod")],
        [U("Can you generate a cosy reading nook in a treehouse, autumn leaves, warm light?"),
         A("Done - a small wooden treehouse room with a window seat, stacked books and orange leaves drifting past."),
         U("same thing but at night during a thunderstorm, with a lantern on the shelf")],
        [U("Turn this photo of me and my dog into a Pixar-style cartoon, keep his floppy ears", img=1)],
    ]
    D["chit_chat"] += [
        [U("Why does the moon look bigger near the horizon?"),
         A("It's the moon illusion: the moon is the same size in the sky, but your brain judges it against trees and buildings near the horizon and perceives it as larger."),
         U("beautiful explanation, my professor should honestly take notes 😂")],
        "yo what's up",
        "ugh, just got back from a 9-hour shift and the train was cancelled twice. how's your day going?",
    ]
    D["image_understanding"] += [
        [U("Can you summarise this slide from my lecture in two or three bullet points? I zoned out.", img=1)],
        [U("White to move. What's the best continuation here?", img=1)],
    ]
    D["image_question"] += [
        [U("Wedding next Saturday, garden ceremony. Is this suit too much or does it work?", img=1)],
        [U("This is my home office setup. Anything I should change for my back? I'm sore by 3pm every day.", img=1)],
    ]

    # =======================================================================
    # es
    # =======================================================================
    D["image_generation"] += [
        "Hazme un cartel para las fiestas de mi pueblo en agosto: verbena, farolillos, una orquesta y la plaza llena, estilo años 60.",
        [U("Dibuja un dragón pequeñito comiendo churros con chocolate."),
         A("Aquí lo tienes: un dragoncito verde sentado en una mesa de bar, mojando un churro en la taza."),
         U("jajaja genial, ahora ponle una bufanda del Betis y que esté en el Benito Villamarín")],
        [U("Crea una ilustración de una casa rural en los Picos de Europa con vacas pastando."),
         A("Listo: una casona de piedra con balcón de madera, prados verdes y vacas asturianas al fondo."),
         U("Lo mismo pero nevado, en pleno enero, con humo saliendo de la chimenea")],
        [U("¿Puedes convertir esta foto mía en un cuadro al estilo de Velázquez? Con gorguera y todo", img=1)],
    ]
    D["chit_chat"] += [
        [U("¿Por qué se dice 'estar en Babia'?"),
         A("Viene de la comarca de Babia, en León, donde los reyes de León iban a descansar y desconectar de los asuntos de la corte."),
         U("¡Qué crack! Mañana se lo suelto a mi suegro en la comida, gracias 😄")],
        "¿qué pasa, tío?",
        "Buf, hoy he tenido tres reuniones seguidas y encima me he dejado el táper en casa. ¿Tú qué tal?",
    ]
    D["image_understanding"] += [
        [U("Me ha llegado esta factura de la luz y no entiendo por qué es tan alta. ¿Me explicas los conceptos?", img=1)],
        [U("Esta planta la compré en el Lidl y se le están poniendo las hojas amarillas. ¿Qué le pasa?", img=1)],
    ]
    D["image_question"] += [
        [U("Tengo una entrevista en un banco el lunes, ¿voy bien así o me cambio?", img=1)],
        [U("Me acabo de cortar el pelo en la peluquería del barrio... sinceramente, ¿me queda bien o lo dejo crecer?", img=1)],
    ]

    # =======================================================================
    # fr
    # =======================================================================
    D["image_generation"] += [
        "Dessine-moi une affiche pour la fête de la musique dans mon quartier, style Toulouse-Lautrec, avec un accordéoniste et des guirlandes.",
        [U("Génère un chat roux qui fait la sieste sur un radiateur dans un appart parisien."),
         A("Voilà : un gros chat roux étalé sur un radiateur en fonte, fenêtre avec vue sur les toits en zinc."),
         U("trop mignon ! maintenant fais-le avec un béret et une baguette sous la patte")],
        [U("Tu peux me créer une illustration d'une boulangerie à l'ancienne pour l'étiquette de mes confitures ?"),
         A("Voici une petite boulangerie avec une devanture bleue, des pains en vitrine et une enseigne peinte à la main."),
         U("Garde le même style mais ajoute le nom « Les Confitures de Mamie Jo » sur l'enseigne, en lettres dorées")],
        [U("Transforme ma photo en affiche de film des années 50, genre polar noir et blanc", img=1)],
    ]
    D["chit_chat"] += [
        [U("C'est quoi la différence entre un croissant et un pain au chocolat niveau pâte ?"),
         A("Aucune : c'est la même pâte feuilletée levée. Seuls la forme et la garniture changent."),
         U("Ah bah voilà, débat clos avec ma coloc. Merci, t'es au top !")],
        "wesh ça va ?",
        "Journée de fou, grève de la RATP, j'ai marché 40 minutes pour aller au boulot. Et toi, tranquille ?",
    ]
    D["image_understanding"] += [
        [U("Voici le graphique de ma consommation Linky sur le mois. Pourquoi il y a un pic le 14 ?", img=1)],
        [U("J'ai trouvé ce vin dans la cave de mon grand-père. Tu peux me dire ce qui est écrit sur l'étiquette et d'où il vient ?", img=1)],
    ]
    D["image_question"] += [
        [U("Je vais à un mariage à la campagne en juin, cette robe ça passe ?", img=1)],
        [U("Voilà mon studio de 18 m², j'étouffe un peu. Tu me conseilles quoi pour mieux l'aménager ?", img=1)],
    ]

    # =======================================================================
    # de
    # =======================================================================
    D["image_generation"] += [
        "Entwirf mir ein Logo für unseren Kleingartenverein 'Sonnenblume e.V.' - schlicht, grün-gelb, soll auch auf Vereins-T-Shirts gut aussehen.",
        [U("Zeichne einen Dackel als Ritter in Rüstung, Mittelalter-Stil."),
         A("Hier ist er: ein tapferer Dackel in glänzender Rüstung mit kleinem Schild und Federbusch auf dem Helm."),
         U("Super! Jetzt das Ganze nochmal, aber er reitet auf einer Katze durch den Schwarzwald")],
        [U("Erstell mir eine Illustration vom Hamburger Hafen im Sonnenuntergang, Aquarell."),
         A("Fertig: Kräne, Containerschiffe und die Elbphilharmonie in warmen Orange- und Violetttönen."),
         U("Gleiche Szene bitte bei Nebel am frühen Morgen, mit einer Barkasse im Vordergrund")],
        [U("Kannst du mir auf diesem Foto einen Lederhosen-Look mit Gamsbart-Hut verpassen? Fürs Oktoberfest-Gruppenchat 😄", img=1)],
    ]
    D["chit_chat"] += [
        [U("Was ist der Unterschied zwischen Weißwurst und Bratwurst?"),
         A("Weißwurst wird aus Kalbfleisch und Speck gemacht, nur gebrüht und traditionell vor zwölf Uhr gegessen; Bratwurst wird gebraten oder gegrillt."),
         U("Herrlich erklärt, danke dir! Jetzt hab ich Hunger 😅")],
        "Moin!",
        "Heute war echt ein Montag wie aus dem Bilderbuch: Bahn verspätet, Kaffeemaschine kaputt, Chef schlecht gelaunt. Wie läuft's bei dir?",
    ]
    D["image_understanding"] += [
        [U("Hab diesen Brief vom Finanzamt bekommen. Was wollen die von mir, kurz zusammengefasst?", img=1)],
        [U("Was bedeutet diese Warnleuchte im Armaturenbrett? Kann ich noch weiterfahren?", img=1)],
    ]
    D["image_question"] += [
        [U("So sitze ich normalerweise am Schreibtisch. Ist die Haltung okay oder mach ich mir den Rücken kaputt?", img=1)],
        [U("Betriebsfeier am Freitag, Motto 'smart casual'. Passt das Outfit?", img=1)],
    ]

    # =======================================================================
    # pt
    # =======================================================================
    D["image_generation"] += [
        "Cria uma ilustração de um bloco de carnaval em Olinda, com os bonecos gigantes, frevo e sombrinhas coloridas.",
        [U("Gera um desenho de uma capivara tomando chimarrão na beira do lago."),
         A("Aqui está: uma capivara tranquila sentada na grama, cuia na mão, com o lago e o pôr do sol atrás."),
         U("kkkk ficou ótima! agora faz ela de corpo inteiro usando óculos escuros e uma camisa do Grêmio")],
        [U("Desenha o azulejo português típico, azul e branco, com um barco de pesca ao centro."),
         A("Pronto: um painel de azulejo azul cobalto com um barco de pesca, ondas estilizadas e moldura floral."),
         U("Faz o mesmo mas com o elétrico 28 a subir a Graça em vez do barco")],
        [U("Transforma esta foto minha num retrato estilo cordel, tipo xilogravura", img=1)],
    ]
    D["chit_chat"] += [
        [U("Por que o pão de queijo fica oco por dentro?"),
         A("Porque o polvilho forma uma massa elástica; no forno o vapor da água se expande e estufa a massa, deixando o miolo aerado."),
         U("Que explicação linda, minha avó mineira ia aprovar 😂 valeu!")],
        "e aí, beleza?",
        "Hoje foi puxado, peguei um trânsito absurdo na Marginal e ainda choveu na hora de voltar. E o seu dia, como foi?",
    ]
    D["image_understanding"] += [
        [U("Tirei print do meu extrato do Nubank. Consegue me dizer em que categoria gastei mais esse mês?", img=1)],
        [U("Comprei este queijo numa feira no Alentejo e perdi a etiqueta de trás... que tipo de queijo é pelo aspecto?", img=1)],
    ]
    D["image_question"] += [
        [U("Formatura da minha irmã hoje à noite. Esse look tá bom ou tá muito básico?", img=1)],
        [U("Olha o meu quarto, queria deixar mais aconchegante sem gastar muito. O que você mudaria?", img=1)],
    ]

    # =======================================================================
    # it
    # =======================================================================
    D["image_generation"] += [
        "Disegnami un'etichetta per il limoncello fatto in casa da mio nonno, con limoni della costiera e la scritta 'Limoncello di Nonno Peppe'.",
        [U("Crea un'illustrazione di una Vespa rossa parcheggiata davanti a un bar a Roma."),
         A("Ecco qua: una Vespa rossa d'epoca davanti a un bar con i tavolini fuori e i sampietrini."),
         U("bellissima, ora rifalla di sera con le luci accese e due ragazzi che prendono lo spritz")],
        [U("Genera un gatto che fa il pizzaiolo in una pizzeria napoletana."),
         A("Eccolo: un gatto tigrato col cappello bianco che stende l'impasto davanti al forno a legna."),
         U("Adesso mettilo mentre lancia la pizza in aria, con Totò che lo guarda dal bancone")],
        [U("Mi trasformi questa foto in un ritratto rinascimentale tipo Botticelli?", img=1)],
    ]
    D["chit_chat"] += [
        [U("Perché si dice 'in bocca al lupo'?"),
         A("È un augurio nato nel gergo dei cacciatori: si augura per scaramanzia il pericolo, e si risponde 'crepi'."),
         U("Spiegazione perfetta, grazie mille! Ora la racconto a cena e faccio il figo 😎")],
        "ciao bello, come butta?",
        "Oggi giornata lunghissima, il treno Frecciarossa era in ritardo di un'ora e sono arrivata a Milano distrutta. Tu come stai?",
    ]
    D["image_understanding"] += [
        [U("Ecco lo scontrino della cena di ieri, eravamo in cinque. Quanto deve dare ciascuno se dividiamo esclusi i coperti?", img=1)],
        [U("Mi spieghi cosa mostra questo grafico? È nella presentazione che devo fare domani.", img=1)],
    ]
    D["image_question"] += [
        [U("Domani ho una cena con i genitori della mia ragazza, vado bene vestito così?", img=1)],
        [U("Questo è il mio taglio nuovo, fatto dal barbiere sotto casa. Mi sta bene o sembro un calciatore degli anni 2000?", img=1)],
    ]

    # =======================================================================
    # nl
    # =======================================================================
    D["image_generation"] += [
        "Teken een vrolijke poster voor onze Koningsdag-vrijmarkt in de straat, met oranje vlaggetjes, een draaiorgel en kinderen op kleedjes.",
        [U("Maak een illustratie van een fietser op een dijk met tegenwind, Hollandse luchten."),
         A("Alsjeblieft: een fietser voorovergebogen op de dijk, molen in de verte en grote grijze wolken."),
         U("haha herkenbaar. doe hetzelfde maar dan met een bakfiets vol kinderen en regen")],
        [U("Genereer een tekening van een stroopwafelkraam op de markt in Gouda."),
         A("Hier is de kraam: een houten kraam met een grote bakplaat, stapels stroopwafels en de Goudse Waag erachter."),
         U("Kun je er een verpakkingsontwerp van maken met de naam 'Oma's Stroopwafels'?")],
        [U("Zet mij op deze foto in een schilderij in de stijl van Vermeer, met zo'n parel oorbel", img=1)],
    ]
    D["chit_chat"] += [
        [U("Wat zijn eigenlijk de ijsheiligen?"),
         A("De ijsheiligen zijn vier of vijf heiligen met naamdagen half mei; rond die dagen kon het vroeger nog vriezen, dus tuiniers wachtten tot daarna met planten."),
         U("Top uitgelegd, dankjewel! Mijn buurman wist het ook niet 😄")],
        "hoi, alles goed?",
        "Pff, vandaag de hele dag in de file op de A12 gestaan. Gelukkig nu op de bank met een biertje. Hoe was jouw dag?",
    ]
    D["image_understanding"] += [
        [U("Kun je deze energierekening van Eneco voor me samenvatten? Ik snap die termijnbedragen niet.", img=1)],
        [U("Wat voor plant is dit? Staat al jaren bij ons in de vensterbank, niemand weet het.", img=1)],
    ]
    D["image_question"] += [
        [U("Ik heb zaterdag een borrel met collega's, kan dit zo of is het te netjes?", img=1)],
        [U("Dit is mijn werkplek thuis. Zit ik zo goed of moet het scherm hoger?", img=1)],
    ]

    # =======================================================================
    # sv
    # =======================================================================
    D["image_generation"] += [
        "Rita en illustration till vår midsommarinbjudan: majstång, blomkransar, sill och jordgubbar på ett långbord vid sjön.",
        [U("Gör en teckning av en älg som står i en röd stuga och kokar kaffe."),
         A("Här är den: en stor älg i en liten röd stuga med vita knutar, en kaffepanna på vedspisen."),
         U("haha perfekt, gör samma men vintertid med norrsken utanför fönstret")],
        [U("Designa en logga för mitt lilla kafé 'Kanelbullen' i Göteborg."),
         A("Klart: en rund logga med en stiliserad kanelbulle, mjuka bruna toner och texten i handskriven stil."),
         U("Kan du göra en variant i blått och gult för en skylt utomhus?")],
        [U("Kan du göra om det här fotot på mig till en Carl Larsson-målning?", img=1)],
    ]
    D["chit_chat"] += [
        [U("Varför äter vi semlor på fettisdagen?"),
         A("Fettisdagen var sista dagen att frossa innan fastan; semlan blev det traditionella bakverket för den dagen."),
         U("Snyggt förklarat, tack! Nu blir det semla till fikat 😋")],
        "tjena!",
        "Har varit på jobbet sedan sju och det har regnat hela dagen. Ska bara slänga mig i soffan nu. Hur är läget med dig?",
    ]
    D["image_understanding"] += [
        [U("Kan du läsa av det här kvittot från ICA och säga hur mycket jag betalade för frukten totalt?", img=1)],
        [U("Här är en skärmdump från SL-appen, vilken buss ska jag ta för att hinna till Centralen före 8?", img=1)],
    ]
    D["image_question"] += [
        [U("Studentfesten för min kusin i helgen - funkar den här kavajen eller blir det för uppklätt?", img=1)],
        [U("Här är mitt vardagsrum efter flytten. Hur kan jag få det mer mysigt inför vintern?", img=1)],
    ]

    # =======================================================================
    # pl
    # =======================================================================
    D["image_generation"] += [
        "Narysuj plakat na festyn w naszej wsi: dożynki, wieniec z kłosów, orkiestra dęta i stoiska z pierogami.",
        [U("Wygeneruj obrazek żubra w Puszczy Białowieskiej o świcie."),
         A("Proszę: potężny żubr na polanie, mgła między drzewami i pierwsze promienie słońca."),
         U("super, teraz zrób go w wersji kreskówkowej, jak maskotka dla dzieci, z szalikiem")],
        [U("Zaprojektuj okładkę do mojej gry planszowej o smoku wawelskim."),
         A("Gotowe: smok owinięty wokół Wawelu, szewc Dratewka z baranem na pierwszym planie, klimat baśni."),
         U("Zostaw ten styl, ale dopisz tytuł 'Smocza Jama' dużymi, złotymi literami na górze")],
        [U("Przerób to moje zdjęcie na styl wycinanki łowickiej, kolorowe kwiaty wokół twarzy", img=1)],
    ]
    D["chit_chat"] += [
        [U("Skąd się wzięło powiedzenie 'nie mój cyrk, nie moje małpy'?"),
         A("To polskie przysłowie o tym, że nie odpowiadamy za cudze problemy; zrobiło karierę w internecie także po angielsku."),
         U("Świetnie wytłumaczone, dzięki wielkie! Mój szef powinien to usłyszeć 😂")],
        "siema, co tam?",
        "Ale dzień... rano korki na Zakopiance, potem dwa spotkania, a teraz jeszcze muszę ugotować obiad. A u ciebie jak?",
    ]
    D["image_understanding"] += [
        [U("Dostałam takie pismo z ZUS-u, możesz mi streścić, o co chodzi?", img=1)],
        [U("Pozycja z mojej partii szachów, czarne na ruchu. Czy mam tu jakąś wygraną kombinację?", img=1)],
    ]
    D["image_question"] += [
        [U("Idę na wesele kuzynki w sobotę, czy ta sukienka jest ok, czy za skromna?", img=1)],
        [U("Tak wygląda mój pokój w akademiku. Jak go urządzić, żeby było przytulniej?", img=1)],
    ]

    # =======================================================================
    # tr
    # =======================================================================
    D["image_generation"] += [
        "Kahve dükkanım için bir logo tasarla: adı 'Cezve & Lokum', Osmanlı motifleri olsun ama modern dursun.",
        [U("Boğaz'da vapurun üstünde simit atan martılar çiz."),
         A("İşte: Kadıköy vapurunda yolcular martılara simit atıyor, arkada Kız Kulesi görünüyor."),
         U("çok güzel olmuş, aynısını gece yap, köprü ışıklı olsun")],
        [U("Kapadokya'da balonların uçtuğu bir illüstrasyon oluşturur musun?"),
         A("Hazır: gün doğumunda peri bacalarının üstünde yüzlerce renkli balon."),
         U("Şimdi bir balonun sepetinde evlenme teklifi eden bir çift ekle")],
        [U("Bu fotoğraftaki bana bir fes tak, eski İstanbul fotoğrafı gibi sepya yap", img=1)],
    ]
    D["chit_chat"] += [
        [U("Neden 'ağzından bal damlıyor' deriz?"),
         A("Tatlı ve hoş konuşan biri için kullanılır; bal tatlılığın simgesi olduğu için sözleri balla benzetilir."),
         U("Harika anlattın, eline sağlık! 🙏")],
        "naber kanka",
        "Bugün iş çok yoğundu, metrobüste de ayakta gittim. Eve gelip çayımı koydum şimdi. Senin günün nasıl geçti?",
    ]
    D["image_understanding"] += [
        [U("Elektrik faturam geldi, bu kalemler ne anlama geliyor, açıklar mısın?", img=1)],
        [U("Balkondaki fesleğenin yaprakları böyle lekelendi, neden olabilir?", img=1)],
    ]
    D["image_question"] += [
        [U("Yarın kına gecesine gidiyorum, bu elbise uygun mu sence?", img=1)],
        [U("Yeni saç kesimim bu, sence yüzüme yakıştı mı?", img=1)],
    ]

    # =======================================================================
    # vi
    # =======================================================================
    D["image_generation"] += [
        "Vẽ giúp mình một poster Tết Trung Thu cho lớp mẫu giáo: đèn ông sao, trẻ em rước đèn, chú Cuội và chị Hằng.",
        [U("Tạo một bức tranh gánh hàng rong bán phở trên phố cổ Hà Nội, phong cách màu nước."),
         A("Đây nhé: bà cụ gánh phở bên góc phố, khói bốc lên, nhà ống và hàng cây phía sau."),
         U("đẹp quá, giờ vẽ lại y vậy nhưng vào buổi tối, trời mưa lất phất, đèn đường vàng")],
        [U("Thiết kế logo cho tiệm cà phê muối của mình ở Huế, tên là 'Muối Mặn'."),
         A("Xong rồi: một chiếc ly cà phê có lớp kem muối trắng, chữ 'Muối Mặn' kiểu viết tay màu nâu."),
         U("Làm thêm một phiên bản có hình cầu Trường Tiền ở phía sau nhé")],
        [U("Biến tấm ảnh này của mình thành tranh Đông Hồ được không?", img=1)],
    ]
    D["chit_chat"] += [
        [U("Tại sao bánh chưng lại hình vuông?"),
         A("Theo truyền thuyết Lang Liêu, bánh chưng vuông tượng trưng cho đất, còn bánh giầy tròn tượng trưng cho trời."),
         U("Giải thích hay quá, cảm ơn bạn nhiều nha! 😊")],
        "hế lô, khỏe không?",
        "Hôm nay kẹt xe ở ngã tư Hàng Xanh gần một tiếng, về tới nhà mệt muốn xỉu. Còn bạn, ngày hôm nay thế nào?",
    ]
    D["image_understanding"] += [
        [U("Đây là ảnh chụp màn hình hóa đơn Shopee, bạn xem giúp mình phí vận chuyển có bị tính hai lần không?", img=1)],
        [U("Tóm tắt giúp mình nội dung slide này, mai mình phải thuyết trình rồi.", img=1)],
    ]
    D["image_question"] += [
        [U("Mai mình đi đám cưới bạn thân, mặc áo dài này được không hay đổi màu khác?", img=1)],
        [U("Góc học tập của mình đây, bạn thấy cần sắp xếp lại gì cho đỡ bừa bộn không?", img=1)],
    ]

    # =======================================================================
    # id
    # =======================================================================
    D["image_generation"] += [
        "Buatkan ilustrasi untuk poster lomba 17 Agustusan di RT kami: panjat pinang, balap karung, makan kerupuk, bendera merah putih.",
        [U("Gambar seekor orangutan lagi minum es teh di warung pinggir jalan."),
         A("Ini dia: orangutan santai di bangku warung, gelas es teh besar di tangannya, gerobak bakso di belakang."),
         U("wkwk lucu banget, sekarang bikin dia pakai batik dan naik ojek")],
        [U("Desain logo untuk usaha sambal rumahan saya, namanya 'Sambal Bu Rini'."),
         A("Sudah jadi: logo bulat dengan cabai merah, cobek batu, dan tulisan 'Sambal Bu Rini' warna merah tua."),
         U("Tolong bikin juga versi label stiker untuk toples, ada tulisan 'Pedas Level 5'")],
        [U("Ubah foto aku ini jadi gaya anime ya, latarnya pantai Kuta pas sunset", img=1)],
    ]
    D["chit_chat"] += [
        [U("Kenapa durian dijuluki raja buah?"),
         A("Karena ukurannya besar, kulitnya berduri seperti mahkota, dan rasanya sangat kuat serta digemari di Asia Tenggara."),
         U("Mantap penjelasannya, makasih ya! Jadi pengen beli durian 🤤")],
        "halo gan, apa kabar?",
        "Hari ini capek banget, KRL penuh sesak dari Bogor, terus kerjaan numpuk. Kamu gimana harinya?",
    ]
    D["image_understanding"] += [
        [U("Ini struk belanja dari Indomaret, tolong hitung berapa total yang aku bayar untuk camilan aja.", img=1)],
        [U("Ini screenshot error dari aplikasi m-banking aku, maksudnya apa ya?", img=1)],
    ]
    D["image_question"] += [
        [U("Besok aku kondangan, baju batik ini cocok nggak sama celananya?", img=1)],
        [U("Ini posisi duduk aku pas kerja dari rumah, udah bener belum? Punggung sering pegel.", img=1)],
    ]
    return D
