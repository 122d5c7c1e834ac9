"""Reading files into text, splitting text into passages, and tagging passages by topic.

Nothing here touches the database: ingest turns bytes into plain values that the store keeps.
"""
