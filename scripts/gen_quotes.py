#!/usr/bin/env python3
"""Writes generated quotelink OUTPUT (JSON Lines document records, not input)
for `quotelink clusters`: statements by speakers, each carried by one or more
outlets over a few days, every copy with the edits syndication makes.

Statements are 8 to 40 words drawn from a Zipf vocabulary of 20,000 made-up
words and 60 function words, by 3,000 speakers (Zipf); a third open with a shared phrase ("I think that
we need to", ...) and a few are short common phrases ("a total disaster").
Each copy is one of: the statement as it is (40%), a fragment (20%: of at
least 6 words, a tenth of them 4 or 5), cut or extended edges (15%), an ellipsis for inner words (10%),
one word changed or dropped (10%), upper case (5%); any copy may get curly or
straight marks, and 5% are attributed to another speaker, 5% to none.
Documents are one outlet's copies of one day, at most 12 quotes each.

Usage:
  scripts/gen_quotes.py --quotes 1000000 > out.jsonl
  scripts/gen_quotes.py --quotes 2000 --truth truth.tsv > out.jsonl
      (truth: doc id, quote index, statement number, and `phrase` for a
      common phrase or `statement`, tab-separated)
  scripts/gen_quotes.py --pairs 300 > pairs.jsonl
      (labelled occurrence pairs: a, b, speakers, same, case)

Seeded: the same arguments give the same output.
"""
import argparse
import json
import random
import sys
from collections import defaultdict

FUNCTION = ("the a an of to in and that is it for on with as was be we they he she "
            "this are not have has will would can our their at by from but all more "
            "no if so what when who there been about which do very just people "
            "than now going").split()
OPENERS = ["I think that we need to", "Let me be clear,", "The fact of the matter is that",
           "At the end of the day", "What I can tell you is that", "We are going to"]
COMMON = ["a total disaster", "thank you very much", "we will see", "it is what it is",
          "no comment at this time", "believe me"]
OUTLETS = [f"Outlet{i:02d}" for i in range(60)]
SYLLABLES = "ka lo mi ne ru sa te vo zi pa do fe gu hi ja ko lu ma ni po ri su ta vu".split()


