"""Telegram's Bot API faked on 127.0.0.1, for the end-to-end tests and the benchmarks alike.

Neither the bot nor its package build uses it: it runs from the repository, as `tests/` and `bench/` do.
"""
