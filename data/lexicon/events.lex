# Event triggers: words that name an event ; event kind
[event_triggers]
frappe | frappes | frappé | frappes de drone | frappes de drones | frappes aériennes | raid | raids | bombardement aérien | attaque de drone | attaques de drones ; strike
tué | tués | tuée | tuées | morts | tuant | meurtre | assassinat | exécution ; killing
violation du cessez-le-feu | violé le cessez-le-feu | violer le cessez-le-feu | violé l'accord | violer l'accord | violations du cessez-le-feu | violant ainsi l'accord | violant l'accord ; ceasefire_violation
cessez-le-feu | trêve | accord de cessez-le-feu | accord de paix | armistice ; ceasefire_agreement
retrait | retirer | retire | se retirer | retrait des troupes | évacuation des troupes ; withdrawal
déployé | déploie | déployer | déploiement | force de maintien de la paix | forces de maintien de la paix | soldats de la paix ; deployment
offensive | offensive éclair | assaut | contre-offensive | opération militaire | mesures antiterroristes | opération antiterroriste | invasion ; offensive
explosion | explosions | attentat | déflagration | explosé ; explosion
bombardements | bombardement | tirs d'artillerie | frappes d'artillerie | pilonnage | tiré | tirs | obus ; shelling
exode | évacués | déplacés | réfugiés | fuite | évacuation ; displacement
guerre | conflit | combats | hostilités | affrontements ; war
