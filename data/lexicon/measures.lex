# What a figure counts.
# [measure_nouns] nouns that are themselves a measure ("3 morts") ; measure
[measure_nouns]
corps | cadavres | dépouilles ; killed
cibles ; strikes
sinistrés | sinistrées ; other
rescapés | rescapées | survivants | survivantes | passagers | passagères | personnes à bord ; other
sans-abri | sans abri | sans abris | sans-abris | sans domicile ; displaced
morts | mort | tués | victimes | victime | décès | personnes tuées ; killed
blessés | blessées | blessé | blessée ; wounded
disparus | disparues | disparu | portés disparus ; missing
# arrests counted as a noun: "le Kremlin a annoncé 11 arrestations"
prisonniers | prisonnières | otages | captifs | détenus | arrestations | interpellations ; captured
réfugiés | réfugiées | déplacés | déplacées | évacués ; displaced
# not "attaques": the number of attacks ("deux attaques perpétrées ce lundi")
# is the shape of the event, not a toll
frappes | frappe | raids | raid | bombardements | tirs | salves | frappes aériennes | frappes de drones | drones | missiles | roquettes ; strikes
militaires déployés | soldats déployés ; troops

# [measure_verbs] verbs and participles that say what happened to the
# counted people, before ("ont tué 3 soldats") or after ("3 soldats ont été tués")
[measure_verbs]
neutralisés | neutralisées | neutralisé | neutraliser | abattus | abattues | abattu | abattre | exécuté | exécuter | décédés | décédées | décédé | décédée | ont succombé | a succombé | succombé | éliminés | éliminées | exécutés | exécutées | massacrés | massacrées | noyés | noyées | emportés par les eaux | ont trouvé la mort | a trouvé la mort ; killed
retenus | retenues | retenus en otage | retenues en otage | retenus en otages | retenues en otages | pris en otages | séquestrés | séquestrées ; captured
se sont réfugiés | se sont réfugiées | réfugiés | réfugiées | relogés | relogées | sans abri | sans domicile | ont été déplacés | ont été déplacées | ont dû fuir | contraints de fuir ; displaced
# "Environ 130 000 personnes ont dû quitter leur domicile"
ont dû quitter leur domicile | ont dû quitter leurs domiciles | ont dû quitter leurs maisons | ont quitté leur domicile | ont quitté leurs domiciles | ont fui leur domicile | ont fui leurs domiciles | ont dû abandonner leur domicile | ont dû abandonner leurs maisons ; displaced
sinistrés | sinistrées | affectés | affectées | affectés par | touchés par ; other
tués | tuées | tué | tuée | tuant | tue | tuent | tuer | morts | mortes | mort | ont péri | a péri | périssent | sont décédés | ont perdu la vie | tombés au combat | tombées au combat | tombé au combat | tombés au front | tombés sous les balles | a perdu | ont perdu | avait perdu | avaient perdu | la perte de | perte de | a fait | ont fait | faisant | coûté la vie ; killed
# the state of the wounded after a figure: "dont 2 sont en urgence absolue", "5 sont dans un état grave"
blessés | blessées | blessé | blessée | blessant | blesse | blessent | blesser | hospitalisés | hospitalisées | hospitalisé | hospitalisée | reçoivent des soins | recevaient des soins | reçoit des soins | ont reçu des soins | sont soignés | sont soignées | étaient soignés | soignés | soignées | en urgence absolue | en urgence relative | dans un état grave | dans un état critique | entre la vie et la mort ; wounded
secourus | secourues | secouru | secourue | sauvés | sauvées | sauvées vivantes | sauvés vivants | rescapés | se trouvaient à bord | étaient à bord | à bord | se réfugiaient | s'abritaient | s’abritaient | libérés | libérées | relâchés | relâchées | retrouvés en vie | retrouvées en vie | retrouvé en vie | retrouvée en vie | retrouvés vivants | retrouvées vivantes | retrouvés sains et saufs | retrouvées saines et sauves | extrait vivants | extrait vivantes | extraits vivants | extraites vivantes | sortis vivants | sorties vivantes ; other
# people crammed aboard: "Sur un bateau de moins de 7 mètres, près de 70 personnes entassées"
entassés | entassées | s'entassaient | s’entassaient ; other
# poisoned by water or food: "au moins 55 enfants ont été empoisonnés par de l'eau contaminée"
empoisonnés | empoisonnées | intoxiqués | intoxiquées ; other
disparus | disparues | portés disparus | portées disparues | porté disparu | manquent à l'appel | manquent à l’appel | manquent toujours à l'appel | manquent toujours à l’appel | manquaient à l'appel | manquaient à l’appel | restent introuvables | sont introuvables | demeurent introuvables | toujours recherchés | toujours recherchées ; missing
capturés | capturées | capturé | capturée | faits prisonniers | faites prisonnières | fait prisonnier | enlevés | enlevées | kidnappés | kidnappées | arrêtés | arrêtées | arrêté | arrêter | interpellés | interpellées | interpeller | appréhendés | appréhendées | appréhender | détenus | détenues | pris en otage | prises en otage ; captured
évacués | évacuées | évacué | évacuée | déplacés | déplacées | ont fui | fui | fuient | chassés | chassées | expulsés | expulsées | déportés | déportées | exilés | quitté ; displaced
# a noun of what happened, before the figure: "a causé la mort de 3 soldats",
# "l'arrestation de 11 personnes", "la disparition de 40 migrants"
la mort de | la mort d' | la mort d’ ; killed
l'arrestation de | l’arrestation de | l'interpellation de | l’interpellation de | l'enlèvement de | l’enlèvement de ; captured
la disparition de ; missing
l'évacuation de | l’évacuation de ; displaced
# taken to hospital: "146 personnes ayant été envoyées dans les hôpitaux"
envoyés dans les hôpitaux | envoyées dans les hôpitaux | transportés à l'hôpital | transportées à l'hôpital | transportés à l’hôpital | transportées à l’hôpital | admis à l'hôpital | admises à l'hôpital | admis à l’hôpital | admises à l’hôpital | conduits à l'hôpital | conduites à l'hôpital | évacués vers l'hôpital | évacuées vers l'hôpital ; wounded
déployés | déployé | déployée | déployées | déploie | déployer | stationnés | envoyés | mobilisés | dépêchés | engagés | engagées ; troops

