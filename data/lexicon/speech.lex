# Attribution: who says what.
# [speech_verbs] verb forms that introduce or follow reported speech
[speech_verbs]
faisait état de | faisaient état de | avait fait état de | avaient fait état de
fait état de | font état de | a fait état de | ont fait état de | faisant état de
# a date may sit before "de": "L'hôpital a fait état jeudi 29 février d'au moins 50 morts"
a fait état | ont fait état | avait fait état | avaient fait état
# elided "d'": "Le précédent bilan faisait état d'au moins 25 soldats tués"
fait état | font état | faisait état | faisaient état | faisant état
# an adverb inside: "qui font désormais état de 15 morts", "a également fait état de"
font désormais état | fait désormais état | font également état | fait également état | a également fait état | ont également fait état | a aussi fait état | ont aussi fait état | faisait alors état | faisaient alors état | font aussi état | fait aussi état
# "les forces ukrainiennes parlaient, elles, de plus de 400 victimes"
parle de | parlent de | parlait de | parlaient de | a parlé de | ont parlé de | avait parlé de | avaient parlé de | parlant de
parle | parlent | parlait | parlaient | parlant
évoque | évoquent | a évoqué | ont évoqué | avait évoqué | avaient évoqué | avaient d'abord évoqué | avait d'abord évoqué | évoquant
dénonce | dénoncent | a dénoncé | ont dénoncé | dénonçant
déplore | déplorent | a déploré | ont déploré | déplorant
confie | confient | a confié | ont confié
# "Les enquêteurs onusiens racontent l'arrivée ... des tirs qui auraient tué « vingt civils »"
raconte | racontent | a raconté | ont raconté | racontait | racontaient | racontant
# "L'Ocha alerte également sur la situation ... : au moins 55 enfants ont été empoisonnés"
# (not "alerte" alone, a noun too: "en alerte violette")
alerte sur | alertent sur | alerte également sur | alerte aussi sur | a alerté | ont alerté | avait alerté | alertant
revendique | revendiquent | a revendiqué | ont revendiqué
communique | a communiqué | ont communiqué | recense | recensent | a recensé | ont recensé | dénombre | dénombrent | a dénombré | ont dénombré
avance | avancent | a avancé | ont avancé | chiffre | chiffrent | a chiffré | ont chiffré
déclare | déclarent | a déclaré | ont déclaré | avait déclaré | avaient déclaré | déclaré | déclarant
affirme | affirment | a affirmé | ont affirmé | avait affirmé | affirmé | affirmant
indique | indiquent | a indiqué | ont indiqué | avait indiqué | avaient indiqué | indiqué | indiquant
précise | précisent | a précisé | ont précisé | avait précisé | avaient précisé | précisé | précisant
annonce | annoncent | a annoncé | ont annoncé | avait annoncé | avaient annoncé | annoncé | annonçant
ajoute | ajoutent | a ajouté | ont ajouté | ajouté | ajoutant
assure | assurent | a assuré | ont assuré | assuré | assurant
souligne | soulignent | a souligné | ont souligné | souligné | soulignant
explique | expliquent | a expliqué | ont expliqué | expliqué | expliquant
estime | estiment | a estimé | ont estimé | estimé | estimant
confirme | confirment | a confirmé | ont confirmé | confirmé | confirmant
rapporte | rapportent | a rapporté | ont rapporté | avaient rapporté | avait rapporté | rapporté | rapportant
écrit | écrivent | a écrit | ont écrit
signale | signalent | a signalé | ont signalé | signalé | signalant
insiste | insistent | a insisté | ont insisté | insisté
soutient | soutiennent | a soutenu | ont soutenu
prétend | prétendent | a prétendu | ont prétendu
affirment-ils | affirme-t-il | affirme-t-elle | a-t-il déclaré | a-t-elle déclaré | a-t-il ajouté | a-t-elle ajouté | a-t-il précisé | a-t-elle précisé | a-t-il indiqué | a-t-elle indiqué | a-t-il affirmé | a-t-elle affirmé | a-t-il souligné | a-t-elle souligné | ont-ils déclaré | ont-ils ajouté
fait savoir | a fait savoir | ont fait savoir
# a report given as object: "Le gouverneur ... a donné le bilan officiel suivant : 24 morts"
a donné le bilan | a donné un bilan | donne le bilan | donne un bilan | a dressé le bilan | a dressé un bilan | dresse un bilan | a livré un bilan | a livré le bilan | a fourni un bilan | a fourni le bilan | a établi le bilan | a établi un bilan | établit le bilan
communique | a communiqué | publie | a publié | ont publié | avait publié | avaient publié | publient
dit | disent | a dit | ont dit | a-t-il dit | a-t-elle dit
lit-on | peut-on lire
reconnaît | reconnaissent | a reconnu | ont reconnu | reconnaissant
révèle | a révélé | ont révélé
dénonce | dénoncent | a dénoncé | ont dénoncé
répond | a répondu | ont répondu
avertit | a averti | met en garde | a mis en garde
qualifie | qualifient | a qualifié | ont qualifié | qualifiant
martèle | martèlent | a martelé | ont martelé | martelant | réaffirme | a réaffirmé | ont réaffirmé | rappelle | a rappelé | ont rappelé
# fearing a toll: "Athènes redoute que des centaines d'autres ne soient portées disparues"
redoute | redoutent | a redouté | ont redouté | craint | craignent | a craint | ont craint | avait craint
menace | a menacé
revendique | a revendiqué | ont revendiqué

