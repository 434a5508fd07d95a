"""How far PolNeAR's annotators agree with each other, scored as `quotelink
eval polnear` scores a prediction: the ceiling the quote targets are set
against.

Some PolNeAR articles have two annotators. For each, the second annotator's
attributions are scored against the first's: a match when the Dice
coefficient of the two Contents' alphanumeric characters is at least 0.5
(one-to-one, greedy by Dice), exact when they hold the same alphanumeric
characters. "direct" keeps the Contents that hold a double quotation mark or
open with a single one, as the evaluation does.

    python3 scripts/polnear_agreement.py [../shared/data/polnear]

Standard library only.
"""

import collections
import glob
import os
import sys

SUBSETS = ("all", "direct")


def attributions(path):
    """The Content spans of the attributions in one brat `.ann` file."""
    spans, events = {}, []
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, ranges = fields[1].split(" ", 1)
            fragments = [tuple(map(int, r.split())) for r in ranges.split(";")]
            spans[fields[0]] = (label, fragments)
        elif fields[0].startswith("E"):
            roles = dict(a.split(":") for a in fields[1].split()[1:] if ":" in a)
            parts = {spans[t][0]: spans[t][1] for t in roles.values() if t in spans}
            if "Content" in parts:
                events.append(parts["Content"])
    return events


def letters(text, fragments):
    """Positions of the alphanumeric characters of `fragments`."""
    return frozenset(
        i for a, b in fragments for i in range(a, min(b, len(text))) if text[i].isalnum()
    )


def is_direct(text, fragments):
    joined = "".join(text[a:b] for a, b in fragments)
    return any(c in joined for c in '"“”') or joined.lstrip().startswith(("'", "‘"))


def dice(a, b):
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def score(first, second):
    """(matched, exact) of `second` against `first`, one-to-one by Dice."""
    pairs = sorted(
        ((dice(a, b), i, j) for i, a in enumerate(first) for j, b in enumerate(second)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    used_first, used_second = set(), set()
    matched = exact = 0
    for d, i, j in pairs:
        if d < 0.5 or i in used_first or j in used_second:
            continue
        used_first.add(i)
        used_second.add(j)
        matched += 1
        exact += d == 1.0
    return matched, exact


def main(root):
    totals = {s: collections.Counter() for s in SUBSETS}
    articles = 0
    for split in ("train", "dev"):
        files = collections.defaultdict(list)
        for path in sorted(glob.glob(os.path.join(root, split, "attributions", "*.ann"))):
            files[os.path.basename(path).rsplit("_", 1)[0]].append(path)
        for name, paths in sorted(files.items()):
            if len(paths) < 2:
                continue
            articles += 1
            text = open(os.path.join(root, split, "text", name + ".txt"), encoding="utf-8").read()
            first, second = attributions(paths[0]), attributions(paths[1])
            for subset in SUBSETS:
                keep = (lambda f: True) if subset == "all" else (lambda f: is_direct(text, f))
                a = [letters(text, f) for f in first if keep(f)]
                b = [letters(text, f) for f in second if keep(f)]
                matched, exact = score(a, b)
                totals[subset].update(first=len(a), second=len(b), matched=matched, exact=exact)
    print(f"articles with two annotators: {articles}")
    for subset, t in totals.items():
        both = t["first"] + t["second"]
        print(
            f"{subset:>6}: {t['first']} / {t['second']} attributions, "
            f"match F1 {2 * t['matched'] / both:.3f}, exact content F1 {2 * t['exact'] / both:.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/polnear")
