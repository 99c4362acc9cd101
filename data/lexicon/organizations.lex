# International and well-known organizations.
# [organizations] canonical name | other names, acronyms (the alias table)
[organizations]
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
CICR | Comité international de la Croix-Rouge | Croix-Rouge
Cour pénale internationale | CPI
Cour internationale de justice | CIJ
FMI | Fonds monétaire international
Banque mondiale
HCR | Haut-Commissariat des Nations unies pour les réfugiés
UNICEF
Amnesty International
Human Rights Watch
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
État islamique | Daech | EI
Wagner | groupe Wagner
Telegram
Facebook
Twitter
YouTube
Tsahal
FSB
CIA
Mossad
Gardiens de la révolution | Corps des gardiens de la révolution islamique
Casques blancs
Frontex
Europol
Interpol
AIEA | Agence internationale de l'énergie atomique
OSDH | Observatoire syrien des droits de l'homme
Talibans
Houthis
Boko Haram
Al-Qaïda | Al-Qaida
Shebab

# [org_heads] capitalised words that start the name of a body, continued by
# names, adjectives and "de X" ("la Défense civile de Gaza", "le Parti
# communiste chinois")
[org_heads]
Défense civile | Protection civile | Croissant-Rouge | Garde nationale | Garde républicaine | Parti | Front | Mouvement | Comité | Agence
Office | Commission | Fédération | Ligue | Assemblée nationale | Assemblée | Cour | Tribunal | Sénat | Brigades | Observatoire | Fondation
Association | Syndicat | Conseil | Institut | Haut-Commissariat | Programme alimentaire | Direction générale | Service de sécurité | Forces armées | Armée