# [source_markers] phrases before a source ("selon l'AFP")
[source_markers]
selon | d'après | d’après | cité par | citée par | cités par | citées par | citant | de source | de sources

# [accusation_verbs] "X accuse Y de ..."
[accusation_verbs]
accuse | accusent | a accusé | ont accusé | avait accusé | avaient accusé | accusant | accusé | reproche | a reproché | impute | a imputé

# [denials] phrases by which a speaker denies a proposition
[denials]
met en doute | mettent en doute | a mis en doute | ont mis en doute | mettant en doute | remet en cause | remettent en cause | a remis en cause | ont remis en cause
aucune confiance | n'avoir aucune confiance | n’avoir aucune confiance | ne pas croire | ne croit pas | n'accorde aucun crédit | n’accorde aucun crédit
chiffres fantaisistes | bilan fantaisiste | affabulations | allégations mensongères | propagande mensongère
nie | nient | a nié | ont nié | avait nié | avaient nié | niant | nié | dément | démentent | a démenti | ont démenti | démenti | démentant | démentir | nier
rejette les accusations | a rejeté les accusations | ont rejeté les accusations | rejettent les accusations | rejetant les accusations | rejette les allégations | a rejeté les allégations
réfute | réfutent | a réfuté | ont réfuté | réfutant
conteste | contestent | a contesté | ont contesté
ne correspond pas à la réalité | ne correspondent pas à la réalité | ne correspondait pas à la réalité | ne correspondent pas aux faits | ne correspond pas aux faits
dénuées de fondement | dénuée de fondement | dénué de fondement | sans fondement | infondées | infondée | sont fausses | est fausse | fausses informations | fake news | désinformation | mensongères | mensonger
ne sont pas la cible | ne sont pas visés | ne sont pas visées | n'est pas la cible | n’est pas la cible | n'ont pas été visés | n’ont pas été visés | ne visent pas | ne vise pas | n'a pas visé | n’a pas visé | n'ont pas visé | n’ont pas visé | ne cible pas | ne ciblent pas
n'a rien à voir | n’a rien à voir | n'ont rien à voir | n’ont rien à voir | aucune implication | n'a pas tiré | n’a pas tiré | n'ont pas tiré | n’ont pas tiré | n'a pas bombardé | n’a pas bombardé | n'ont pas bombardé | n’ont pas bombardé
n'avons pas tiré | n'avons pas bombardé | n'avons pas visé | n'avons jamais visé | n'avons rien à voir | ne visons pas | n'a jamais visé | n'ont jamais visé | n'a jamais tiré | n'ont jamais tiré | n'y a eu aucune victime | aucun civil n'a été touché
# "fabrication" alone is also manufacture ("de fabrication américaine"): only "une fabrication" denies
qualifié de mensonges | qualifie de mensonges | a qualifié de mensonge | dénonce des mensonges | pure invention | une fabrication | une pure fabrication | fabrication de toutes pièces | fabriquées de toutes pièces
# first person and passive: "Je démens de façon formelle que ...", "La présence de combattants russes est fermement démentie"
démens | démentons | nions | nies | démentie | démenties | démentis | réfutons | rejetons
# "Elles se sont inscrites en faux contre des « spéculations diffamatoires »"
s'inscrit en faux | s’inscrit en faux | s'inscrivent en faux | s’inscrivent en faux | s'est inscrit en faux | s’est inscrit en faux | s'est inscrite en faux | s’est inscrite en faux | se sont inscrits en faux | se sont inscrites en faux | s'inscrire en faux | s’inscrire en faux | nous inscrivons en faux
# a figure rejected without a counter-figure: "Le nombre de 700 passagers est exagéré"
est exagéré | est exagérée | sont exagérés | sont exagérées | largement exagéré | largement exagérés | est surévalué | sont surévalués | chiffres gonflés | bilan gonflé
# "n'a aucun lien avec", "Elle n'a en revanche «aucun lien» avec la mort du brigadier"
# (words or quotes between), "qualifie de « propagande »": a charge dismissed
n'a aucun lien avec | n’a aucun lien avec | n'ont aucun lien avec | n’ont aucun lien avec | pure propagande | aucun lien
# "des corps ... que certains médias s'évertuent à faire passer pour des civils"
faire passer pour | font passer pour | fait passer pour
# orders of magnitude rebutted: "ça se compte en dizaines et pas en milliers"
pas en milliers | non en milliers | pas en centaines | non en centaines | pas par milliers | pas par centaines
# zero tolls: "pas de morts", "aucun soldat n'a été blessé", "Aucun ressortissant civil n'a perdu la vie"
pas de morts | pas de mort | aucun mort | aucune victime | pas de victimes | pas de victime | aucun blessé | pas de blessés | sans faire de victimes | n'a fait aucune victime | n’a fait aucune victime
n'a perdu la vie | n’a perdu la vie | n'ont perdu la vie | n’ont perdu la vie | n'a été tué | n’a été tué | n'ont été tués | n’ont été tués | n'a été blessé | n’a été blessé | n'ont été blessés | n’ont été blessés
# an action denied outright: "Aucune frappe de l'armée n'a été menée en direction du convoi"
aucune frappe | aucun tir | aucune attaque | aucun bombardement
dément catégoriquement | nie catégoriquement | nie toute implication | nie toute responsabilité | a nié toute implication | a démenti toute implication

# [pronouns] subject pronouns that refer back to the last speaker
[pronouns]
il | elle | ils | elles | celui-ci | celle-ci
