"""Benchmarks: `python -m bench` (`make bench`) measures the product at area scale."""
