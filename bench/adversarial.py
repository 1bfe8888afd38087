#!/usr/bin/env python3
"""Adversarial shapes: time and peak memory of `analyze` at 1, 4 and 16 MB.

Every shape is generated here (nothing is read from outside the project), at
each size, and analyzed once by the whole program (`analyze --compact`, the
model on); the table gives CPU time (user + system), peak resident memory (ru_maxrss of the
child), the ratios 16 MB / 1 MB, and at the largest size the peak memory
above that of a tiny article, over the input ("x in"). A shape scales linearly when its time ratio stays at or below
20 (16x the input, with start-up and noise) and its peak memory stays within
4x the input plus 100 MB (the program, its lexicons and the model take ~55 MB
on a tiny article).

    python3 bench/adversarial.py build/analyze            # every shape, 1/4/16 MB
    python3 bench/adversarial.py build/analyze --sizes 1,4 --shapes hangul-word
    python3 bench/adversarial.py build/analyze --sizes 50 --shapes mixed-line
    python3 bench/adversarial.py build/analyze --sizes 80 --shapes news-line

Exit status 1 when a shape breaks the bounds (time ratio > 20, or memory
above 4x the input + 100 MB).
"""
import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile

MB = 1 << 20
# No time budget here: the benchmark measures how long a shape takes.
MEMORY_CONSTANT = 100 * MB  # the program, its lexicons and the model (~55 MB), a segment (~20 MB)

HANGUL_FIRST, HANGUL_COUNT = 0xAC00, 11172


def hangul(rng, n):
    return "".join(chr(HANGUL_FIRST + rng.randrange(HANGUL_COUNT)) for _ in range(n))


def repeat_to(piece, size):
    """`piece` repeated to about `size` bytes of UTF-8."""
    unit = len(piece.encode("utf-8"))
    return piece * max(1, size // unit)


def hangul_word(rng, size):
    # One word of syllables, no space: the tokenizer's and the name rules' worst case.
    chunk = hangul(rng, 4096)
    return repeat_to(chunk, size)


def latin_word(rng, size):
    chunk = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4096))
    return repeat_to(chunk, size)


def digit_word(rng, size):
    chunk = "".join(rng.choice("0123456789") for _ in range(4096))
    return repeat_to(chunk, size)


WORDS = ["정부는", "오늘", "발표했다고", "밝혔으며", "시장에서", "김철수", "대표가", "삼성전자",
         "주가는", "서울", "강남구", "투자를", "계획이라고", "전했다", "오픈AI", "그리고"]


def no_sentence_end(rng, size):
    # Words with spaces, one line, never a full stop.
    words = [rng.choice(WORDS) for _ in range(2000)]
    return repeat_to(" ".join(words) + " ", size)


def one_char_paragraphs(rng, size):
    # One Hangul syllable per line: as many paragraphs as the input allows.
    return repeat_to("가\n", size)


def near_identical_paragraphs(rng, size):
    # One paragraph again and again, one syllable changed in each copy.
    base = list("정부는 17일 서울 강남구에서 삼성전자와 함께 2조원 규모의 투자 계획을 발표했다. "
                "김철수 대표는 \"내년 상반기 양산이 목표\"라고 말했다.")
    paragraphs = []
    total = 0
    while total < size:
        copy = list(base)
        copy[rng.randrange(len(copy))] = chr(HANGUL_FIRST + rng.randrange(HANGUL_COUNT))
        line = "".join(copy) + "\n"
        paragraphs.append(line)
        total += len(line.encode("utf-8"))
    return "".join(paragraphs)


def nested_brackets(rng, size):
    # Brackets and quotes opened deep, then closed: ((「“[‘…’]”」)) with words inside.
    opens, closes = "([{「『“‘《〈\"'", ")]}」』”’》〉\"'"
    depth = 2000
    pieces, stack = [], []
    for _ in range(depth):
        k = rng.randrange(len(opens))
        pieces.append(opens[k] + rng.choice(WORDS))
        stack.append(closes[k])
    pieces.extend(reversed(stack))
    return repeat_to(" ".join(pieces) + "\n", size)


def currency_signs(rng, size):
    # Currency signs and units, bare and glued to numbers.
    signs = ["$", "₩", "€", "¥", "£", "원", "달러", "%", "억", "만", "조", "km", "톤", "명"]
    return repeat_to("".join(rng.choice(signs) + (str(rng.randrange(1000)) if rng.random() < 0.3 else "")
                             + (" " if rng.random() < 0.5 else "") for _ in range(4000)), size)


