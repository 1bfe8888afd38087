"""Turns Google Benchmark JSON (news_bench --benchmark_format=json) into a
table of MB/s, articles/s and the ratio of each benchmark's time to the
baseline of the same language measured in the same run (BM_Baseline_*).

    build-bench/news_bench --benchmark_format=json > /tmp/bench.json
    python3 bench/report.py /tmp/bench.json
"""
import json
import sys


def main():
    data = json.load(open(sys.argv[1]))
    rows = [b for b in data["benchmarks"] if b.get("run_type", "iteration") == "iteration"]
    baseline = {}
    for b in rows:
        if b["name"].startswith("BM_Baseline_"):
            baseline[b["name"].rsplit("/", 1)[-1]] = b["real_time"]
    print(f"machine: {data['context'].get('host_name', '?')}, {data['context']['num_cpus']} CPUs "
          f"at {data['context']['mhz_per_cpu']} MHz, {data['context']['date']}")
    print("| benchmark | MB/s | articles/s | time vs baseline |")
    print("|---|---:|---:|---:|")
    for b in rows:
        language = b["name"].rsplit("/", 1)[-1]
        mbps = b.get("bytes_per_second", 0) / 1e6
        aps = b.get("items_per_second", 0)
        ratio = b["real_time"] / baseline[language] if language in baseline else None
        ratio_text = f"{ratio:.1f}×" if ratio else ""
        mb_text = f"{mbps:.1f}" if mbps else ""
        aps_text = f"{aps:,.0f}" if aps else f"{b['real_time']:.2f} {b['time_unit']}"
        print(f"| {b['name']} | {mb_text} | {aps_text} | {ratio_text} |")


if __name__ == "__main__":
    main()
