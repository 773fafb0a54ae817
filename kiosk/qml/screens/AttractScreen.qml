pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// The loop shown while nobody is using the kiosk: highlight pictures crossfade slowly,
// and "Touch to explore" breathes gently in every language. A touch anywhere starts the visit.
// With less motion the pictures simply change and nothing moves; in high contrast the shade
// behind the words is deeper.
// The slow movements (the zoom, the breathing words, the ripple) step with one slow clock, so
// the window is drawn eight times a second while they run; only the crossfade between two
// pictures is drawn at the display's rate. The first picture shows as soon as it is decoded.
Rectangle {
    id: root

    property int current: 0
    readonly property int count: Navigator.attractSlides.length
    readonly property int slideMs: Math.max(2, Navigator.slideSeconds) * 1000
    readonly property int fadeMs: 1600
    readonly property real zoom: 0.06
    readonly property QtObject clock: clock
    // the invitation's opacity: 0.95 to 0.6 and back in 4.4 s, easing in and out
    readonly property real breath: Theme.reducedMotion ? 0.95
                                                       : 0.95 - 0.175 * (1 - Math.cos(Math.PI * clock.time / 2200))

    color: Theme.background

    SlowClock {
        id: clock

        running: root.visible && !Theme.reducedMotion
    }

    Repeater {
        model: Navigator.attractSlides

        Item {
            id: slide

            required property var modelData
            required property int index
            readonly property bool shown: slide.index === root.current
            readonly property bool film: slide.modelData.kind === "video"

            // when the slide last came on (clock time), and how far its zoom has gone since (0 to 1)
            property real shownAt: 0
            property real zoomed: 0

            anchors.fill: parent
            opacity: slide.shown ? 1 : 0
            visible: opacity > 0
            onShownChanged: {
                if (slide.shown) {
                    slide.shownAt = clock.time;
                    slide.zoomed = 0;
                }
            }

            Behavior on opacity {
                NumberAnimation { duration: Theme.reducedMotion ? 0 : root.fadeMs; easing.type: Easing.InOutQuad }
            }

            Connections {
                target: clock
                enabled: slide.shown && !slide.film

                function onTimeChanged(): void {
                    slide.zoomed = Math.min(1, (clock.time - slide.shownAt) / (root.slideMs + root.fadeMs));
                }
            }

            Cover {
                id: picture

                anchors.fill: parent
                visible: !slide.film
                source: slide.film ? "" : slide.modelData.url
                tint: Theme.background
                fadeIn: !slide.shown
                scale: Theme.reducedMotion ? 1 : 1 + root.zoom * slide.zoomed
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

                readonly property real phase: (clock.time % 2400) / 1800

                anchors.centerIn: parent
                width: parent.width
                height: width
                radius: width / 2
                color: "transparent"
                border.width: Math.max(2, Theme.unit / 3)
                border.color: Theme.accent
                opacity: 0.8
                // from 0.55 to full size in 1.8 s (slowing down), then a rest of 0.6 s
                scale: Theme.reducedMotion || ripple.phase >= 1 ? 1 : 0.55 + 0.45 * (1 - Math.pow(1 - ripple.phase, 3))
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
                opacity: root.breath
            }
        }
    }

    TapHandler {
        onTapped: Navigator.touch()
    }
}
