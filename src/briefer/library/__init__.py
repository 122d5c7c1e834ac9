"""The officer's library: sources, passages, topics and search, as services over the store.

Services take plain values and return frozen dataclasses (``briefer.library.views``);
each user action is one unit of work.
"""