# [counted_nouns] people and units a figure may count, measure given by a verb
[counted_nouns]
nourrissons | bébés | fillettes | garçons | adolescents | vieillards | personnes âgées | fidèles | déplacés
soldats | soldat | militaires | militaire | civils | civil | personnes | personne | policiers | policier | gendarmes | employés | salariés | ménages | familles | humanitaires | travailleurs humanitaires | fidèles | écoliers | étudiants | mineurs | pêcheurs | supplétifs | policiers | otages
hommes | homme | femmes | femme | enfants | enfant | habitants | habitant | combattants | combattant | membres
agents | gardes-frontières | garde-frontières | miliciens | rebelles | séparatistes | insurgés | djihadistes | terroristes
militants | manifestants | soldats de la paix | casques bleus | volontaires | mercenaires | réservistes | conscrits
Arméniens | Azerbaïdjanais | Azéris | Russes | Ukrainiens | Palestiniens | Israéliens | Syriens | migrants | Ukrainiens
jihadistes | islamistes | assaillants | ressortissants
marins | pilotes | officiers | parachutistes | commandos | légionnaires | fantassins | sapeurs | secouristes | journalistes | médecins | patients | élèves | passagers | villageois | pompiers | pompier | sapeurs-pompiers | sapeur-pompier | soignants | infirmiers | infirmières | gardiens | agents de sécurité | membres d'équipage | touristes | spectateurs | ouvriers | mineurs | pèlerins
troupes | hommes armés

# [troop_cues] words that make a count of people a troop strength
[troop_cues]
force | forces | contingent | déployé | déployée | déploie | déployer | déploiement | stationnés | envoyé | envoyer | mobilisé | mobiliser | renfort | renforts | troupes | effectifs | maintien de la paix | mission | bataillon | brigade

# [units] nouns after a figure that make it no count of people or strikes
[units]
ans | an | années | année | mois | semaines | semaine | jours | jour | heures | heure | minutes | décennies | siècles
kilomètres | km | mètres | m | kilos | tonnes | litres | hectares | euros | dollars | roubles | drams | manats | pour cent | % | fois | reprises | pays
