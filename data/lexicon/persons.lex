# People: titles and functions that announce a name, and common first names
# (from many languages) that make "Firstname Lastname" a person.
# [titles] title phrases, lower case as written in running text
[titles]
président | présidente | président de la République | chef de l'État | vice-président | vice-présidente
Premier ministre | Première ministre | premier ministre | première ministre | chef du gouvernement
ministre | ministre des Affaires étrangères | ministre de la Défense | ministre de l'Intérieur | vice-ministre
chef de la diplomatie | secrétaire d'État | secrétaire général | secrétaire générale | haut représentant
porte-parole | porte-parole du Kremlin | porte-parole du ministère | conseiller | conseillère
ambassadeur | ambassadrice | envoyé spécial | émissaire | médiateur
dirigeant | dirigeants | dirigeante | leader | chef | cheffe | commandant | général | colonel | amiral
maire | gouverneur | gouverneure | député | députée | sénateur | sénatrice | chancelier | chancelière
roi | reine | prince | émir | pape | patriarche | cheikh
procureur | procureure | juge | avocat | avocate | directeur | directrice | PDG | patron
journaliste | correspondant | correspondante | analyste | expert | experte | chercheur | chercheuse
M. | Mme | Mlle | Monsieur | Madame | Me | Dr | Pr
opposant | opposante | militant | militante | séparatiste | commandant en chef | chef d'état-major

[first_names]
Vladimir | Dmitri | Dmitry | Sergueï | Sergei | Sergey | Alexeï | Alexei | Alexandre | Alexander | Mikhaïl | Mikhail | Nikolaï | Nikolai | Ivan | Igor | Oleg | Iouri | Youri | Yuri | Andreï | Andrei | Boris | Viktor | Victor | Evgueni | Ievgueni | Yevgeny | Maria | Marija | Maria | Anna | Olga | Elena | Irina | Natalia | Tatiana | Svetlana | Valentina | Ekaterina | Volodymyr | Petro | Oleksandr | Oleksiy | Vitali | Vitaly | Denys | Ramzan | Arkadi | Ruben | Arayik | Armen | Ararat | Aram | Tigran | Levon | Serge | Robert | Nikol | Anna | Ilham | Mehriban | Heydar | Hikmet | Jeyhun | Elmar | Ramiz | Zakir | Recep | Tayyip | Mevlüt | Hakan | Ahmet | Mehmet | Mustafa | Ali | Hassan | Hussein | Mohammed | Mohamed | Mahmoud | Ahmed | Abdel | Abdallah | Ibrahim | Omar | Khaled | Youssef | Bachar | Benjamin | Yoav | Isaac | Naftali | Ehud | Joe | Joseph | Donald | Barack | Hillary | Kamala | Antony | Anthony | John | James | Lloyd | Jake | Mike | Michael | William | George | Richard | Jens | Mark | Charles | Rishi | Boris | Keir | Emmanuel | François | Jean | Jean-Yves | Jean-Marc | Jean-Pierre | Jean-Luc | Marine | Édouard | Gabriel | Catherine | Stéphane | Olaf | Angela | Annalena | Ursula | Josep | Charles | Antonio | António | Giorgia | Mario | Pedro | Xi | Li | Wang | Narendra | Imran | Shehbaz | Kim | Moon | Fumio | Shinzo | Luiz | Inácio | Lula | Jair | Nicolás | Javier | Andrés | Gustavo | Cyril | Paul | Paul | Macky | Ousmane | Abdel | Abiy | Félix | Denis | Alassane | Bola | Kaïs | Abdelmadjid | Mohammed | Salman | Tamim | Volker | Filippo | Rafael | Vahagn | Nairi | Hovik | Davit | David | Zurab | Irakli | Salomé | Maïa | Kassym-Jomart | Noursoultan | Alexandre | Chloé | Pierre | Louis | Nicolas | Thomas | Marie | Sophie | Julie | Claire | Laurent | Philippe | Michel | Alain | Bernard | Christophe | Olivier | Patrick | Éric | Frédéric | Nathalie | Isabelle | Sylvie | Valérie
