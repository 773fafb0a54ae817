pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// The loop shown while nobody is using the kiosk: highlight pictures crossfade slowly,
// and "Touch to explore" breathes gently in every language. A touch anywhere starts the visit.
// With less motion the pictures simply change and nothing moves; in high contrast the shade
// behind the words is deeper.
Rectangle {
    id: root

    property int current: 0
    readonly property int count: Navigator.attractSlides.length
    readonly property int slideMs: Math.max(2, Navigator.slideSeconds) * 1000

    color: Theme.background

    Repeater {
        model: Navigator.attractSlides

        Item {
            id: slide

            required property var modelData
            required property int index
            readonly property bool shown: slide.index === root.current
            readonly property bool film: slide.modelData.kind === "video"

            anchors.fill: parent
            opacity: slide.shown ? 1 : 0
            visible: opacity > 0

            Behavior on opacity {
                NumberAnimation { duration: Theme.reducedMotion ? 0 : 1600; easing.type: Easing.InOutQuad }
            }

            Cover {
                id: picture

                anchors.fill: parent
                visible: !slide.film
                source: slide.film ? "" : slide.modelData.url
                tint: Theme.background

                NumberAnimation on scale {
                    running: slide.shown && !slide.film && !Theme.reducedMotion
                    from: 1.0
                    to: 1.06
                    duration: root.slideMs + 1600
                }
            }

            Loader {
                anchors.fill: parent
                active: slide.film && slide.visible
                source: "../components/AttractVideo.qml"
                onLoaded: {
                    item.source = slide.modelData.url;
                    item.playing = Qt.binding(() => slide.shown);
                }
            }
        }
    }

    Timer {
        interval: root.slideMs
        repeat: true
        running: root.count > 1 && root.visible
        onTriggered: root.current = (root.current + 1) % root.count
    }

    Rectangle {
        id: shade

        readonly property real deep: Theme.highContrast ? 0.3 : 0

        anchors.fill: parent
        gradient: Gradient {
            GradientStop { position: 0.0; color: Qt.rgba(0, 0, 0, 0.7 + shade.deep / 2) }
            GradientStop { position: 0.22; color: Qt.rgba(0, 0, 0, 0.55 + shade.deep) }
            GradientStop { position: 0.45; color: Qt.rgba(0, 0, 0, 0.05 + shade.deep) }
            GradientStop { position: 1.0; color: Qt.rgba(0, 0, 0, 0.8 + shade.deep / 2) }
        }
    }

    Column {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin * 1.5
        spacing: Theme.unit

        Label {
            width: parent.width
            text: Navigator.title
            color: Theme.fillText
            font.pixelSize: Theme.headingSize
            font.weight: Font.Bold
        }

        Label {
            width: parent.width
            text: Navigator.subtitle
            visible: text.length > 0
            color: Theme.fillText
            opacity: Theme.highContrast ? 1 : 0.85
            font.pixelSize: Theme.bodySize
        }
    }

    Column {
        id: invitation

        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        // above the accessibility button, which waits at the bottom (Main.qml)
        anchors.bottomMargin: Theme.margin * 2 + Theme.touchTarget
        width: parent.width - 2 * Theme.margin
        spacing: Theme.unit * 2

        Item {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.touchTarget * 1.6
            height: width

            Rectangle {
                id: ripple

                anchors.centerIn: parent
                width: parent.width
                height: width
                radius: width / 2
                color: "transparent"
                border.width: Math.max(2, Theme.unit / 3)
                border.color: Theme.accent
                opacity: 0.8

                SequentialAnimation on scale {
                    running: !Theme.reducedMotion && root.visible
                    loops: Animation.Infinite
                    NumberAnimation { from: 0.55; to: 1.0; duration: 1800; easing.type: Easing.OutCubic }
                    PauseAnimation { duration: 600 }
                }
            }

            Rectangle {
                anchors.centerIn: parent
                width: parent.width * 0.38
                height: width
                radius: width / 2
                color: Theme.accent
            }
        }

        Repeater {
            model: Navigator.invitations

            Text {
                id: line

                required property var modelData
                required property int index

                width: invitation.width
                horizontalAlignment: Text.AlignHCenter
                text: line.modelData.text
                textFormat: Text.PlainText
                color: Theme.fillText
                font.family: Theme.fontFor(line.modelData.code)
                font.pixelSize: line.index === 0 ? Theme.titleSize : Theme.headingSize
                font.weight: line.index === 0 ? Font.Bold : Font.Normal
                wrapMode: Text.Wrap
                opacity: 0.95

                SequentialAnimation on opacity {
                    running: !Theme.reducedMotion && root.visible
                    loops: Animation.Infinite
                    NumberAnimation { to: 0.6; duration: 2200; easing.type: Easing.InOutSine }
                    NumberAnimation { to: 0.95; duration: 2200; easing.type: Easing.InOutSine }
                }
            }
        }
    }

    TapHandler {
        onTapped: Navigator.touch()
    }
}
