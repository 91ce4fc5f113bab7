"""Printed output: PDF reports (reportlab) built on a small domain-free layer.

- ``fonts``: the shipped CJK fonts, the office's own 仿宋/小标宋/黑体, per-character fallback.
- ``pdf``: ``TableReport`` (A4 landscape tables) and ``DocumentPage`` (GB/T 9704 pages).

Nothing here imports reportlab at package import time: the GUI imports it lazily.
"""
