# Dates.
# [months] month names and abbreviations ; month number
[months]
janvier | janv. ; 1
février | fevrier | févr. ; 2
mars ; 3
avril | avr. ; 4
mai ; 5
juin ; 6
juillet | juil. ; 7
août | aout ; 8
septembre | sept. ; 9
octobre | oct. ; 10
novembre | nov. ; 11
décembre | decembre | déc. ; 12

# [weekdays] ; ISO weekday (Monday = 1)
[weekdays]
lundi ; 1
mardi ; 2
mercredi ; 3
jeudi ; 4
vendredi ; 5
samedi ; 6
dimanche ; 7

# [relative_days] ; offset in days from the publication date
[relative_days]
aujourd'hui | aujourd’hui | ce jour | ce matin | ce soir | cet après-midi ; 0
hier | hier soir | hier matin | la veille ; -1
avant-hier ; -2
demain ; 1
