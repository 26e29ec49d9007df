"""Evaluation: gold sets, metrics, reports and benchmarks."""