def vocabulary(rng):
    words = set()
    while len(words) < 20000:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    words = sorted(words)
    rng.shuffle(words)
    return words


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        weights = [1.0 / (i + 1) ** 1.05 for i in range(len(self.words))]
        self.cum = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.speakers = [f"{a.title()} {b.title()}" for a, b in
                         zip(self.words[:3000], self.words[3000:6000])]
        self.speaker_cum = []
        total = 0.0
        for i in range(len(self.speakers)):
            total += 1.0 / (i + 1)
            self.speaker_cum.append(total)

    def zipf(self, cum):
        x = self.rng.random() * cum[-1]
        lo, hi = 0, len(cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def word(self):
        if self.rng.random() < 0.45:
            return self.rng.choice(FUNCTION)
        return self.words[self.zipf(self.cum)]

    def speaker(self):
        # Zipf: the most quoted of 3,000 speakers says about a ninth.
        return self.speakers[self.zipf(self.speaker_cum)]

    def statement(self, opener=None):
        rng = self.rng
        if opener is None and rng.random() < 0.04:
            return rng.choice(COMMON)
        words = [self.word() for _ in range(rng.randint(8, 40))]
        if opener or rng.random() < 0.33:
            words = (opener or rng.choice(OPENERS)).split() + words
        words[0] = words[0][0].upper() + words[0][1:]
        return " ".join(words)

    def edit(self, text, cases=None):
        """One copy of `text` and what was done to it (one of `cases` when
        given)."""
        rng = self.rng
        words = text.split()
        n = len(words)
        r = rng.random()
        if cases:
            r = {"exact": 0.99, "fragment": 0.1, "edges": 0.3, "ellipsis": 0.4,
                 "word": 0.5, "case": 0.57}[rng.choice(cases)]
        case = "exact"
        if r < 0.20 and n >= 6:
            low = 4 if rng.random() < 0.1 else 6  # a tenth are short fragments
            length = rng.randint(min(low, n), max(min(low, n), n - 2))
            start = rng.randint(0, n - length)
            words = words[start:start + length]
            case = "fragment" if length >= 6 else "short fragment"
        elif r < 0.35 and n >= 8:
            words = words[rng.randint(0, 3):n - rng.randint(0, 3)]
            if rng.random() < 0.5:
                words = [rng.choice(["and", "but", "so", "that"])] + words
            case = "edges"
        elif r < 0.45 and n >= 10:
            at = rng.randint(3, n - 5)
            words = words[:at] + [rng.choice(["…", "...", ". . ."])] + words[at + rng.randint(1, 4):]
            case = "ellipsis"
        elif r < 0.55 and n >= 6:
            at = rng.randrange(n)
            if rng.random() < 0.5:
                words = words[:at] + words[at + 1:]
            else:
                words = words[:at] + [self.word()] + words[at + 1:]
            case = "word"
        elif r < 0.60:
            words, case = [w.upper() for w in words], "case"
        body = " ".join(words)
        if rng.random() < 0.5:
            return f"“{body},”", case
        return f"\"{body}.\"", case


def record(doc_id, outlet, date, quotes):
    """A quotelink document record; `quotes` is a list of (text, speaker)."""
    names = sorted({s for _, s in quotes if s})
    out, at = [], 0
    for text, speaker in quotes:
        end = at + len(text)
        q = {"start": at, "end": end, "text": text, "parts": [{"start": at, "end": end, "text": text}],
             "kind": "direct", "cue": {"start": end + 1, "end": end + 5, "text": "said"},
             "cue_class": "speech", "negated": False,
             "speaker": {"start": end + 6, "end": end + 6 + len(speaker or ""), "text": speaker} if speaker else None,
             "speaker_name": speaker, "speaker_id": names.index(speaker) if speaker else None,
             "confidence": 0.9}
        out.append(q)
        at = end + 40
    speakers = [{"id": i, "name": n, "label": "PER", "gender": None, "mentions": [], "quotes": []}
                for i, n in enumerate(names)]
    return {"id": doc_id, "meta": {"outlet": outlet, "date": date}, "text_length": at,
            "sentences": [], "entities": [], "quotes": out, "speakers": speakers}


def corpus(args, out):
    g = Generator(args.seed)
    rng = g.rng
    truth = open(args.truth, "w") if args.truth else None
    made = 0
    number = 0
    day_docs = defaultdict(list)  # (day, outlet) -> [(text, speaker, statement)]
    n_doc = 0
    kinds = {}  # statement -> "phrase" (a common phrase) or "statement"

    def flush(day, keep_after):
        nonlocal n_doc
        for key in sorted(k for k in day_docs if k[0] < keep_after):
            quotes = day_docs.pop(key)
            for i in range(0, len(quotes), 12):
                chunk = quotes[i:i + 12]
                doc_id = f"doc{n_doc}"
                n_doc += 1
                date = f"{2016 + key[0] // 360}-{key[0] % 360 // 30 + 1:02d}-{key[0] % 30 + 1:02d}"
                out.write(json.dumps(record(doc_id, key[1], date, [(t, s) for t, s, _ in chunk]),
                                     ensure_ascii=False) + "\n")
                if truth:
                    for j, (_, _, st) in enumerate(chunk):
                        truth.write(f"{doc_id}\t{j}\t{st}\t{kinds[st]}\n")

    per_day = max(1, args.quotes // 720)
    while made < args.quotes:
        day = made // per_day
        speaker = g.speaker()
        text = g.statement()
        kinds[number] = "phrase" if text in COMMON else "statement"
        carriers = min(int(rng.paretovariate(0.9)), 200)
        for _ in range(carriers):
            copy, _ = g.edit(text)
            s = speaker
            r = rng.random()
            if r < 0.05:
                s = g.speaker()
            elif r < 0.10:
                s = None
            day_docs[(day + min(int(rng.expovariate(0.7)), 10), rng.choice(OUTLETS))].append((copy, s, number))
            made += 1
        number += 1
        if number % 200 == 0:
            flush(day, day)
    flush(10 ** 9, 10 ** 9)
    print(f"gen_quotes: {made} quotes, {number} statements, {n_doc} documents", file=sys.stderr)


def pairs(args, out):
    """Labelled pairs: a copy that is not a fragment against any copy of the
    same statement (same); two statements by one speaker with one opening,
    a common phrase by two speakers, two statements by one speaker
    (different)."""
    g = Generator(args.seed)
    rng = g.rng
    n = 0

    def write(a, b, sa, sb, same, case):
        nonlocal n
        out.write(json.dumps({"a": a, "b": b, "speaker_a": sa, "speaker_b": sb, "same": same,
                              "source": "generated", "case": case}, ensure_ascii=False) + "\n")
        n += 1

    while n < args.pairs:
        r = rng.random()
        speaker = g.speaker()
        if r < 0.6:
            text = g.statement()
            a, _ = g.edit(text, ["exact", "edges", "ellipsis", "word", "case"])
            b, case = g.edit(text)
            write(a, b, speaker, speaker, True, case)
        elif r < 0.8:
            opener = rng.choice(OPENERS)
            write(g.statement(opener), g.statement(opener), speaker, speaker, False, "shared opening")
        elif r < 0.9:
            phrase = rng.choice(COMMON)
            other = g.speaker()
            while other == speaker:
                other = g.speaker()
            write(phrase, phrase, speaker, other, False, "common phrase")
        else:
            write(g.statement(), g.statement(), speaker, speaker, False, "other statement")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quotes", type=int, default=10000, help="quotes to write (corpus mode)")
    ap.add_argument("--pairs", type=int, help="write this many labelled pairs instead")
    ap.add_argument("--truth", help="also write each quote's statement number to this file")
    ap.add_argument("--seed", type=int, default=24)
    args = ap.parse_args()
    out = sys.stdout
    if args.pairs:
        pairs(args, out)
    else:
        corpus(args, out)


if __name__ == "__main__":
    main()
