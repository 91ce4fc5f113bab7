"""One module per domain; each has ``register(subparsers)``."""
