"""Entry point of the ``briefer`` command: the window without arguments, the CLI with them."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    # A frozen Windows build starts the import pool's workers by running this executable
    # again with multiprocessing's own arguments: let it take over before ours are parsed
    # (a no-op everywhere else, so multiprocessing, ~30 modules, is not imported there).
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    from briefer import cli

    ns = cli.parse_args(args)
    if getattr(ns, "command", None) in (None, "gui"):
        try:
            from briefer.ui.main import run
        except ImportError as exc:  # pragma: no cover - depends on the platform's Qt
            print(f"briefer: cannot start the window: {exc}", file=sys.stderr)
            return 1
        return run(getattr(ns, "store", None), benchmark_startup=ns.benchmark_startup)
    return cli.run(ns)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
