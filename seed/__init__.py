"""Demo families and the synthetic area generator, loaded in batches with UNWIND."""
