"""Filling the navigator from the library: what is read at once, and what on a worker.

A window must be usable at once whatever the store's size (issue 19: ≤ 0.5 s to the window
at 10,000 sources, ≤ 1 s at 100,000). On opening a store the topics and briefs are listed at
once (tens of rows); the sources are listed at once only in a small store
(:data:`LIST_AT_ONCE`), else on a worker, and the tree gets them when they arrive, keeping
the node the officer is on. The topics' passage counts are always counted on a worker and
filled in after. After an edit, ``reload(wait=False)`` lists on a worker too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefer.briefs import coverage as coverage_counts
from briefer.briefs import service
from briefer.briefs.model import BriefSummary
from briefer.library import sources, topics
from briefer.library.views import SourceInfo, TopicInfo
from briefer.store import Store
from briefer.ui import workers
from briefer.ui.navigator import Navigator
from briefer.ui.navigator_model import Tree
from briefer.ui.qt import QObject, Signal
from briefer.ui.workspace import Workspace

#: Up to this many sources the listing is read on the UI thread when a store opens (a few
#: milliseconds); above it the window shows first and the sources follow from a worker.
LIST_AT_ONCE = 2000


def topics_on_coverage(store: Store) -> list[TopicInfo]:
    """Topics with their passage counts per source kind as the coverage map counts them
    (passages on the topic: primary tags, no headings, no replaced versions), so the
    navigator's "13 · 3" is the sum of the topic's coverage row and opens a board of 13
    and 3 passages."""
    totals = coverage_counts.totals_by_kind(coverage_counts.coverage(store))
    zero = {"industry": 0, "official": 0, "other": 0}
    return [
        replace(t, counts=totals.get(t.id, dict(zero)))
        for t in topics.list_topics(store, counts=False)
    ]


Listing = tuple[list[TopicInfo], list[SourceInfo]]
#: a listing read on a worker, with the briefs and the navigator's tree built there too
Built = tuple[list[TopicInfo], list[SourceInfo], Tree]


class NavigatorLoader(QObject):
    """Lists topics, sources and briefs for the navigator of one window."""

    #: the sources are in the tree (at once, or when the worker's listing arrived)
    sources_listed = Signal()
    #: the topics' passage counts are in the tree
    topic_counts_loaded = Signal()

    def __init__(
        self,
        ws: Workspace,
        navigator: Navigator,
        show_problem: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.navigator = navigator
        self.show_problem = show_problem
        self.generation = 0
        self.topics: list[TopicInfo] = []
        self.sources: list[SourceInfo] = []
        #: False while a store's sources are still being listed on a worker
        self.sources_ready = False
        self._workers: dict[str, workers.Worker] = {}  # alive until they report

    def briefs(self) -> list[BriefSummary]:
        return self.ws.attempt(lambda: service.list_briefs(self.ws.store)) or []

    def open_store(self) -> None:
        """A store was opened: topics and briefs now, the sources now if few, else after."""
        store = self.ws.store
        self.generation += 1
        generation = self.generation
        found = self.ws.attempt(lambda: topics.list_topics(store, counts=False)) or []
        few = (self.ws.attempt(lambda: sources.count_sources(store)) or 0) <= LIST_AT_ONCE
        if few:
            self._show((found, self.ws.attempt(lambda: sources.list_sources(store)) or []))
            return
        self.topics, self.sources, self.sources_ready = found, [], False
        self.navigator.load(found, [], self.briefs(), pending=True)
        self._start(
            "listing", lambda _job: self._built(found, sources.list_sources(store)), generation
        )

    def reload(self, *, sources_changed: bool = True, wait: bool = True) -> None:
        """Refill the navigator from the services (see the module's note). A change of tags
        only (``sources_changed`` false) keeps the sources already listed."""
        store = self.ws.store
        self.generation += 1
        generation = self.generation
        kept = None if sources_changed else list(self.sources)

        def listing(_job: object = None) -> Listing:
            found = topics.list_topics(store, counts=False)
            return found, kept if kept is not None else sources.list_sources(store)

        if wait:
            self._show(self.ws.attempt(listing) or ([], []), keep_topics=kept is not None)
            return
        built = lambda job: self._built(*listing(job))  # noqa: E731
        self._start("listing", built, generation, keep_topics=kept is not None)

    def _built(self, found: list[TopicInfo], listed: list[SourceInfo]) -> Built:
        """Worker: the briefs read and the whole tree built, so that the UI thread only
        swaps it in."""
        briefs = service.list_briefs(self.ws.store)
        return found, listed, self.navigator.nav_model.build(found, listed, briefs)

    def _start(
        self,
        name: str,
        fn: Callable[[object], object],
        generation: int,
        keep_topics: bool = False,
    ) -> None:
        store = self.ws.store

        def arrived(value: object) -> None:
            if generation != self.generation or store is not self.ws.store:
                return  # a newer listing (or another store) took over
            if name == "listing":
                self._show(value, keep_topics=keep_topics)  # type: ignore[arg-type]
            else:
                self._show_counts(value)  # type: ignore[arg-type]

        worker = workers.Worker(fn)
        worker.signals.result.connect(arrived)
        worker.signals.error.connect(lambda exc: self.show_problem(str(exc)))
        self._workers[name] = worker
        workers.start(worker, owner=self)

    def _show(self, listing: Listing | Built, *, keep_topics: bool = False) -> None:
        found_topics, found_sources = listing[0], listing[1]
        self.topics, self.sources, self.sources_ready = found_topics, found_sources, True
        # tags only: the same topics and sources, so the 10,000-row tree stays
        if not keep_topics or not self.navigator.set_topics(found_topics):
            if len(listing) == 3:
                self.navigator.show_tree(listing[2])  # type: ignore[misc]
            else:
                self.navigator.load(found_topics, found_sources, self.briefs())
        self.sources_listed.emit()
        store = self.ws.store
        self._start("counts", lambda _job: topics_on_coverage(store), self.generation)

    def _show_counts(self, counted: list[TopicInfo]) -> None:
        self.topics = counted
        # the counts fill in the topic rows: rebuilding the whole tree (10,000 sources) for
        # them cost the UI thread a second
        if not self.navigator.set_topics(counted):
            pending = not self.sources_ready
            self.navigator.load(counted, self.sources, self.briefs(), pending=pending)
        self.topic_counts_loaded.emit()
