# International and well-known organizations, armed forces, named military
# operations and armed groups of the regions in the news (world knowledge,
# never an article's incidental names).
# [organizations] canonical name | other names, acronyms (the alias table)
[organizations]
USGS | Institut d'études géologiques des États-Unis | Institut géologique américain | Centre géophysique américain | United States Geological Survey
CSEM | Centre sismologique euro-méditerranéen | EMSC
Croix-Rouge
HCDH | Haut-Commissariat des Nations unies aux droits de l'homme | Bureau des droits de l'homme des Nations unies | Bureau des droits de l'homme de l'ONU | Haut-Commissariat de l'ONU aux droits humains | OHCHR | Haut-Commissariat aux droits de l'homme | Haut-Commissariat de l'ONU aux droits de l'homme
BINUH | Bureau intégré des Nations unies en Haïti
Police nationale d'Haïti | PNH
Programme des Nations unies pour l'environnement | PNUE
UNRWA | agence de l'ONU pour les réfugiés palestiniens | agence des Nations unies pour les réfugiés palestiniens | Office de secours et de travaux des Nations unies pour les réfugiés de Palestine | Office de secours et de travaux des Nations unies pour les réfugiés de Palestine dans le Proche-Orient
OCHA | Bureau de la coordination des affaires humanitaires | Bureau de coordination des affaires humanitaires | Bureau de coordination des affaires humanitaires des Nations unies | Bureau de l'ONU pour la coordination des affaires humanitaires | Bureau de la coordination des affaires humanitaires des Nations unies | Bureau des Nations unies pour la coordination des affaires humanitaires
PAM | Programme alimentaire mondial
OIM | Organisation internationale pour les migrations | IOM | International Organization for Migration
FAO | Organisation des Nations unies pour l'alimentation et l'agriculture
PNUD | Programme des Nations unies pour le développement
Monusco | MONUSCO | Mission de l'Organisation des Nations unies pour la stabilisation en RDC
Minusma | MINUSMA | Mission de l'ONU au Mali | Mission des Nations unies au Mali | Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au Mali
NRC | Conseil norvégien pour les réfugiés
IRC | International Rescue Committee | Comité international de secours
ACLED | Armed Conflict Location & Event Data Project
JNIM | GSIM | Groupe de soutien à l'islam et aux musulmans
EIGS | État islamique au Grand Sahara | Etat islamique au Grand Sahara | État islamique dans le Grand Sahara | Etat islamique dans le Grand Sahara | État islamique du Grand Sahara | État islamique au Sahel
Iswap | ISWAP | État islamique en Afrique de l'Ouest | Etat islamique en Afrique de l'Ouest | Province Afrique de l'Ouest | Province de l'Afrique de l'Ouest | province Afrique de l'Ouest
M23 | Mouvement du 23 mars | M23/AFC
ADF | Forces démocratiques alliées
FDLR | Forces démocratiques de libération du Rwanda
FARDC | Forces armées de la République démocratique du Congo
FAMa | Forces armées maliennes | armée malienne | armées maliennes | FAMas | FAMA | forces maliennes | Forces maliennes
FDS | Forces de défense et de sécurité
Météo-France
Jihad islamique
Africa Corps
Cedeao | CEDEAO | Communauté économique des États de l'Afrique de l'Ouest
AES | Alliance des États du Sahel
G5 Sahel | force conjointe du G5 Sahel | Force conjointe du G5 Sahel | G5-Sahel | FC-G5S | G5
Barkhane | opération Barkhane | force Barkhane | Opération Barkhane
Serval | opération Serval | Opération Serval
Takuba | task force Takuba | force Takuba
Sangaris | opération Sangaris
Ansarul Islam | Ansaroul Islam | Ansar ul Islam | Ansarul Islamiya
Ansar Dine | Ançar Dine | Ançar-dine | Ansar Eddine | Ansar Dîne
Katiba Macina | Front de libération du Macina
AQMI | Al-Qaïda au Maghreb islamique | al-Qaïda au Maghreb islamique
Al-Mourabitoune | Al-Mourabitoun
MNLA | Mouvement national de libération de l'Azawad
CMA | Coordination des mouvements de l'Azawad
SBU
Rosatom
Ukrenergo
Croissant-Rouge palestinien
Fédération internationale des sociétés de la Croix-Rouge et du Croissant-Rouge | FICR
ONU | Organisation des Nations unies | Nations unies | Nations Unies
OTAN | Organisation du traité de l'Atlantique nord | Alliance atlantique
OTSC | Organisation du traité de sécurité collective
Union européenne | UE
Commission européenne
Parlement européen
Conseil de l'Europe
OSCE | Organisation pour la sécurité et la coopération en Europe
Groupe de Minsk
Union africaine
Ligue arabe
CEI | Communauté des États indépendants
OMS | Organisation mondiale de la santé
CICR | Comité international de la Croix-Rouge
Cour pénale internationale | CPI
Cour internationale de justice | CIJ
FMI | Fonds monétaire international
Banque mondiale
HCR | Haut-Commissariat des Nations unies pour les réfugiés | UNHCR | Haut-Commissariat de l'ONU pour les réfugiés | Haut-Commissariat aux réfugiés | agence de l'ONU pour les réfugiés | agence des Nations unies pour les réfugiés
UNICEF | Unicef | Fonds des Nations unies pour l'enfance | Fonds des Nations unies pour l’enfance
Amnesty International
Human Rights Watch | HRW
Médecins sans frontières | MSF
G7
G20
BRICS
Kremlin
Maison Blanche | Maison-Blanche
Pentagone
Élysée
Quai d'Orsay
Downing Street
Département d'État
Hamas
Hezbollah
État islamique | Daech | EI | Etat islamique | organisation État islamique | groupe État islamique | groupe Etat islamique
Wagner | groupe Wagner
Telegram
Facebook
Twitter
YouTube
Tsahal | armée israélienne | Forces de défense israéliennes | Forces de défense d'Israël
FSB
CIA
Mossad
Gardiens de la révolution | Corps des gardiens de la révolution islamique
Casques blancs
Frontex | Agence européenne de garde-frontières et de garde-côtes | Agence européenne de surveillance des frontières
Europol
Interpol
AIEA | Agence internationale de l'énergie atomique
OSDH | Observatoire syrien des droits de l'homme
Talibans
Houthis
Boko Haram
Al-Qaïda | Al-Qaida | al-Qaïda | al-Qaida | Al-Qaeda
Shebab

