#!/usr/bin/env python3
"""Turns a hand annotation by surfaces (LANG-names.txt) into offsets (LANG.jsonl).

    python3 tests/data/names-eval/annotate.py en ../shared/data/corpus

Each article's record holds the file (relative to the corpus folder), its
sha256 and the entities as code-point offsets into the file's text: no text of
the article is stored. Every word-bounded occurrence of a surface is marked,
the longest surface first, never overlapping; X spans (titles of works,
events) are only there to keep the names inside them from being marked.
"""
import hashlib, json, os, sys


def word_char(c):
    return c.isalnum()


def main():
    lang, corpus = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    articles, current = [], None
    for line in open(os.path.join(here, lang + "-names.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        if line.startswith("== "):
            current = (line[3:].strip(), [])
            articles.append(current)
            continue
        kind, surface = line.split("\t", 1)
        current[1].append((kind, surface))
    with open(os.path.join(here, lang + ".jsonl"), "w", encoding="utf-8") as out:
        for path, names in articles:
            raw = open(os.path.join(corpus, path), "rb").read()
            text = raw.decode("utf-8")
            taken = [False] * len(text)
            spans = []
            for kind, surface in sorted(names, key=lambda n: -len(n[1])):
                start = text.find(surface)
                found = False
                while start >= 0:
                    end = start + len(surface)
                    bounded = (start == 0 or not word_char(text[start - 1]) or not word_char(surface[0])) and \
                              (end == len(text) or not word_char(text[end]) or not word_char(surface[-1]))
                    if bounded and not any(taken[start:end]):
                        found = True
                        for k in range(start, end):
                            taken[k] = True
                        if kind != "X":
                            spans.append({"start": start, "end": end, "type": kind})
                    start = text.find(surface, start + 1)
                if not found:
                    sys.exit(f"{path}: '{surface}' not found")
            spans.sort(key=lambda s: s["start"])
            record = {"file": path, "sha256": hashlib.sha256(raw).hexdigest(), "entities": spans}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


main()
