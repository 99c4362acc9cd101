# Regions, disputed territories, continents and other well-known places.
# [places] canonical name | other spellings and names (the alias table)
[places]
Haut-Karabakh | Haut-Karabagh | Nagorny-Karabakh | Nagorno-Karabakh | Karabakh | Karabagh | Artsakh | Nagorny Karabakh | Nagorno Karabakh
Crimée
Donbass | Donbas
Donetsk
Louhansk | Lougansk
Kherson
Zaporijjia | Zaporojie | Zaporojié | Zaporijia
Kharkiv | Kharkov
Marioupol
Odessa
Dnipro | Dnipropetrovsk
Lviv | Lvov
Soumy
Tchernihiv
Mykolaïv
Kramatorsk
Sloviansk
Avdiïvka
Pokrovsk
Koursk
Belgorod
Bryansk
Izioum
Omdurman
Alep
Homs
Rafah
Khan Younès
Jabaliya
Tyr
Sidon
Benghazi
Goma
Tombouctou
Gao
Mopti
Kidal
Bakhmout
Transnistrie
Abkhazie
Ossétie du Sud
Tchétchénie
Daghestan
Kaliningrad
Saint-Pétersbourg
Gaza | bande de Gaza
Cisjordanie
Jérusalem-Est
Golan | plateau du Golan
Cachemire
Tibet
Xinjiang
Hong Kong
Darfour
Tigré
Sahel
Sahara occidental
Kurdistan
Idleb | Idlib
Mossoul
Nakhitchevan | Nakhchivan
Chouchi | Choucha | Shusha
Stepanakert | Khankendi
Istanbul
New York
Genève
Strasbourg
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
Nord-Kivu
Sud-Kivu
Ituri
Kasaï
Katanga
Tanganyika
Maniema
Cabo Delgado
Kordofan | Kordofan-Sud
Nil Bleu
El-Facher | El Fasher | El-Fasher
Djenné
Ménaka
Liptako-Gourma
Artibonite
Cité Soleil
Darfour-Nord | Nord-Darfour
Darfour-Sud | Sud-Darfour
Darfour-Ouest | Ouest-Darfour
Darfour-Central
Kordofan-Nord | Nord-Kordofan
Gaza-Nord
Gaza City | Gaza-ville | ville de Gaza
Casablanca
Marrakech
Fès
Tanger
Agadir
Oran
Constantine
Sfax
Misrata
Derna
Lattaquié
Bassora
Erbil
Kirkouk
Hodeïda
Aden
Kismayo
Juba
Bunia
Beni
Kisangani
Lubumbashi
Bukavu
Maiduguri
Agadez
Diffa
Tillabéri
Ouahigouya
Djibo
Kaya
Fada N'Gourma
Ségou
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
Péloponnèse
Attique
Macédoine-Centrale
Crète
Rhodes
Lesbos
Sicile
Sardaigne
Corse
Lampedusa
Canaries | îles Canaries
Baléares | îles Baléares
Sinaï
Anatolie
# French overseas departments and territories
Mayotte
La Réunion | île de La Réunion
Guadeloupe
Martinique
Guyane
Nouvelle-Calédonie
Polynésie française | Polynésie
Saint-Pierre-et-Miquelon
Wallis-et-Futuna
# France's regions and its départements named unambiguously (general world
# knowledge, like the world's countries; single words that are also a
# river, a town or a compass point — Nord, Var, Lot, Vienne — are left out)
Hauts-de-France
Île-de-France | Ile-de-France
Grand Est
Normandie
Nouvelle-Aquitaine
Occitanie
Auvergne-Rhône-Alpes
Bourgogne-Franche-Comté
Centre-Val de Loire
Pays de la Loire
Provence-Alpes-Côte d'Azur | Provence-Alpes-Côte d’Azur | PACA
Pas-de-Calais
Seine-Maritime
Bouches-du-Rhône
Alpes-Maritimes
Alpes-de-Haute-Provence
Hautes-Alpes
Haute-Garonne
Gironde
Finistère
Morbihan
Côtes-d'Armor | Côtes-d’Armor
Ille-et-Vilaine
Loire-Atlantique
Maine-et-Loire
Vendée
Charente-Maritime
Pyrénées-Atlantiques
Hautes-Pyrénées
Pyrénées-Orientales
Haute-Savoie
Savoie
Isère
Drôme
Ardèche
Vaucluse
Hérault
Seine-Saint-Denis
Val-de-Marne
Hauts-de-Seine
Val-d'Oise | Val-d’Oise
Seine-et-Marne
Yvelines
Essonne
Calvados
Bas-Rhin
Haut-Rhin
Moselle
Meurthe-et-Moselle
Dordogne
Corrèze
Puy-de-Dôme
Aveyron
Tarn-et-Garonne
Lot-et-Garonne
Haute-Corse
Corse-du-Sud
