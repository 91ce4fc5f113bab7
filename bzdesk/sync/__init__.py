"""Change capture, the hybrid logical clock, and (later) bundles."""
