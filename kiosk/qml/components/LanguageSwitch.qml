pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The content languages side by side, each written in its own script, e.g. English | 中文.
Rectangle {
    id: root

    implicitWidth: row.implicitWidth + 8
    implicitHeight: Theme.touchTarget
    radius: height / 2
    color: Theme.surface
    border.width: 1
    border.color: Qt.lighter(Theme.surface, 1.5)
    visible: Navigator.languages.length > 1

    Row {
        id: row

        anchors.centerIn: parent
        spacing: 0

        Repeater {
            model: Navigator.languages

            Tappable {
                id: choice

                required property var modelData
                readonly property bool current: choice.modelData.code === Navigator.language

                width: Math.max(Theme.touchTarget * 1.4, name.implicitWidth + Theme.unit * 5)
                height: root.height - 8
                accessibleName: choice.modelData.name
                onTapped: Navigator.setLanguage(choice.modelData.code)

                Rectangle {
                    anchors.fill: parent
                    radius: height / 2
                    color: choice.current ? Theme.accent
                                          : (choice.pressed ? Theme.surfaceRaised : "transparent")
                }

                Text {
                    id: name

                    anchors.centerIn: parent
                    text: choice.modelData.name
                    color: choice.current ? Theme.accentText : Theme.text
                    font.family: Theme.fontFor(choice.modelData.code)
                    font.pixelSize: Theme.smallSize
                    font.weight: choice.current ? Font.Bold : Font.Normal
                }
            }
        }
    }
}
