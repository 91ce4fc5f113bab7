"""The PySide6 desktop interface of bzdesk (编制桌面)."""
