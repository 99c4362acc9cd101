#!/usr/bin/env python3
"""Write one article of a given shape and size (bytes) to stdout.

Shapes (issue 12): names, repeated, fragments, places, quotes.
"""
import sys, random

SYL = ["ba","ko","ri","ma","lu","te","zo","ni","sa","vo","de","pa","gi","fo","ne","tu","ra","mi","lo","ke"]

def name(i):
    """The i-th distinct name: letters only, as a French text would have."""
    s = []
    n = i
    while len(s) < 3 or n:
        s.append(SYL[n % len(SYL)])
        n //= len(SYL)
    return ("".join(s)).capitalize()

def gen(shape, size):
    out = []
    total = 0
    i = 0
    while total < size:
        if shape == "names":
            line = f"Le ministre {name(i)} {name(i+1)} a rencontré M. {name(i+2)} {name(i+3)}. "
            i += 4
        elif shape == "repeated":
            line = f"Selon l'AFP, {i + 10} soldats ont été tués.\n"
            i += 1
        elif shape == "fragments":
            frags = ["selon l'AFP", "au moins 12 morts", "a déclaré le ministre", "dont trois enfants",
                     "le bilan s'est alourdi à 40", "d'après l'ONU", "plus de 300 blessés", "à Kiev"]
            line = frags[i % len(frags)] + (", " if i % 7 else "; ")
            i += 1
        elif shape == "places":
            line = f"À {name(i)}, près de {name(i+1)}, dans la région de {name(i+2)}, {i % 50 + 2} civils ont été tués.\n"
            i += 3
        elif shape == "quotes":
            line = f"« Nous avons perdu {i % 80 + 2} hommes », a déclaré {name(i)} à l'AFP. "
            i += 1
        else:
            raise SystemExit(f"unknown shape {shape}")
        out.append(line)
        total += len(line.encode())
    text = "".join(out).encode()[:size]
    return text.decode("utf-8", "ignore")

if __name__ == "__main__":
    shape, size = sys.argv[1], int(sys.argv[2])
    sys.stdout.write(gen(shape, size))
