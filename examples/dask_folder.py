#!/usr/bin/python3
"""Analyze every article under a folder with Dask: the records `analyze IN_DIR`
prints, in the same order, written to OUT.jsonl.

    examples/dask_folder.py corpus/ out.jsonl                  # a LocalCluster on this machine
    examples/dask_folder.py --workers 2 corpus/ out.jsonl
    examples/dask_folder.py --scheduler tcp://host:8786 corpus/ out.jsonl

The files are listed here, as the CLI walks a folder (depth first, names in
byte order, *.txt, symbolic links inside folders skipped), and cut into
partitions of --files-per-partition files. Each worker opens one
newsanalyze.Analyzer (the data loads once per worker process, not per file)
and analyzes its partitions; the results come back in partition order and
are written as they arrive, so memory holds a few partitions, not the corpus.

A file that cannot be read gets an error record, as in the CLI's batches;
so does one whose analysis raised (a lost worker, a bug): one bad file never
stops the job. The exit code is 1 when some inputs failed, as the CLI's.

Needs python3-dask and python3-distributed (Debian), and newsanalyze on the
Python path of every worker (PYTHONPATH=PREFIX/lib/python3/dist-packages).
"""
import argparse
import fnmatch
import json
import os
import sys
import time


def list_inputs(root, globs=("*.txt",), from_folder=False):
    """The CLI's walk of `root`, as (path, from_folder) pairs: a file given is
    itself; a folder is walked depth first, each folder's entries in byte order
    of their names."""
    if not os.path.isdir(root):
        yield root, from_folder
        return
    try:
        names = sorted(os.listdir(os.fsencode(root)))
    except OSError as error:
        print(f"dask_folder: {root}: cannot list: {error.strerror}", file=sys.stderr)
        return
    for name in names:
        path = os.path.join(root, os.fsdecode(name))
        if os.path.islink(path):
            continue
        if os.path.isdir(path):
            yield from list_inputs(path, globs, True)
        elif any(fnmatch.fnmatchcase(os.fsdecode(name), g) for g in globs):
            yield path, True


def analyze_partition(inputs, data_dir=None, model=True):
    """The records of one partition's (path, from_folder) inputs, in order, as
    JSON lines. Runs on a worker: the Analyzer is opened once per worker
    process and kept on it."""
    import newsanalyze

    try:
        from distributed import get_worker
        holder = get_worker()
    except (ImportError, ValueError):
        holder = analyze_partition
    analyzer = getattr(holder, "_newsanalyze_analyzer", None)
    if analyzer is None:
        analyzer = newsanalyze.Analyzer(data_dir=data_dir, model=model)
        holder._newsanalyze_analyzer = analyzer
    lines = []
    for path, from_folder in inputs:
        try:
            # The CLI's bytes; from_folder: a FIFO is an error record, not a wait.
            lines.append(analyzer.analyze_file_json(path, from_folder=from_folder))
        except Exception as error:  # a bug must not stop the job: an error record
            record = newsanalyze.error_record(path, "internal", f"{type(error).__name__}: {error}")
            lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return lines


def partitions_of(paths, size):
    for start in range(0, len(paths), size):
        yield paths[start:start + size]


def failed_partition(inputs, error):
    import newsanalyze
    message = f"its partition failed: {type(error).__name__}: {error}"
    return [json.dumps(newsanalyze.error_record(path, "internal", message),
                       ensure_ascii=False, separators=(",", ":")) for path, _ in inputs]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("in_dir", help="folder (or file) of articles")
    parser.add_argument("out", help="output JSON Lines file (- for stdout)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler "
                        "(default: a LocalCluster on this machine)")
    parser.add_argument("--workers", type=int, default=None,
                        help="LocalCluster worker processes (default: one per core)")
    parser.add_argument("--files-per-partition", type=int, default=64)
    parser.add_argument("--data-dir", help="the lexicons, if not the installed data")
    parser.add_argument("--no-model", action="store_true")
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    inputs = list(list_inputs(args.in_dir))
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        # One thread per worker process: the work is in C++, and a process
        # each keeps one Analyzer per core without sharing an interpreter.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    groups = list(partitions_of(inputs, max(1, args.files_per_partition)))
    start = time.monotonic()  # after the cluster is up: the analysis alone
    futures = [client.submit(analyze_partition, group, args.data_dir, not args.no_model,
                             pure=False) for group in groups]
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    failed = 0
    try:
        for group, future in zip(groups, futures):
            try:
                lines = future.result()
            except Exception as error:  # the worker died: the files still get records
                lines = failed_partition(group, error)
            for line in lines:
                if '"error":{' in line and json.loads(line).get("error"):
                    failed += 1
                out.write(line + "\n")
            future.release()
    finally:
        if out is not sys.stdout:
            out.close()
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"dask_folder: {len(inputs)} files, {len(inputs) - failed} ok, {failed} failed; "
          f"{time.monotonic() - start:.1f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
