pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The accessibility modes, large and plain: six switches, each an icon, a word and its state,
// then "Standard settings" and "Done". The panel obeys the modes it offers: it grows with
// larger text, turns black and yellow in high contrast and sits low in reach mode.
Item {
    id: root

    readonly property bool portrait: root.height > root.width
    readonly property var choices: [
        { mode: "large-text", icon: "text_size", word: "access_large_text" },
        { mode: "high-contrast", icon: "contrast", word: "access_high_contrast" },
        { mode: "reach", icon: "reach", word: "access_reach" },
        { mode: "reduced-motion", icon: "motion", word: "access_reduced_motion" },
        { mode: "captions", icon: "captions", word: "access_captions" },
        { mode: "read-aloud", icon: "read_aloud", word: "access_read_aloud" }
    ]
    readonly property int padding: Math.round(Theme.reach && !root.portrait ? Theme.margin * 0.6 : Theme.margin)
    readonly property real topLimit: Theme.reach ? Theme.reachTop : Theme.margin

    objectName: "accessPanel"
    visible: Access.panelOpen

    // Everything behind the panel is dimmed and cannot be touched while it is open.
    Rectangle {
        anchors.fill: parent
        color: Theme.background
        opacity: Theme.highContrast ? 1 : 0.9
    }

    MouseArea {
        anchors.fill: parent
        onWheel: wheel => wheel.accepted = true
    }

    Rectangle {
        id: card

        objectName: "accessCard"
        width: Theme.reach ? root.width - 2 * Theme.margin
                           : Math.min(root.width - 2 * Theme.margin, Math.round(1500 * Theme.scale))
        height: Math.min(body.implicitHeight + 2 * root.padding,
                         root.height - root.topLimit - Theme.margin)
        x: Math.round((root.width - card.width) / 2)
        y: Theme.reach ? root.height - Theme.margin - card.height
                       : Math.round(Math.max(Theme.margin, (root.height - card.height) / 2))
        radius: Theme.radius
        color: Theme.surface
        border.width: Math.max(2, Theme.borderWidth)
        border.color: Theme.borderColor

        Flickable {
            id: scroller

            anchors.fill: parent
            anchors.margins: root.padding
            contentWidth: width
            contentHeight: body.implicitHeight
            interactive: contentHeight > height + 1
            clip: interactive
            boundsBehavior: Flickable.StopAtBounds

            Column {
                id: body

                width: scroller.width
                spacing: Theme.unit * 3

                Label {
                    width: parent.width
                    height: Math.ceil(implicitHeight)  // whole pixels: crisp edges below it
                    text: Navigator.words.access_title ?? ""
                    font.pixelSize: Theme.headingSize
                    font.weight: Font.Bold
                    Accessible.role: Accessible.Heading
                }

                Grid {
                    id: switches

                    readonly property int tileWidth: Theme.touchTarget * 2 + Theme.bodySize * 9

                    width: parent.width
                    columns: Math.max(1, Math.min(3, Math.floor((switches.width + switches.columnSpacing)
                                                                / (switches.tileWidth + switches.columnSpacing))))
                    columnSpacing: Theme.unit * 2
                    rowSpacing: Theme.unit * 2

                    Repeater {
                        model: root.choices

                        ModeSwitch {
                            width: (switches.width - (switches.columns - 1) * switches.columnSpacing)
                                   / switches.columns
                        }
                    }
                }

                Flow {
                    width: parent.width
                    spacing: Theme.unit * 2
                    layoutDirection: Qt.RightToLeft  // Done at the end of the line (mirrored for RTL)

                    PanelButton {
                        objectName: "accessDone"
                        primary: true
                        text: Navigator.words.access_done ?? ""
                        onTapped: Access.closePanel()
                    }

                    PanelButton {
                        objectName: "accessReset"
                        text: Navigator.words.access_reset ?? ""
                        onTapped: {
                            Access.reset();  // every mode off; the panel stays to show it
                            Access.openPanel();
                        }
                    }
                }
            }
        }
    }

    // One mode: its icon, its word in the visitor's language and a switch showing on or off.
    component ModeSwitch: Tappable {
        id: choice

        required property var modelData
        readonly property bool on: Access.modes.indexOf(choice.modelData.mode) >= 0

        objectName: "mode-" + choice.modelData.mode
        height: Math.ceil(Math.max(Theme.touchTarget + Theme.unit * 2, word.implicitHeight + Theme.unit * 3))
        accessibleName: Navigator.words[choice.modelData.word] ?? ""
        Accessible.role: Accessible.CheckBox
        Accessible.checkable: true
        Accessible.checked: choice.on
        onTapped: Access.toggle(choice.modelData.mode)

        Rectangle {
            anchors.fill: parent
            radius: Theme.radius
            color: choice.pressed || choice.on ? Theme.surfaceRaised : Theme.background
            border.width: choice.on ? Math.max(3, Theme.borderWidth) : Math.max(1, Theme.borderWidth)
            border.color: choice.on ? Theme.accent : Theme.borderColor
        }

        Icon {
            id: symbol

            anchors.left: parent.left
            anchors.leftMargin: Theme.unit * 2
            anchors.verticalCenter: parent.verticalCenter
            name: choice.modelData.icon
            size: Math.round(Theme.bodySize * 1.5)
        }

        Label {
            id: word

            anchors.left: symbol.right
            anchors.right: track.left
            anchors.leftMargin: Theme.unit * 2
            anchors.rightMargin: Theme.unit * 2
            anchors.verticalCenter: parent.verticalCenter
            text: choice.accessibleName
            font.pixelSize: Theme.bodySize
            font.weight: choice.on ? Font.Bold : Font.Normal
        }

        Rectangle {
            id: track

            anchors.right: parent.right
            anchors.rightMargin: Theme.unit * 2
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(Theme.touchTarget * 0.95)
            height: Math.round(Theme.touchTarget * 0.5)
            radius: height / 2
            color: choice.on ? Theme.accent : Theme.surfaceRaised
            border.width: Math.max(2, Theme.borderWidth)
            border.color: choice.on ? Theme.accent : Theme.borderColor

            Rectangle {
                width: track.height - 2 * track.border.width - 4
                height: width
                radius: width / 2
                anchors.verticalCenter: parent.verticalCenter
                x: choice.on === !Theme.rightToLeft ? track.width - width - track.border.width - 2
                                                    : track.border.width + 2
                color: choice.on ? Theme.accentText : Theme.mutedText
            }
        }
    }

    // "Standard settings" and "Done": wide buttons with one word each.
    component PanelButton: Tappable {
        id: button

        property bool primary: false
        property string text: ""

        width: Math.ceil(Math.max(Theme.touchTarget * 3, caption.implicitWidth + Theme.margin * 2))
        height: Math.ceil(Math.max(Theme.touchTarget, caption.implicitHeight + Theme.unit * 3))
        accessibleName: button.text

        Rectangle {
            anchors.fill: parent
            radius: height / 2
            color: button.primary ? Theme.accent : (button.pressed ? Theme.surfaceRaised : Theme.surface)
            border.width: button.primary ? 0 : Math.max(2, Theme.borderWidth)
            border.color: button.primary ? Theme.accent : Theme.borderColor
            opacity: button.pressed && button.primary ? 0.85 : 1
        }

        Label {
            id: caption

            anchors.centerIn: parent
            text: button.text
            color: button.primary ? Theme.accentText : Theme.text
            font.pixelSize: Theme.bodySize
            font.weight: Font.Bold
            wrapMode: Text.NoWrap
        }
    }
}