# [org_heads] capitalised words that start the name of a body, continued by
# names, adjectives and "de X" ("la Défense civile de Gaza", "le Parti
# communiste chinois")
[org_heads]
Croix-Rouge | Défense civile | Protection civile | Croissant-Rouge | Garde nationale | Garde républicaine | Parti | Front | Mouvement | Comité | Agence
Office | Commission | Fédération | Ligue | Assemblée nationale | Assemblée | Cour | Tribunal | Sénat | Brigades | Observatoire | Fondation
Service | Bureau | Association | Syndicat | Conseil | Haut conseil | Haut Conseil | Haut-Conseil | Institut | Haut-Commissariat | Programme alimentaire | Direction générale | Service de sécurité | Forces armées | Armée | République populaire | Centre
# "l'Autorité nationale de gestion des catastrophes (NDMA)"
Autorité

# [org_nouns] nouns after which an organization's name follows ("le gang Gran Grif")
[org_nouns]
gang | milice | opération | opération militaire | groupe armé | groupe jihadiste | groupe djihadiste | groupe rebelle | mouvement rebelle | coalition rebelle | rébellion | organisation jihadiste | organisation djihadiste | ONG | parti | syndicat | collectif | association
# companies: "exploitée par la société philippine Apex Mining", "l'entreprise Lafarge"
société | compagnie | entreprise | firme | société minière | compagnie minière | compagnie aérienne | groupe minier | groupe industriel | armateur | constructeur

# [facilities] nouns of a named venue, facility, street, armed unit or storm;
# the kind of the thing named ("l'hôpital al-Chifa", "le rond-point de
# Naplouse", "la rue al-Rashid", "le bataillon Azov", "le cyclone Chido")
[facilities]
hôpital | clinique | théâtre | salle de concert | salle de spectacle | stade | mosquée | église | cathédrale | synagogue | université | aéroport | prison | centre commercial | gare | centrale nucléaire | centrale ; organization
rond-point | rue | avenue | boulevard | place | pont ; place
bataillon | régiment | brigade | katiba ; organization
cyclone | tempête | tempête tropicale | ouragan | typhon | tornade ; place

# Collective bodies of a country that take its nationality ("les forces de
# l'ordre russes"); alone they refer back to the one named, or to a body the
# article names in full ("les services de secours" ... "le Service de secours
# et des urgences"), or speak in their own generic name ("selon les services
# de secours"), never merged across documents (see generic_heads).
# [institutions] head ; canonical template
[institutions]
services de secours | services d'urgence | services de secours et d'urgence
forces de l'ordre
# "forces de l'ordre" as a cue would hide the troop cue "forces" at the
# same place: it is one too
[troop_cues]
forces de l'ordre

# A kind and an owner that name one body only within their article: "une
# agence de l'ONU" is OCHA in one article, the HCR in another.
[generic_heads]
agence de l'ONU | agence des Nations unies | agence onusienne | services d'urgence | services de secours et d'urgence
# the agents of an inquiry are each article's own ("les enquêteurs" of a UN report,
# of a police case)
enquêteurs | enquêteurs onusiens
