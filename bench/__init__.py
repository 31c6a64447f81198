"""Benchmarks of pressbrief's model stages on random-weight models with the published shapes.

`python -m bench [--json] [--articles N] [--quick] [--profile]`: see `bench.run` for what is
measured and BENCHMARKS.md for results. Models are built and converted once into `bench/.cache/`.
"""
