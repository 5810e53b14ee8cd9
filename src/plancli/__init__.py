"""plancli: track a government's annual development plan against its targets."""

__version__ = "0.1.0"
