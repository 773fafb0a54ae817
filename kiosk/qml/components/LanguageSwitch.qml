pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The content languages, each written in its own name and script. Up to three sit side by side
// (English | 中文 | العربية); with more, or when their names would crowd the header (long names,
// a portrait screen, large text), one button (globe and the current language's name) opens
// the picker of every language. The order is the exhibition's, or this screen's.
Item {
    id: root

    readonly property real room: (root.Window.window ? root.Window.width : 1920) * 0.4
    readonly property bool compact: Navigator.languages.length > 3 || pills.width > root.room
    readonly property string currentName: {
        const list = Navigator.languages;
        for (let i = 0; i < list.length; ++i) {
            if (list[i].code === Navigator.language)
                return list[i].name;
        }
        return Navigator.language;
    }

    objectName: "languageSwitch"
    implicitWidth: root.compact ? button.width : pills.width
    implicitHeight: Theme.touchTarget
    visible: Navigator.languages.length > 1

    // Side by side, for two or three languages.
    Rectangle {
        id: pills

        visible: !root.compact
        width: row.implicitWidth + 8
        height: Theme.touchTarget
        radius: height / 2
        color: Theme.surface
        border.width: Theme.borderWidth
        border.color: Theme.borderColor

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
                    height: pills.height - 8
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
                        textFormat: Text.PlainText
                        color: choice.current ? Theme.accentText : Theme.text
                        font.family: Theme.fontFor(choice.modelData.code)
                        font.pixelSize: Theme.smallSize
                        font.weight: choice.current ? Font.Bold : Font.Normal
                    }
                }
            }
        }
    }

    // One button, for four languages or more.
    Tappable {
        id: button

        objectName: "languageButton"
        visible: root.compact
        width: buttonRow.implicitWidth + Theme.unit * 5
        height: Theme.touchTarget
        accessibleName: (Navigator.words.language ?? "") + ": " + root.currentName
        // a key press activates the button while it has the focus; a touch never gives focus
        onTapped: picker.openFrom(button.activeFocus)

        Rectangle {
            anchors.fill: parent
            radius: height / 2
            color: button.pressed || picker.visible ? Theme.surfaceRaised : Theme.surface
            border.width: Theme.borderWidth
            border.color: Theme.borderColor
        }

        Row {
            id: buttonRow

            anchors.centerIn: parent
            spacing: Theme.unit * 1.5

            Icon {
                anchors.verticalCenter: parent.verticalCenter
                name: "language"
                size: Math.round(Theme.touchTarget * 0.46)
            }

            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: root.currentName
                textFormat: Text.PlainText
                color: Theme.text
                font.family: Theme.fontFor(Navigator.language)
                font.pixelSize: Theme.smallSize
                font.weight: Font.DemiBold
            }
        }
    }

    LanguagePicker {
        id: picker
    }

    // The picker never outlives the visit: it closes when the countdown starts or the kiosk
    // goes back to the attract loop.
    Connections {
        target: Navigator

        function onScreenChanged(): void {
            if (Navigator.screen === "attract")
                picker.close();
        }

        function onDismissed(): void {
            picker.close();
        }
    }
}
