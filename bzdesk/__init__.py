"""bzdesk (编制桌面): the core library. It never imports Qt or ``ui``."""

__version__ = "0.1.0"
