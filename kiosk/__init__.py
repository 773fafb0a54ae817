"""A touch-screen exhibition kiosk: YAML content and local media, shown full screen with Qt."""

__version__ = "0.1.0"
