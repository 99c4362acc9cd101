# Regions, disputed territories, continents and other well-known places.
# [places] canonical name | other spellings and names (the alias table) ; the
# place or country it lies in ("Alep ; Syrie"), for comparing tolls: a
# toll at Alep is a part of Syria's, never a rival of Turkey's. Disputed
# territories (Haut-Karabakh, Crimée, Golan...) are given no parent.
[places]
Haut-Karabakh | Haut-Karabagh | Nagorny-Karabakh | Nagorno-Karabakh | Karabakh | Karabagh | Artsakh | Nagorny Karabakh | Nagorno Karabakh
Crimée
Donbass | Donbas ; Ukraine
Donetsk ; Ukraine
Louhansk | Lougansk ; Ukraine
Kherson ; Ukraine
Zaporijjia | Zaporojie | Zaporojié | Zaporijia ; Ukraine
Kharkiv | Kharkov ; Ukraine
Marioupol ; Ukraine
Odessa ; Ukraine
Dnipro | Dnipropetrovsk ; Ukraine
Lviv | Lvov ; Ukraine
Soumy ; Ukraine
Tchernihiv ; Ukraine
Mykolaïv ; Ukraine
Kramatorsk ; Ukraine
Sloviansk ; Ukraine
Avdiïvka ; Ukraine
Pokrovsk ; Ukraine
Koursk ; Russie
Belgorod ; Russie
Bryansk ; Russie
Izioum ; Ukraine
Omdurman ; Soudan
Alep ; Syrie
Homs ; Syrie
Rafah ; Gaza
Khan Younès ; Gaza
Jabaliya ; Gaza
Tyr ; Liban
Sidon ; Liban
Benghazi ; Libye
Goma ; République démocratique du Congo
Tombouctou ; Mali
Gao ; Mali
Mopti ; Mali
Kidal ; Mali
Bakhmout ; Ukraine
Transnistrie
Abkhazie
Ossétie du Sud
Tchétchénie ; Russie
Daghestan ; Russie
Kaliningrad ; Russie
Saint-Pétersbourg ; Russie
Gaza | bande de Gaza ; Palestine
Cisjordanie ; Palestine
Jérusalem-Est
Golan | plateau du Golan
Cachemire
Tibet ; Chine
Xinjiang ; Chine
Hong Kong ; Chine
Darfour ; Soudan
Tigré ; Éthiopie
Sahel
Sahara occidental
Kurdistan
Idleb | Idlib ; Syrie
Mossoul ; Irak
Nakhitchevan | Nakhchivan ; Azerbaïdjan
Chouchi | Choucha | Shusha ; Haut-Karabakh
Stepanakert | Khankendi ; Haut-Karabakh
Istanbul ; Turquie
Izmir | İzmir ; Turquie
Gaziantep ; Turquie
Kahramanmaraş | Kahramanmaras ; Turquie
Hatay ; Turquie
Antakya ; Hatay
Adana ; Turquie
Malatya ; Turquie
Diyarbakır | Diyarbakir ; Turquie
Adıyaman | Adiyaman ; Turquie
New York ; États-Unis
Genève ; Suisse
Strasbourg ; France
Europe
Afrique
Asie
Amérique latine
Moyen-Orient | Proche-Orient
Caucase | Caucase du Sud
Europe de l'Est
Asie centrale
Asie occidentale
Balkans
mer Noire
mer Caspienne
Nord-Kivu ; République démocratique du Congo
Sud-Kivu ; République démocratique du Congo
Ituri ; République démocratique du Congo
Kasaï ; République démocratique du Congo
Katanga ; République démocratique du Congo
Tanganyika
Maniema ; République démocratique du Congo
Cabo Delgado ; Mozambique
Kordofan | Kordofan-Sud ; Soudan
Nil Bleu ; Soudan
El-Facher | El Fasher | El-Fasher ; Darfour-Nord
Djenné ; Mali
Ménaka ; Mali
Liptako-Gourma
Artibonite ; Haïti
Cité Soleil ; Haïti
Darfour-Nord | Nord-Darfour ; Darfour
Darfour-Sud | Sud-Darfour ; Darfour
Darfour-Ouest | Ouest-Darfour ; Darfour
Darfour-Central ; Darfour
Kordofan-Nord | Nord-Kordofan ; Soudan
Gaza-Nord ; Gaza
Gaza City | Gaza-ville | ville de Gaza ; Gaza
Casablanca ; Maroc
Marrakech ; Maroc
Fès ; Maroc
Tanger ; Maroc
Agadir ; Maroc
Oran ; Algérie
Constantine ; Algérie
Sfax ; Tunisie
Misrata ; Libye
Derna ; Libye
Lattaquié ; Syrie
Bassora ; Irak
Erbil ; Irak
Kirkouk ; Irak
Hodeïda ; Yémen
Aden ; Yémen
Kismayo ; Somalie
Juba ; Soudan du Sud
Bunia ; République démocratique du Congo
Beni ; République démocratique du Congo
Kisangani ; République démocratique du Congo
Lubumbashi ; République démocratique du Congo
Bukavu ; République démocratique du Congo
Maiduguri ; Nigeria
Agadez ; Niger
Diffa ; Niger
Tillabéri ; Niger
Ouahigouya ; Burkina Faso
Djibo ; Burkina Faso
Kaya ; Burkina Faso
Fada N'Gourma ; Burkina Faso
Ségou ; Mali
# Seas, oceans, islands and regions that news of migrations and storms name
Méditerranée | mer Méditerranée
mer Ionienne
mer Égée
mer Adriatique
mer Tyrrhénienne
mer Rouge
mer Baltique
mer du Nord
mer d'Azov
mer de Chine méridionale
golfe Persique
golfe d'Aden
golfe de Guinée
Manche
océan Indien
océan Atlantique | Atlantique
océan Pacifique | Pacifique
océan Arctique
canal de Mozambique
Péloponnèse ; Grèce
Attique ; Grèce
Macédoine-Centrale ; Grèce
Crète ; Grèce
Rhodes ; Grèce
Lesbos ; Grèce
Sicile ; Italie
Sardaigne ; Italie
Corse ; France
Lampedusa ; Italie
Canaries | îles Canaries ; Espagne
Baléares | îles Baléares ; Espagne
Sinaï ; Égypte
Anatolie ; Turquie
# French overseas departments and territories
Mayotte ; France
La Réunion | île de La Réunion ; France
Guadeloupe ; France
Martinique ; France
Guyane ; France
Nouvelle-Calédonie ; France
Polynésie française | Polynésie ; France
Saint-Pierre-et-Miquelon ; France
Wallis-et-Futuna ; France
# France's regions and its départements named unambiguously (general world
# knowledge, like the world's countries; single words that are also a
# river, a town or a compass point — Nord, Var, Lot, Vienne — are left out)
Hauts-de-France ; France
Île-de-France | Ile-de-France ; France
Grand Est ; France
Normandie ; France
Nouvelle-Aquitaine ; France
Occitanie ; France
Auvergne-Rhône-Alpes ; France
Bourgogne-Franche-Comté ; France
Centre-Val de Loire ; France
Pays de la Loire ; France
Provence-Alpes-Côte d'Azur | Provence-Alpes-Côte d’Azur | PACA ; France
Pas-de-Calais ; France
Seine-Maritime ; France
Bouches-du-Rhône ; France
Alpes-Maritimes ; France
Alpes-de-Haute-Provence ; France
Hautes-Alpes ; France
Haute-Garonne ; France
Gironde ; France
Finistère ; France
Morbihan ; France
Côtes-d'Armor | Côtes-d’Armor ; France
Ille-et-Vilaine ; France
Loire-Atlantique ; France
Maine-et-Loire ; France
Vendée ; France
Charente-Maritime ; France
Pyrénées-Atlantiques ; France
Hautes-Pyrénées ; France
Pyrénées-Orientales ; France
Haute-Savoie ; France
Savoie ; France
Isère ; France
Drôme ; France
Ardèche ; France
Vaucluse ; France
Hérault ; France
Seine-Saint-Denis ; France
Val-de-Marne ; France
Hauts-de-Seine ; France
Val-d'Oise | Val-d’Oise ; France
Seine-et-Marne ; France
Yvelines ; France
Essonne ; France
Calvados ; France
Bas-Rhin ; France
Haut-Rhin ; France
Moselle ; France
Meurthe-et-Moselle ; France
Dordogne ; France
Corrèze ; France
Puy-de-Dôme ; France
Aveyron ; France
Tarn-et-Garonne ; France
Lot-et-Garonne ; France
Haute-Corse ; France
Corse-du-Sud ; France
