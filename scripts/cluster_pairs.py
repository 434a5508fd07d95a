#!/usr/bin/env python3
"""Writes the labelled occurrence pairs of `quotelink eval clusters`
(data/clusters/pairs.jsonl): generated syndication pairs
(scripts/gen_quotes.py --pairs) and real pairs from PolNeAR train.

PolNeAR pairs: every attribution whose Source names someone (a capitalised
word that is not a pronoun; the speaker is its last such word) and whose
Content has 4 words or more; pairs of contents by the same speaker from
different annotations whose words overlap (3-word shingle coverage 0.25 or
more, the same measure as the rule) are near misses. From the distinct
non-identical ones, 90 with coverage 0.5 or more and 40 below were drawn
(seeded) and labelled by hand (LABELS: S same statement, D different, X
left out as undecidable: the same claim paraphrased in two reports, or a
stump line said on two occasions); 20 identical contents from two different
articles (syndicated copies, same once marks are folded) are added as
same.

Usage: scripts/cluster_pairs.py [SHARED_DATA=../shared/data] > data/clusters/pairs.jsonl
"""
import itertools
import json
import os
import random
import re
import subprocess
import sys
from collections import defaultdict

PRONOUNS = set("he she they it we i you his her their its our this that who which one".split())
# The hand labels of the 130 drawn pairs, in drawing order.
LABELS = ("DDSSSDDXDDDDSSDDDSDDDDDDDDSDDXDDDDSDDXDDDDDDDDSXSDSDXSDDDDDDDSDDD"
          "DDDDDSXDDXDDDXDSDDDXXDXSDDDDDDSXDXDDDDDDDDDDDDDSDDDXDDDDDSDDXXDDD")


def tokens(s):
    s = re.sub(r"(?<=\w)['’‘](?=\w)", "", s.lower())
    return re.findall(r"\w+", s)


def coverage(a, b, k=3):
    def covered(x, y):
        if not x:
            return 0.0
        shingles = {tuple(y[i:i + k]) for i in range(max(1, len(y) - k + 1))}
        reach = total = 0
        width = min(k, len(x))
        for i in range(max(1, len(x) - k + 1)):
            if tuple(x[i:i + k]) in shingles:
                total += i + width - max(reach, i)
                reach = i + width
        return total / len(x)
    ta, tb = tokens(a), tokens(b)
    return max(covered(ta, tb), covered(tb, ta))


def attributions(split):
    """(article, speaker, content) of PolNeAR attributions with a named source."""
    seen = set()
    for ann in sorted(os.listdir(f"{split}/attributions")):
        article = ann.rsplit("_", 1)[0]
        if article in seen:
            continue  # the first annotator's file only
        seen.add(article)
        spans, relations = {}, []
        for line in open(f"{split}/attributions/{ann}", encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T") and len(parts) >= 3:
                spans[parts[0]] = parts[2]
            elif parts[0].startswith("E"):
                relations.append(dict(x.split(":") for x in parts[1].split()))
        for r in relations:
            source, content = spans.get(r.get("Source")), spans.get(r.get("Content"))
            if not source or not content:
                continue
            names = [w for w in re.findall(r"[A-Z][a-zA-Z\-]+", source) if w.lower() not in PRONOUNS]
            if names:
                yield article, names[-1], content.strip()


def polnear_pairs(split):
    by_speaker = defaultdict(list)
    for item in attributions(split):
        by_speaker[item[1]].append(item)
    candidates = []
    for items in by_speaker.values():
        items = [i for i in items if len(tokens(i[2])) >= 4]
        for a, b in itertools.combinations(items, 2):
            c = coverage(a[2], b[2])
            if c >= 0.25:
                candidates.append((c, a, b))
    candidates.sort(key=lambda x: -x[0])
    seen, high, mid, identical = set(), [], [], []
    for c, a, b in candidates:
        ta, tb = " ".join(tokens(a[2])), " ".join(tokens(b[2]))
        key = tuple(sorted([ta, tb]))
        if key in seen:
            continue
        seen.add(key)
        if ta == tb:
            if a[0] != b[0]:
                identical.append((c, a, b))
            continue
        (high if c >= 0.5 else mid).append((c, a, b))
    random.seed(1)
    mid = random.sample(mid, 60)
    random.seed(2)
    drawn = random.sample(high, 90) + random.sample(mid, 40)
    assert len(LABELS) == len(drawn)
    random.seed(3)
    out = []
    for (c, a, b), label in zip(drawn, LABELS):
        if label != "X":
            out.append((a, b, label == "S", "near miss" if label == "D" else "same statement"))
    for c, a, b in random.sample(identical, min(20, len(identical))):
        out.append((a, b, True, "syndicated copy"))
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data")
    generated = subprocess.run([sys.executable, os.path.join(root, "scripts", "gen_quotes.py"),
                                "--pairs", "320"], check=True, capture_output=True, text=True)
    sys.stdout.write(generated.stdout)
    for a, b, same, case in polnear_pairs(os.path.join(shared, "polnear", "train")):
        print(json.dumps({"a": a[2], "b": b[2], "speaker_a": a[1], "speaker_b": b[1], "same": same,
                          "source": "polnear", "case": case, "articles": [a[0], b[0]]},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
