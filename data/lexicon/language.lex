# General French text knowledge.
# [transliteration] spellings that transliterate one sound differently
# (from ; to; `$` = only at the end of a word). Applied in order to both names.
[transliteration]
yy$ ; y
skyy$ ; sky
tch ; ch
sh ; ch
kh ; gh
dzh ; j
dj ; j
zh ; j
ou ; u
yan$ ; ian
iyev$ ; iev
yev$ ; iev
iyeva$ ; ieva
yeva$ ; ieva
ij ; i
y ; i
w ; v
ck ; k
# Russian -еевка against Ukrainian -іївка: Makeïevka = Makiïvka, Avdeïevka = Avdiïvka
eievka$ ; iivka

# [confusables] letters that transliterations of one name swap (fuzzy merge
# guarded by kind and context)
[confusables]
f/p | b/v | k/g | c/k | i/e | s/z | t/d

# [corporate_suffixes] endings of company names that are not part of the name
[corporate_suffixes]
Ltd | Ltd. | Limited | SA | S.A. | SAS | SARL | Inc | Inc. | GmbH | LLC | PLC | Corp | AG

# [abbreviations] words followed by a period that do not end a sentence
[abbreviations]
M | MM | Mme | Mmes | Mlle | Dr | Pr | Me | St | Ste | Mgr | av | env | etc | cf | p | vol | no | n° | art | éd | gén | col | lt | cap | J.-C | Jr | Sr | Gal | ca | vs | c.-à-d

# [stop_names] capitalised words that never start a name
[stop_names]
Le | La | Les | L | Un | Une | Des | Du | De | Ce | Cet | Cette | Ces | Il | Elle | Ils | Elles | Nous | Vous | On | Je | Tu
Selon | Dans | Pour | Par | Sur | Sous | Avec | Sans | Entre | Après | Avant | Depuis | Pendant | Lors | Mais | Et | Ou | Car | Donc | Or | Ni
Si | Quand | Comme | Alors | Ainsi | Aussi | Puis | Enfin | Déjà | Toutefois | Cependant | Pourtant | Néanmoins | En | Au | Aux | À | A | Y
Mardi | Lundi | Mercredi | Jeudi | Vendredi | Samedi | Dimanche | Janvier | Février | Mars | Avril | Mai | Juin | Juillet | Août | Septembre | Octobre | Novembre | Décembre
Tout | Tous | Toute | Toutes | Plus | Moins | Très | Trop | Peu | Bien | Non | Oui | OK | Source | Photo | Image | Lire | Voir | Suivez | Partagez | Comment | Commentaires
Président | Premier | Ministre | Ministère | Monsieur | Madame | Mme | Mlle | Général | Selon | Tôt | Plusieurs | Certains | Chaque | Notre | Votre | Leur | Leurs | Son | Sa | Ses | Mon | Ma | Mes
Que | Qui | Quoi | Dont | Où | Lien | Politique | Paramétrer | Accepter | Refuser | Réseaux | Désactiver | Raconter | Cookies | Newsletter | Abonnez | Publicité | Happy | Event | No | Data | The
Pâques | Noël | Ramadan | Tabaski | Aïd | Toussaint | Pentecôte | Carême | Hanoucca | Pessah | Kippour | Maouloud | Achoura

# Institutions that take a nationality ("Conseil de sécurité arménien"). With
# a second field the phrase names another body: {dem} is the nationality.
# [institutions] head ; canonical template
[institutions]
Conseil de sécurité
# a country's authorities and its government are one speaker
gouvernement | autorités | exécutif ; gouvernement {dem}
parlement
armée ; ministère {dem} de la Défense
armée de l'air
marine
garde nationale
diplomatie ; ministère {dem} des Affaires étrangères
présidence
# the coast guard; in many countries (Greece, Italy) it is the port police
garde-côtes | gardes-côtes | gardes-côte | garde-côte | garde côtière | garde-côtière | autorités portuaires | police portuaire ; garde-côtes {dem}
# a town's council: "la mairie de Marioupol", "le conseil municipal"
mairie | conseil municipal | municipalité | autorités locales | autorités municipales ; mairie de {place}
garde-frontières
# the state's authority at sea: "la préfecture maritime de la Manche a indiqué que"
préfecture maritime
services de renseignement
séparatistes
rebelles

