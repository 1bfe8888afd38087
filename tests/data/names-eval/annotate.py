#!/usr/bin/env python3
"""Turns a hand annotation by surfaces (LANG-names.txt) into offsets (LANG.jsonl).

    python3 tests/data/names-eval/annotate.py en ../shared/data/corpus

Each article's record holds the file (relative to the corpus folder), its
sha256 and the entities as code-point offsets into the file's text: no text of
the article is stored. Every word-bounded occurrence of a surface is marked,
the longest surface first, never overlapping; X spans (titles of works,
events) are only there to keep the names inside them from being marked.

    python3 tests/data/names-eval/annotate.py ko ../shared/data/corpus

Korean (ko): a name is followed by particles (알트먼이, 대법원은, 서울에서), so
an occurrence is bounded on the right by the end of the text, a non-word
character, or the rest of the word (up to the next space or punctuation) being
a particle sequence of data/particles.txt (first column) or one of the bound
words 씨, 측, 등, 님 with or without particles after it (김철수씨는, 윤 측은).
On the left: the start of the text or a non-word character (a space, an
opening bracket or quote). A surface may carry context in square brackets
that must match but is not part of the span: `PS<TAB>송[ 판사]` marks 송 only
where 송 판사 is written (a surname alone, 당 in 당 태종).
"""
import hashlib, json, os, re, sys


def word_char(c):
    return c.isalnum()


BOUND_WORDS = ("씨", "측", "등", "님")


def load_particles(repo):
    particles = set()
    for line in open(os.path.join(repo, "data", "particles.txt"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        particles.add(line.split("\t", 1)[0].strip())
    return particles


def particle_sequence(rest, particles):
    """True if rest (non-empty) is one or more particles of the list in a row."""
    ok = [False] * (len(rest) + 1)
    ok[0] = True
    for i in range(len(rest)):
        if ok[i]:
            for j in range(i + 1, len(rest) + 1):
                if rest[i:j] in particles:
                    ok[j] = True
    return ok[len(rest)]


def ko_right_bounded(text, end, particles):
    if end == len(text) or not word_char(text[end]):
        return True
    stop = end
    while stop < len(text) and word_char(text[stop]):
        stop += 1
    rest = text[end:stop]
    for bound in BOUND_WORDS:
        if rest.startswith(bound):
            rest = rest[len(bound):]
            break
    return rest == "" or particle_sequence(rest, particles)


def split_context(surface):
    """'송[ 판사]' -> ('송 판사', 0, 1): the pattern and the span inside it."""
    m = re.fullmatch(r"(?:\[([^\]]*)\])?([^\[\]]+)(?:\[([^\]]*)\])?", surface)
    if not m:
        sys.exit(f"bad surface '{surface}'")
    before, core, after = m.group(1) or "", m.group(2), m.group(3) or ""
    return before + core + after, len(before), len(before) + len(core)


def main():
    lang, corpus = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    korean = lang == "ko"
    particles = load_particles(os.path.join(here, "..", "..", "..")) if korean else None
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
            order = (lambda n: (split_context(n[1])[1] - split_context(n[1])[2], -len(split_context(n[1])[0]))) \
                if korean else (lambda n: -len(n[1]))
            for kind, surface in sorted(names, key=order):
                if korean:
                    surface, lo, hi = split_context(surface)
                else:
                    lo, hi = 0, len(surface)
                start = text.find(surface)
                found = False
                while start >= 0:
                    end = start + len(surface)
                    if korean:
                        bounded = (start == 0 or not word_char(text[start - 1])) and \
                                  ko_right_bounded(text, end, particles)
                    else:
                        bounded = (start == 0 or not word_char(text[start - 1]) or not word_char(surface[0])) and \
                                  (end == len(text) or not word_char(text[end]) or not word_char(surface[-1]))
                    if bounded and not any(taken[start + lo:start + hi]):
                        found = True
                        for k in range(start + lo, start + hi):
                            taken[k] = True
                        if kind != "X":
                            spans.append({"start": start + lo, "end": start + hi, "type": kind})
                    start = text.find(surface, start + 1)
                if not found:
                    sys.exit(f"{path}: '{surface}' not found")
            spans.sort(key=lambda s: s["start"])
            record = {"file": path, "sha256": hashlib.sha256(raw).hexdigest(), "entities": spans}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


main()
