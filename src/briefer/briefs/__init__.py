"""Briefs: sections per topic, quotes as evidence, drafting, coverage, versions. No Qt here."""
