# Countries of the world, in French.
# [countries] names (canonical first) ; demonyms, masculine singular (feminine
# and plural forms are derived; list irregular ones too) ; capitals
[countries]
Afghanistan ; afghan ; Kaboul
Afrique du Sud ; sud-africain ; Pretoria
Albanie ; albanais ; Tirana
Algérie ; algérien ; Alger
Allemagne | République fédérale d'Allemagne | RFA ; allemand ; Berlin
Andorre ; andorran ; Andorre-la-Vieille
Angola ; angolais ; Luanda
Arabie saoudite | Arabie Saoudite ; saoudien ; Riyad
Argentine ; argentin ; Buenos Aires
Arménie | République d'Arménie ; arménien ; Erevan | Yerevan | Erivan
Australie ; australien ; Canberra
Autriche ; autrichien ; Vienne
Azerbaïdjan | Azerbaidjan | République d'Azerbaïdjan ; azerbaïdjanais | azéri ; Bakou | Baku
Bahreïn ; bahreïni ; Manama
Bangladesh ; bangladais ; Dacca
Belgique ; belge ; Bruxelles
Bénin ; béninois ; Porto-Novo
Biélorussie | Bélarus | Belarus ; biélorusse ; Minsk
Birmanie | Myanmar ; birman ; Naypyidaw
Bolivie ; bolivien ; La Paz
Bosnie-Herzégovine ; bosnien ; Sarajevo
Botswana ; botswanais ; Gaborone
Brésil ; brésilien ; Brasilia
Bulgarie ; bulgare ; Sofia
Burkina Faso ; burkinabè ; Ouagadougou
Burundi ; burundais ; Gitega
Cambodge ; cambodgien ; Phnom Penh
Cameroun ; camerounais ; Yaoundé
Canada ; canadien ; Ottawa
Chili ; chilien ; Santiago
Chine | République populaire de Chine ; chinois ; Pékin | Beijing
Chypre ; chypriote ; Nicosie
Colombie ; colombien ; Bogota
Comores ; comorien ; Moroni
Congo | République du Congo ; congolais ; Brazzaville
République démocratique du Congo | RDC ; congolais ; Kinshasa
Corée du Nord ; nord-coréen ; Pyongyang
Corée du Sud ; sud-coréen ; Séoul
Costa Rica ; costaricien ; San José
Côte d'Ivoire ; ivoirien ; Yamoussoukro | Abidjan
Croatie ; croate ; Zagreb
Cuba ; cubain ; La Havane
Danemark ; danois ; Copenhague
Djibouti ; djiboutien ; Djibouti
Égypte | Egypte ; égyptien ; Le Caire
Émirats arabes unis | EAU ; émirati ; Abou Dhabi
Équateur ; équatorien ; Quito
Érythrée ; érythréen ; Asmara
Espagne ; espagnol ; Madrid
Estonie ; estonien ; Tallinn
Eswatini ; swazi ; Mbabane
États-Unis | Etats-Unis | États-Unis d'Amérique ; américain | étasunien ; Washington
Éthiopie | Ethiopie ; éthiopien ; Addis-Abeba
Fidji ; fidjien ; Suva
Finlande ; finlandais ; Helsinki
France ; français ; Paris
Gabon ; gabonais ; Libreville
Gambie ; gambien ; Banjul
Géorgie ; géorgien ; Tbilissi
Ghana ; ghanéen ; Accra
Grèce ; grec | grecque | grecs | grecques ; Athènes
Guatemala ; guatémaltèque ; Guatemala
Guinée ; guinéen ; Conakry
Guinée-Bissau ; bissaoguinéen ; Bissau
Guinée équatoriale ; équatoguinéen ; Malabo
Haïti ; haïtien ; Port-au-Prince
Honduras ; hondurien ; Tegucigalpa
Hongrie ; hongrois ; Budapest
Inde ; indien ; New Delhi
Indonésie ; indonésien ; Jakarta
Irak | Iraq ; irakien ; Bagdad
Iran ; iranien ; Téhéran
Irlande ; irlandais ; Dublin
Islande ; islandais ; Reykjavik
Israël ; israélien ; Jérusalem | Tel-Aviv
Italie ; italien ; Rome
Jamaïque ; jamaïcain ; Kingston
Japon ; japonais ; Tokyo
Jordanie ; jordanien ; Amman
Kazakhstan ; kazakh | kazakhe ; Astana
Kenya ; kényan ; Nairobi
Kirghizistan ; kirghiz ; Bichkek
Kosovo ; kosovar ; Pristina
Koweït ; koweïtien ; Koweït
Laos ; laotien ; Vientiane
Lettonie ; letton ; Riga
Liban ; libanais ; Beyrouth
Liberia ; libérien ; Monrovia
Libye ; libyen ; Tripoli
Liechtenstein ; liechtensteinois ; Vaduz
Lituanie ; lituanien ; Vilnius
Luxembourg ; luxembourgeois ; Luxembourg
Macédoine du Nord ; macédonien ; Skopje
Madagascar ; malgache ; Antananarivo
Malaisie ; malaisien ; Kuala Lumpur
Malawi ; malawite ; Lilongwe
Mali ; malien ; Bamako
Malte ; maltais ; La Valette
Maroc ; marocain ; Rabat
Mauritanie ; mauritanien ; Nouakchott
Maurice ; mauricien ; Port-Louis
Mexique ; mexicain ; Mexico
Moldavie | Moldova ; moldave ; Chisinau
Monaco ; monégasque ; Monaco
Mongolie ; mongol ; Oulan-Bator
Monténégro ; monténégrin ; Podgorica
Mozambique ; mozambicain ; Maputo
Namibie ; namibien ; Windhoek
Népal ; népalais ; Katmandou
Nicaragua ; nicaraguayen ; Managua
Niger ; nigérien ; Niamey
Nigeria | Nigéria ; nigérian ; Abuja
Norvège ; norvégien ; Oslo
Nouvelle-Zélande ; néo-zélandais ; Wellington
Oman ; omanais ; Mascate
Ouganda ; ougandais ; Kampala
Ouzbékistan ; ouzbek | ouzbèke ; Tachkent
Pakistan ; pakistanais ; Islamabad
Palestine | Territoires palestiniens ; palestinien ; Ramallah
Panama ; panaméen ; Panama
Paraguay ; paraguayen ; Asuncion
Pays-Bas ; néerlandais ; Amsterdam | La Haye
Pérou ; péruvien ; Lima
Philippines ; philippin ; Manille
Pologne ; polonais ; Varsovie
Portugal ; portugais ; Lisbonne
Qatar ; qatari ; Doha
République centrafricaine | Centrafrique ; centrafricain ; Bangui
République dominicaine ; dominicain ; Saint-Domingue
République tchèque | Tchéquie ; tchèque ; Prague
Roumanie ; roumain ; Bucarest
Royaume-Uni | Grande-Bretagne ; britannique ; Londres
Russie | Fédération de Russie ; russe ; Moscou
Rwanda ; rwandais ; Kigali
Salvador ; salvadorien ; San Salvador
Sénégal ; sénégalais ; Dakar
Serbie ; serbe ; Belgrade
Sierra Leone ; sierraléonais ; Freetown
Singapour ; singapourien ; Singapour
Slovaquie ; slovaque ; Bratislava
Slovénie ; slovène ; Ljubljana
Somalie ; somalien ; Mogadiscio
Soudan ; soudanais ; Khartoum
Soudan du Sud ; sud-soudanais ; Djouba
Sri Lanka ; sri-lankais ; Colombo
Suède ; suédois ; Stockholm
Suisse ; suisse ; Berne
Suriname ; surinamais ; Paramaribo
Syrie ; syrien ; Damas
Tadjikistan ; tadjik | tadjike ; Douchanbé
Taïwan | Taiwan ; taïwanais ; Taipei
Tanzanie ; tanzanien ; Dodoma
Tchad ; tchadien ; N'Djamena
Thaïlande ; thaïlandais ; Bangkok
Timor oriental ; timorais ; Dili
Togo ; togolais ; Lomé
Trinité-et-Tobago ; trinidadien ; Port-d'Espagne
Tunisie ; tunisien ; Tunis
Turkménistan ; turkmène ; Achgabat
Turquie ; turc | turque | turcs | turques ; Ankara
Ukraine ; ukrainien ; Kiev | Kyiv | Kyïv
Uruguay ; uruguayen ; Montevideo
Vatican | Saint-Siège ; ; Vatican
Venezuela ; vénézuélien ; Caracas
Viêt Nam | Vietnam | Viet Nam ; vietnamien ; Hanoï
Yémen ; yéménite ; Sanaa
Zambie ; zambien ; Lusaka
Zimbabwe ; zimbabwéen ; Harare
# Historical states, still named in news about their legacy.
Union soviétique | URSS | Union des républiques socialistes soviétiques ; soviétique
Yougoslavie ; yougoslave
Tchécoslovaquie ; tchécoslovaque
