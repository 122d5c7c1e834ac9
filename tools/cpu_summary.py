"""Totals of ``tools/cpu_per_test.py``'s rows: ``python tools/cpu_summary.py <folder> [N]``.

Prints the whole run's CPU (set-up, call, tear-down, children), then the CPU by folder, by
file and the N costliest tests (CPU seconds, own process + waited-for children).
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path


def main(folder: str, top: int = 40) -> None:
    rows: list[tuple[str, list[float]]] = []
    for path in sorted(Path(folder).glob("cpu-*.tsv")):
        for line in path.read_text().splitlines():
            parts = line.split("\t")
            if line.startswith("#"):
                print(path.name, *parts)
                continue
            rows.append((parts[0], [float(x) for x in parts[1:7]]))
    total = sum(sum(v) for _, v in rows)
    setup = sum(v[0] + v[1] for _, v in rows)
    call = sum(v[2] + v[3] for _, v in rows)
    children = sum(v[1] + v[3] + v[5] for _, v in rows)
    print(f"tests {len(rows)}  cpu {total:.1f} s  (set-up {setup:.1f}, call {call:.1f}, "
          f"children {children:.1f})")
    by_file: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0, 0.0, 0.0])
    by_dir: dict[str, float] = collections.defaultdict(float)
    for nodeid, v in rows:
        name = nodeid.split("::")[0]
        entry = by_file[name]
        entry[0] += sum(v)
        entry[1] += 1
        entry[2] += v[0] + v[1]
        entry[3] += v[1] + v[3] + v[5]
        by_dir["/".join(name.split("/")[:2])] += sum(v)
    print("\nby folder")
    for name, cpu in sorted(by_dir.items(), key=lambda kv: -kv[1]):
        print(f"{cpu:8.1f} {name}")
    print("\nby file: cpu, tests, set-up, children")
    for name, (cpu, n, s, c) in sorted(by_file.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"{cpu:8.1f} {int(n):4d} {s:7.1f} {c:7.1f} {name}")
    print("\ncostliest tests: cpu, set-up, call, children")
    for nodeid, v in sorted(rows, key=lambda r: -sum(r[1]))[:top]:
        print(f"{sum(v):7.2f} {v[0] + v[1]:6.2f} {v[2] + v[3]:6.2f} {v[1] + v[3] + v[5]:6.2f} "
              f"{nodeid}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40)
