pragma ComponentBehavior: Bound

import QtQuick
import Kiosk
import "../../components" as Components

// How far a film or narration has played; drag the knob or tap the bar to jump. With keys:
// Tab or an arrow reaches it, Left and Right jump back or on (5 s, or a twentieth of a long film).
Item {
    id: scrubber

    property real position: 0
    property real duration: 0
    property real dragFraction: 0
    property string accessibleName: ""
    readonly property bool dragging: drag.active
    readonly property real fraction: dragging ? dragFraction
                                               : (duration > 0 ? Math.min(1, position / duration) : 0)
    readonly property real knobSize: Theme.unit * 4

    signal seekRequested(int positionMs)

    function fractionAt(x) {
        return Math.max(0, Math.min(1, (x - track.x) / track.width));
    }

    function keyArrow(dx: int, dy: int): bool {
        if (dx === 0)
            return false;
        const step = Math.max(5000, scrubber.duration / 20);
        scrubber.seekRequested(Math.round(Math.max(0, Math.min(scrubber.duration, scrubber.position + dx * step))));
        return true;
    }

    implicitHeight: Theme.touchTarget
    enabled: duration > 0
    activeFocusOnTab: true

    Accessible.role: Accessible.Slider
    Accessible.name: scrubber.accessibleName
    Accessible.focusable: true

    Rectangle {
        id: track

        x: scrubber.knobSize / 2
        width: scrubber.width - scrubber.knobSize
        height: Theme.unit
        anchors.verticalCenter: parent.verticalCenter
        radius: height / 2
        color: Theme.surfaceRaised

        Rectangle {
            width: parent.width * scrubber.fraction
            height: parent.height
            radius: parent.radius
            color: Theme.accent
        }
    }

    Rectangle {
        id: knob

        x: track.x + track.width * scrubber.fraction - width / 2
        anchors.verticalCenter: parent.verticalCenter
        width: scrubber.knobSize
        height: width
        radius: width / 2
        color: Theme.accent
        border.width: Math.max(2, Theme.unit / 3)
        border.color: Theme.text
        scale: scrubber.dragging || tap.pressed ? 1.35 : 1

        Behavior on scale {
            enabled: !Theme.reducedMotion
            NumberAnimation { duration: 90 }
        }
    }

    DragHandler {
        id: drag

        target: null
        xAxis.enabled: true
        yAxis.enabled: false
        onActiveChanged: {
            if (active) {
                scrubber.dragFraction = scrubber.fractionAt(centroid.pressPosition.x);
            } else {
                scrubber.seekRequested(Math.round(scrubber.dragFraction * scrubber.duration));
            }
        }
        onCentroidChanged: {
            if (active)
                scrubber.dragFraction = scrubber.fractionAt(centroid.position.x);
        }
    }

    TapHandler {
        id: tap

        onTapped: eventPoint => scrubber.seekRequested(
                      Math.round(scrubber.fractionAt(eventPoint.position.x) * scrubber.duration))
    }

    Components.FocusRing {
        faceRadius: scrubber.height / 2
    }
}
