"""Validates JSON Lines on stdin against a JSON Schema (docs/schema.json).

Also checks what a schema cannot say: every located span is inside its
paragraph and, for entities, `text` equals the paragraph's text[start:end].
Prints `N valid` and exits 0, or prints the first problems and exits 1.
"""
import json
import sys

import jsonschema


def spans(record):
    entities = record.get("entities") or {}
    for kind in ("people", "organizations", "locations"):
        for entity in entities.get(kind, []):
            for mention in entity["mentions"]:
                yield kind, mention
    for kind in ("dates", "money", "percentages", "durations", "quantities"):
        for value in entities.get(kind, []):
            yield kind, value


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    count = 0
    for number, line in enumerate(sys.stdin, 1):
        record = json.loads(line)
        count += 1
        for error in validator.iter_errors(record):
            problems.append(f"line {number}: {error.json_path}: {error.message}")
        paragraphs = record.get("paragraphs", [])
        for i, paragraph in enumerate(paragraphs):
            if paragraph["id"] != i:
                problems.append(f"line {number}: paragraph {i} has id {paragraph['id']}")
            for token in paragraph.get("tokens", []):
                if paragraph["text"][token["start"]:token["end"]] != token["text"]:
                    problems.append(f"line {number}: token {token} is not at its offsets")
        for kind, span in spans(record):
            text = paragraphs[span["paragraph"]]["text"]
            if text[span["start"]:span["end"]] != span["text"]:
                problems.append(f"line {number}: {kind} {span} is not at its offsets")
    if problems:
        print("\n".join(problems[:20]))
        sys.exit(1)
    print(f"{count} valid")


if __name__ == "__main__":
    main()
