"""Benchmarks of Briefing Bot: how answers, ingest, fan-out and footprint grow with the store and audience."""
