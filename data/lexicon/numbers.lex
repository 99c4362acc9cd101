# Numbers written as words, and the words that bound a figure.
# [numbers] word ; value. Compounds (vingt-trois, quatre-vingt-dix, deux mille)
# are built from these.
[numbers]
zéro ; 0
un | une ; 1
deux ; 2
trois ; 3
quatre ; 4
cinq ; 5
six ; 6
sept ; 7
huit ; 8
neuf ; 9
dix ; 10
onze ; 11
douze ; 12
treize ; 13
quatorze ; 14
quinze ; 15
seize ; 16
vingt | vingts ; 20
trente ; 30
quarante ; 40
cinquante ; 50
soixante ; 60
septante ; 70
huitante | octante ; 80
nonante ; 90
cent | cents ; 100
mille ; 1000
million | millions ; 1000000
milliard | milliards ; 1000000000

# [approx_numbers] nouns of approximate quantity ; value ("une centaine de")
[approx_numbers]
dizaine | dizaines ; 10
douzaine | douzaines ; 12
quinzaine ; 15
vingtaine ; 20
trentaine ; 30
quarantaine ; 40
cinquantaine ; 50
soixantaine ; 60
centaine | centaines ; 100
millier | milliers ; 1000

# [bounds] words before a figure ; bound (exact, at_least, at_most, approx)
# ("prés de", "A peu près": frequent misspelling and unaccented capital)
[bounds]
au moins | pas moins de | plus de | plus d' | plus d’ | au minimum | davantage que | bien plus de | plus que ; at_least
au plus | au maximum | moins de | moins d' | moins d’ | jusqu'à | jusqu’à | pas plus de ; at_most
près de | près d' | près d’ | prés de | prés d' | prés d’ | environ | presque | quelque | approximativement | autour de | quasiment | pratiquement | grosso modo | à peu près | a peu près | aux alentours de | de l'ordre de | de l’ordre de | plus ou moins | avoisinant ; approx
exactement | précisément ; exact