# [generic_heads] common nouns that name a body only with an owner nearby:
# alone ("les autorités", "la mairie") they never name one body across
# documents. Institution heads and "ministère de ..." are generic too.
[generic_heads]
autorités | gouvernement | mairie | municipalité | conseil municipal | préfecture | ministère | armée | police | gendarmerie | pompiers | secours | hôpital | justice | parquet | parlement | présidence | diplomatie | marine | garde-côtes | garde côtière | autorités locales | autorités portuaires | police portuaire | services de secours | forces de l'ordre | protection civile | état-major | sources | source | témoins | observateurs
défense civile | sécurité civile | garde nationale

# [ministries] portfolios as written after "ministère" (canonical first)
[ministries]
de la Défense | de la défense
des Affaires étrangères | des affaires étrangères
de l'Intérieur | de l’Intérieur | de l'intérieur | de l’intérieur
de la Santé | de la santé
de la Justice | de la justice
de l'Économie | de l’Économie | de l'économie | de l’économie
des Situations d'urgence | des Situations d’urgence | des situations d'urgence | des situations d’urgence
de l'Énergie | de l’Énergie
des Finances | des finances

# Phrases that announce a place name. Flags: name = "cue de X" is itself a
# name of the place; list = "X, Y et Z" may follow.
# [place_cues] phrases ; flags
[place_cues]
village de | village d' | village d’ | localité de | localité d' | localité d’ | ville de | ville d' | ville d’ | colonie de | colonie d' | colonie d’ | commune de | bourg de | hameau de | quartier de | banlieue de | district de | province de | province d' | province d’ | oblast de | région de | région d' | région d’ | municipalité de | département de | préfecture de | sous-préfecture de | territoire de | chef-lieu de | camp de réfugiés de | camp de déplacés de | camp de | camp d' | camp d’ | camp militaire de | camp militaire d' | camp militaire d’ | détachement militaire de | kilomètres de | kilomètres d' | kilomètres d’ | kilomètre de | kilomètre d' | kilomètre d’ | km de | km d' | km d’ | base militaire de | poste militaire de | site de déplacés de | cercle de | wilaya de | gouvernorat de | État de | État d' | État d’ | évacués sur | évacuées sur | évacué sur | évacuée sur | repliés sur | repliées sur | transférés sur | transférées sur | acheminés sur | canton de | arrondissement de | village kurde de | ville portuaire de | ville côtière de | ville frontalière de | port de | port d' | port d’ | île de | île d' | île d’ | archipel de | côtes de | littoral de
corridor de | corridor d' | corridor d’ | col de | vallée de | passage de | rivière | fleuve | cap ; name
au sud de | au nord de | à l'est de | à l'ouest de | dans le sud de | dans le nord de | dans l'est de | dans l'ouest de | dans le centre de | au large de | au large d' | au large d’ | à la périphérie de | non loin de | jusqu'à | jusqu’à | dans le sud du | dans le nord du | dans l'est du | dans l'ouest du | dans le centre du
à ; weak
quartiers de | quartiers d' | quartiers d’ | districts de | villages de | villages d' | villages d’ | localités de | localités d' | localités d’ | communes de | provinces de | camps de | camps d' | camps d’ | camps militaires de | camps militaires d' | camps militaires d’ | bases militaires de | postes militaires de | provinces d' | provinces d’ | régions de | régions d' | régions d’ | villes de | villes d' | villes d’ | départements de | gouvernorats de | îles de ; list
# "l'attaque de Boulkessy", "les attaques de Mondoro et de Boulkessi": what
# is attacked, when no name of an actor (gazetteer) is there
attaque de | attaque d' | attaque d’ | attaques de | attaques d' | attaques d’ | double attaque de ; weak | list
en direction de | en direction d' | en direction d’ | près de | près d' | près d’ | aux abords de | à proximité de | autour de | vers | aux environs de | non loin de ; list
