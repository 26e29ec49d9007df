"""Ingest: load policy files, repair extraction damage, parse the clause tree, cut chunks."""
