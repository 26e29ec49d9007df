"""Retrieval: embedders, the Chroma store, Chinese BM25, fusion, filters and query analysis."""
