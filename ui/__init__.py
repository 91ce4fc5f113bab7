"""The PySide6 desktop interface of bzdesk (编制桌面)."""

from ui._feature_scan import skip_feature_scan
from ui._refcounts import protect_singletons

protect_singletons()
skip_feature_scan()