def date_like(rng, size):
    # Date-like tokens back to back: 2023년 11월 17일, 17일(현지시간), 2023-11-17, 오전 9시.
    forms = ["{y}년", "{m}월", "{d}일", "{y}-{m:02}-{d:02}", "{d}일(현지시간)", "오전 {h}시",
             "{y}.{m}.{d}", "지난 {d}일", "{m}/{d}", "내일", "월요일"]
    out = []
    for _ in range(4000):
        out.append(rng.choice(forms).format(y=rng.randrange(1900, 2100), m=rng.randrange(1, 13),
                                            d=rng.randrange(1, 32), h=rng.randrange(1, 13)))
    return repeat_to(" ".join(out) + " ", size)


def news_line(rng, size):
    # Sentences of news (names, places, money, dates, percentages) on one line:
    # what a scraper gives when it drops every line break of a long page.
    out, total = [], 0
    while total < size:
        sentence = (f"{rng.choice(['김철수', '이영희', '박민수'])} {rng.choice(['삼성전자', '현대차', 'LG화학'])} "
                    f"대표는 {rng.randrange(1, 29)}일 서울 {rng.choice(['강남구', '종로구', '마포구'])}에서 "
                    f"{rng.randrange(1, 900)}억원 규모의 투자 계획을 발표했다. 정부는 내년 "
                    f"{rng.randrange(1, 13)}월까지 {rng.randrange(1, 50)}%의 지원을 검토한다고 "
                    f"{rng.choice(WORDS)} 밝혔다. ")
        out.append(sentence)
        total += len(sentence.encode("utf-8"))
    return "".join(out)


def mixed_line(rng, size):
    # One line of every script mixed: Hangul, Latin, digits, Han, punctuation, spaces.
    alphabet = ([chr(HANGUL_FIRST + i) for i in range(0, HANGUL_COUNT, 97)] +
                list("abcXYZ0123456789") + list("中國日本") + list(" .,!?\"'()-·…%$") + ["  "])
    chunk = "".join(rng.choice(alphabet) for _ in range(8192))
    return repeat_to(chunk, size)


SHAPES = {
    "hangul-word": hangul_word,
    "latin-word": latin_word,
    "digit-word": digit_word,
    "no-sentence-end": no_sentence_end,
    "one-char-paragraphs": one_char_paragraphs,
    "near-identical-paragraphs": near_identical_paragraphs,
    "nested-brackets": nested_brackets,
    "currency-signs": currency_signs,
    "date-like": date_like,
    "mixed-line": mixed_line,
    "news-line": news_line,
}


def run(analyze, path):
    """CPU seconds (user + system) and peak resident bytes of one run of the
    program on `path`. CPU time, not wall time: the build machines are shared,
    and one article is analyzed by one thread."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(analyze, [analyze, "--compact", "--max-bytes", "0", "--max-article-seconds", "0",
                           path])
    _, status, usage = os.wait4(pid, 0)
    seconds = usage.ru_utime + usage.ru_stime
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{analyze} {path}: exit status {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_maxrss * 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("analyze", help="the program (build/analyze)")
    parser.add_argument("--sizes", default="1,4,16", help="input sizes in MB (default 1,4,16)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shape names")
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        tiny = os.path.join(folder, "tiny.txt")
        with open(tiny, "w", encoding="utf-8") as out:
            out.write("정부는 17일 서울에서 발표했다.\n")
        base = run(args.analyze, tiny)[1]
        print(f"a tiny article: {base / MB:.0f} MB peak")
        print(f"{'shape':26} " + " ".join(f"{f'{s:g} MB':>16}" for s in sizes) +
              "   ratio time  mem   x in")
        for name in args.shapes.split(","):
            results = []
            for size in sizes:
                text = SHAPES[name](random.Random(args.seed), int(size * MB))
                path = os.path.join(folder, f"{name}.txt")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(text)
                input_bytes = os.path.getsize(path)
                seconds, peak = run(args.analyze, path)
                results.append((seconds, peak))
                if peak > 4 * input_bytes + MEMORY_CONSTANT:
                    failed = True
                    print(f"  {name} at {size:g} MB: peak {peak / MB:.0f} MB is over 4x the input + 100 MB",
                          file=sys.stderr)
            cells = " ".join(f"{s:6.2f} s {p / MB:5.0f} MB" for s, p in results)
            line = f"{name:26} {cells}"
            if len(results) > 1:
                time_ratio = results[-1][0] / max(results[0][0], 1e-3)
                memory_ratio = results[-1][1] / results[0][1]
                line += f"   {time_ratio:6.1f} {memory_ratio:5.1f}"
                if time_ratio > 20 * sizes[-1] / sizes[0] / 16:
                    failed = True
                    line += "  NOT LINEAR"
            line += f" {(results[-1][1] - base) / input_bytes:6.1f}"
            print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
