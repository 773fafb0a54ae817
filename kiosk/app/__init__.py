"""The visitor application: Qt models, the Navigator, the image provider and the QML bootstrap.

Every Python type that QML sees is registered under one import, `import Kiosk`.
Modules that register types define these two names at module level (QmlElement reads them).
"""

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1
