"""Run a seeded scenario on a store, printing ``ok N DIGEST`` after each committed operation.

    python crash_worker.py STORE SEED MAX_OPS

The crash tests kill this process with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_scenario import Scenario, digest

from briefer.bootstrap import open_for_use


def main() -> int:
    path, seed, max_ops = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    store = open_for_use(path)
    scenario = Scenario(store, seed)
    print("ready", flush=True)
    for i in range(1, max_ops + 1):
        label = scenario.step()
        print(f"ok {i} {digest(path)} {label}", flush=True)
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
