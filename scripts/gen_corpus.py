#!/usr/bin/env python3
"""Writes N generated news-like documents as quotelink JSONL input (id, text,
outlet, date, url): each has a direct quote by a titled speaker, an indirect
one by the surname, a pronoun-attributed quote, an 'according to' report and a
second speaker, drawn from 15 x 2 first names and 225 surnames.

Usage: scripts/gen_corpus.py N > corpus.jsonl   (seeded: the same N gives the same file)
"""
import json
import random
import sys

FEMALE = "Maria Ana Linda Susan Karen Emily Grace Olivia Sofia Hannah Rachel Nadia Julia Elena Laura".split()
MALE = "John Peter David James Robert Michael Carlos Ahmed Daniel Thomas Mark Paul Kevin Brian Luis".split()
SURNAMES = [a + b for a in "Del Mor Har Kim Nak Ole Pet Rod Sch Tan Van Wil Zan Bor Cas".split()
            for b in "gado ris ton berg ski ova ez lin mann ard ler sen ini ek ley".split()]
OUTLETS = "AP Reuters Fox NYT WaPo Politico Breitbart HuffPost".split()


def main() -> None:
    n = int(sys.argv[1])
    rng = random.Random(7)
    out = sys.stdout
    for i in range(n):
        female = rng.random() < 0.5
        first = rng.choice(FEMALE if female else MALE)
        last = rng.choice(SURNAMES)
        pronoun = "she" if female else "he"
        title = rng.choice(["", "Sen. ", "Dr. ", "Mayor ", "Ms. " if female else "Mr. "])
        other = rng.choice(FEMALE + MALE) + " " + rng.choice(SURNAMES)
        text = (f"Report {i} from the city council.\n\n"
                f"\"We will finish the bridge by {rng.randint(2017, 2030)},\" {title}{first} {last} said on Monday. "
                f"{last} added that the work would cost {rng.randint(1, 900)} million dollars. "
                f"\"It is late,\" {pronoun} said. According to {other}, the plan is sound. "
                f"\"We disagree,\" said {other.split()[1]}.")
        record = {"id": f"doc{i}", "text": text, "outlet": rng.choice(OUTLETS),
                  "date": f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                  "url": f"https://example.com/{i}"}
        out.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
