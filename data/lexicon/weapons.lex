# Weapons and military equipment.
# [weapons] canonical name | other names
[weapons]
Akinci | Bayraktar Akinci
Geran-2 | Geran
Mohajer-6 | Mohajer
Wing Loong
MQ-9 Reaper | Reaper
Hermes 900
Heron
Kh-101
Kh-22
Zircon | Tsirkon
Oniks
Neptune
Storm Shadow
Taurus
IRIS-T
NASAMS
SAMP/T
Gepard
Dôme de fer | Iron Dome
Qassam
Fajr-5
Katioucha
M4 Sherman
Bayraktar TB2 | Bayraktar | TB2
Shahed-136 | Shahed
Lancet
Orlan-10 | Orlan
Harop
Switchblade
HIMARS
Javelin
NLAW
Stinger
Patriot
S-300
S-400
Iskander
Kalibr
Kinjal
Tochka-U | Tochka
Grad | BM-21 Grad
Smerch
Tornado-S
Uragan
Storm Shadow
SCALP
ATACMS
Leopard 2 | Leopard
Abrams
Challenger 2
T-72
T-90
Bradley
Caesar
M777
F-16
Su-25
Su-35
MiG-29
Kalachnikov | AK-47
