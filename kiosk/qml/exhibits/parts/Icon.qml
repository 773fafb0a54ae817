pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Shapes

// A simple line icon drawn as a vector shape, crisp at any size.
Item {
    id: icon

    property string name: ""
    property color color: "white"
    property real size: 32

    readonly property var paths: ({
        "play": "M8 4.5 L19.5 12 L8 19.5 Z",
        "pause": "M6.5 5 H10.5 V19 H6.5 Z M13.5 5 H17.5 V19 H13.5 Z",
        "plus": "M12 5 V19 M5 12 H19",
        "minus": "M5 12 H19",
        "left": "M15 4.5 L7.5 12 L15 19.5",
        "right": "M9 4.5 L16.5 12 L9 19.5",
        "fit": "M4 9 V4 H9 M15 4 H20 V9 M20 15 V20 H15 M9 20 H4 V15",
        "close": "M6 6 L18 18 M18 6 L6 18",
        "replay": "M5.5 8.5 A7.5 7.5 0 1 1 4.5 13 M5.5 3.5 V8.5 H10.5",
        "compare": "M9 6.5 L3.5 12 L9 17.5 Z M15 6.5 L20.5 12 L15 17.5 Z",
        "quote": "M10.5 4 C6 5 3.5 8.5 3.5 13 L3.5 20 L10.5 20 L10.5 13 L7 13 C7 10 8.2 8.2 10.5 7.5 Z M21 4 C16.5 5 14 8.5 14 13 L14 20 L21 20 L21 13 L17.5 13 C17.5 10 18.7 8.2 21 7.5 Z"
    })
    readonly property bool filled: ["play", "pause", "compare", "quote"].indexOf(name) >= 0

    implicitWidth: size
    implicitHeight: size

    Shape {
        anchors.fill: parent
        antialiasing: true

        ShapePath {
            scale: Qt.size(icon.size / 24, icon.size / 24)
            strokeColor: icon.filled ? "transparent" : icon.color
            strokeWidth: icon.filled ? 0 : Math.max(2, icon.size / 24 * 2.4)
            fillColor: icon.filled ? icon.color : "transparent"
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin

            PathSvg {
                path: icon.paths[icon.name] ?? ""
            }
        }
    }
}
