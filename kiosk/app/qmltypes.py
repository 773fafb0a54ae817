"""A `Kiosk` QML module description (qmldir + Kiosk.qmltypes) for qmllint and qmlls.

The types themselves are registered from Python at run time; tools that read QML without
running it need a description. It is written from the live meta-objects of the registered
classes (properties, signals, slots), and from their decorators (@QmlSingleton and so on),
so it can never drift from the code. `python -m kiosk.app.qmltypes OUT` writes OUT/Kiosk/.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from pathlib import Path

from PySide6.QtCore import QMetaMethod, QMetaObject

from kiosk.app import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.app.bootstrap import register_qml_types

TYPE_NAMES = {"QVariantMap": "QVariantMap", "QVariantList": "QVariantList", "PyObject": "QVariant"}


PACKAGE = Path(__file__).resolve().parent.parent


def qml_modules() -> list[str]:
    """The kiosk's modules that register QML types: the app's own, and any other
    (e.g. kiosk.ops) that declares a class with @QmlElement."""
    names: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(("kiosk", *path.relative_to(PACKAGE).with_suffix("").parts))
        if name not in names and "@QmlElement" in path.read_text(encoding="utf-8"):
            names.append(name)
    return names


def registered_classes() -> list[tuple[type, set[str]]]:
    """Every class decorated with @QmlElement in the Kiosk modules, with its decorators."""
    register_qml_types()
    found = []
    for name in qml_modules():
        module = importlib.import_module(name)
        tree = ast.parse(inspect.getsource(module))
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            decorators = {_decorator_name(d) for d in node.decorator_list}
            if "QmlElement" in decorators or "QmlNamedElement" in decorators:
                found.append((getattr(module, node.name), decorators))
    return found


def _decorator_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _text(value: object) -> str:
    """Meta-object names come back as str, bytes or QByteArray depending on the call."""
    if isinstance(value, str):
        return value
    data = value.data() if hasattr(value, "data") else value
    return bytes(data).decode()  # type: ignore[arg-type]


def _type(name: str) -> str:
    name = name.rstrip("*")
    return TYPE_NAMES.get(name, name or "void")


def _method(method: QMetaMethod, kind: str) -> list[str]:
    name = _text(method.name())
    lines = [f"        {kind} {{", f'            name: "{name}"']
    result = _type(_text(method.typeName())) if kind == "Method" else "void"
    if result != "void":
        lines.append(f'            type: "{result}"')
    for index in range(method.parameterCount()):
        parameter = _text(method.parameterNames()[index]) or f"arg{index}"
        kind_name = _type(_text(method.parameterTypeName(index)))
        lines.append(f'            Parameter {{ name: "{parameter}"; type: "{kind_name}" }}')
    lines.append("        }")
    return lines


def component(cls: type, decorators: set[str]) -> list[str]:
    meta: QMetaObject = cls.staticMetaObject  # type: ignore[attr-defined]
    name = _text(meta.className())
    parent = meta.superClass()
    singleton = "QmlSingleton" in decorators
    creatable = not singleton and "QmlUncreatable" not in decorators
    lines = [
        "    Component {",
        f'        file: "{Path(inspect.getfile(cls)).name}"',
        f'        name: "{name}"',
        '        accessSemantics: "reference"',
        f'        prototype: "{_text(parent.className()) if parent else "QObject"}"',
        f'        exports: ["{QML_IMPORT_NAME}/{name} {QML_IMPORT_MAJOR_VERSION}.0"]',
        f"        isCreatable: {'true' if creatable else 'false'}",
        f"        isSingleton: {'true' if singleton else 'false'}",
        f"        exportMetaObjectRevisions: [{QML_IMPORT_MAJOR_VERSION * 256}]",
    ]
    for index in range(meta.propertyOffset(), meta.propertyCount()):
        prop = meta.property(index)
        entry = [f'name: "{_text(prop.name())}"', f'type: "{_type(_text(prop.typeName()))}"']
        if prop.hasNotifySignal():
            notify = _text(prop.notifySignal().name())
            entry.append(f'notify: "{notify}"')
        entry.append(f"index: {index - meta.propertyOffset()}")
        if not prop.isWritable():
            entry.append("isReadonly: true")
        if prop.isConstant():
            entry.append("isPropertyConstant: true")
        lines.append("        Property { " + "; ".join(entry) + " }")
    for index in range(meta.methodOffset(), meta.methodCount()):
        method = meta.method(index)
        if method.methodType() == QMetaMethod.MethodType.Signal:
            lines += _method(method, "Signal")
        elif method.access() == QMetaMethod.Access.Public:
            lines += _method(method, "Method")
    lines.append("    }")
    return lines


def qmltypes_text() -> str:
    lines = ["import QtQuick.tooling 1.2", "", "// Written by kiosk.app.qmltypes; do not edit.",
             "Module {"]
    for cls, decorators in registered_classes():
        lines += component(cls, decorators)
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_module(folder: Path) -> Path:
    """Write folder/Kiosk/{qmldir,Kiosk.qmltypes}; returns folder (the import path to use)."""
    module = folder / QML_IMPORT_NAME
    module.mkdir(parents=True, exist_ok=True)
    (module / "qmldir").write_text(
        f"module {QML_IMPORT_NAME}\ntypeinfo {QML_IMPORT_NAME}.qmltypes\ndepends QtQuick\n",
        encoding="utf-8",
    )
    (module / f"{QML_IMPORT_NAME}.qmltypes").write_text(qmltypes_text(), encoding="utf-8")
    return folder


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/qml")
    importlib.import_module("kiosk.app.bootstrap")
    print(write_module(target) / QML_IMPORT_NAME)
