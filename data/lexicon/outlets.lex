# News agencies and media. The outlet of each document is added from its
# metadata; this list is for the outlets an article cites.
# [outlets] canonical name | other names
[outlets]
RTB | Radiodiffusion-Télévision du Burkina
ORTM
RTI
RTS
ORTB
Radio Okapi
Actualite.cd
7sur7.cd
Le Nouvelliste
Le Matin
Le Soleil
Sahel Intelligence
Ukrayinska Pravda | Oukraïnska Pravda
Suspilne
Times of Israel
Haaretz
Wafa
Al-Quds
Le Parisien
20 Minutes
La Croix
L'Humanité
Mediapart
BFMTV
LCI
Europe 1
France Inter
France Télévisions
La Dépêche
Sud Ouest
Le Progrès
La Voix du Nord
Le Télégramme
Nice-Matin
RTBF
RTS Info
Radio-Canada
La Presse
AFP | Agence France-Presse | Agence France Presse | agence de presse AFP | agence France-Presse
Reuters | agence Reuters
AP | Associated Press
BBC | BBC News
CNN
Interfax
TASS | Tass | ITAR-TASS
RIA Novosti
Sputnik
RT | RT en français | Russia Today | RT France
Armenpress
Anadolu | agence Anadolu
APA
Xinhua
Al Jazeera | Al-Jazeera | al-Jazeera
Al Arabiya | al-Arabiya
Bloomberg
New York Times
Washington Post
Wall Street Journal
Financial Times
The Guardian
Le Monde | Le Monde Afrique
Le Figaro
Libération
Les Échos
L'Express
Le Point
Ouest-France
France 24
France Info | franceinfo
RFI | Radio France internationale
TV5 Monde | TV5Monde
Euronews
Deutsche Welle | DW
Kommersant
Izvestia
Ukrinform
Kyiv Independent
Meduza
Radio Free Europe | RFE/RL | Radio Liberty
Le Temps
La Libre Belgique
Le Soir
Jeune Afrique
Thanh Niên | Báo Thanh niên | Thanh niên
VnExpress
Tuổi Trẻ

# # the overseas network of France Télévisions
La 1ère
Mayotte la 1ère | Mayotte La 1ère
Réunion la 1ère | Réunion La 1ère
Martinique la 1ère | Martinique La 1ère
Guadeloupe la 1ère | Guadeloupe La 1ère
Guyane la 1ère | Guyane La 1ère
Polynésie la 1ère | Polynésie La 1ère
Nouvelle-Calédonie la 1ère | Nouvelle-Calédonie La 1ère
Saint-Pierre-et-Miquelon la 1ère
Wallis-et-Futuna la 1ère

# [outlet_nouns] nouns after which a medium's name follows ("le quotidien
# Kommersant", "l'agence Tass", "le média russe Interfax")
[outlet_nouns]
quotidien | journal | hebdomadaire | mensuel | magazine | agence | agence de presse | chaîne | chaîne de télévision | télévision | radio | site | site d'information | site d’information | média | médias | tabloïd | gazette
