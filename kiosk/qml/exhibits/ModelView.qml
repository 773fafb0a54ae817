pragma ComponentBehavior: Bound

import QtQuick
import QtQuick3D
import QtQuick3D.AssetUtils
import Kiosk
import "parts"
import "../components" as Components

// A 3D object to turn in the hands: one finger drags it round, two fingers pinch to look closer,
// Reset view brings it back. Keys: Tab or an arrow reaches it, the arrows turn it, + and - zoom,
// Enter resets. Untouched it turns slowly by itself (not in the less-motion mode).
// A screen drawn by Qt Quick's software renderer (a computer without a graphics processor) cannot
// draw in 3D: there, and when the model cannot be loaded, the still picture is shown with a note.
Item {
    id: root

    required property var exhibit
    // the window draws with a graphics API (OpenGL, Vulkan, ...), not in software
    readonly property bool canDraw3D: GraphicsInfo.api !== GraphicsInfo.Software
                                      && GraphicsInfo.api !== GraphicsInfo.Unknown
    // "none" (not asked: no 3D here), "loading", "ready" or "failed"
    readonly property string modelStatus: !scene.item ? (root.canDraw3D ? "loading" : "none")
                                                      : (scene.item as SceneView).status
    readonly property bool showing3D: root.modelStatus === "ready"
    readonly property vector3d modelSize: scene.item ? (scene.item as SceneView).size : Qt.vector3d(0, 0, 0)
    readonly property real startYaw: -35
    readonly property real startPitch: 18
    readonly property real minZoom: 0.75
    readonly property real maxZoom: 2.2
    property real yaw: root.startYaw
    property real pitch: root.startPitch
    property real zoom: 1
    // turning slowly by itself until the visitor first touches it
    property bool autoTurn: !Theme.reducedMotion
    property bool touched: false
    property bool easing: false
    readonly property bool moved: Math.abs(root.yaw - root.startYaw) > 0.5
                                  || Math.abs(root.pitch - root.startPitch) > 0.5 || Math.abs(root.zoom - 1) > 0.01
    readonly property bool hasText: (root.exhibit.paragraphs ?? []).length > 0

    signal openExhibit(string exhibitId)

    // The object on its turntable, lit calmly, fitted to the view whatever its size in the file.
    component SceneView: View3D {
        id: view3d

        property alias source: loader.source
        property real yaw: 0
        property real pitch: 0
        property real zoom: 1
        property color backgroundColor: "black"
        // the model's box as its file describes it: [[lowest x, y, z], [highest x, y, z]]
        property var box: null
        readonly property vector3d low: view3d.box ? Qt.vector3d(view3d.box[0][0], view3d.box[0][1], view3d.box[0][2])
                                                   : Qt.vector3d(0, 0, 0)
        readonly property vector3d high: view3d.box ? Qt.vector3d(view3d.box[1][0], view3d.box[1][1], view3d.box[1][2])
                                                    : Qt.vector3d(0, 0, 0)
        readonly property bool loaded: loader.status === RuntimeLoader.Success
        readonly property string status: view3d.loaded ? "ready"
                                                       : loader.status === RuntimeLoader.Error ? "failed" : "loading"
        readonly property vector3d size: view3d.high.minus(view3d.low)
        readonly property vector3d centre: view3d.high.plus(view3d.low).times(0.5)

        // The loaded scene's own box, measured from its meshes: read only when asked, once the
        // meshes are drawn (Qt measures it once and keeps the answer).
        function measuredSize(): vector3d {
            return loader.bounds.maximum.minus(loader.bounds.minimum);
        }

        camera: camera
        environment: SceneEnvironment {
            backgroundMode: SceneEnvironment.Color
            clearColor: view3d.backgroundColor
            antialiasingMode: SceneEnvironment.MSAA
            antialiasingQuality: SceneEnvironment.Medium
        }

        PerspectiveCamera {
            id: camera

            z: 300 / view3d.zoom
            clipNear: 1
            clipFar: 2000
        }

        DirectionalLight {
            eulerRotation: Qt.vector3d(-40, -30, 0)
            brightness: 1.0
            ambientColor: Qt.rgba(0.22, 0.22, 0.24, 1)
        }

        DirectionalLight {
            eulerRotation: Qt.vector3d(-10, 150, 0)
            brightness: 0.35
        }

        Node {
            objectName: "tilt"
            eulerRotation.x: view3d.pitch

            Node {
                objectName: "turntable"
                eulerRotation.y: view3d.yaw

                Node {
                    readonly property real across: view3d.size.length()

                    scale: across > 0 ? Qt.vector3d(250 / across, 250 / across, 250 / across)
                                                       : Qt.vector3d(1, 1, 1)

                    RuntimeLoader {
                        id: loader

                        position: view3d.centre.times(-1)
                    }
                }
            }
        }
    }

    function turn(yaw: real, pitch: real): void {
        root.touched = true;
        root.yaw = yaw;
        root.pitch = Math.max(-60, Math.min(80, pitch));
    }

    function zoomTo(zoom: real): void {
        root.touched = true;
        root.zoom = Math.max(root.minZoom, Math.min(root.maxZoom, zoom));
    }

    function reset(): void {
        root.easing = !Theme.reducedMotion;
        // the short way round to where it started
        root.yaw = root.startYaw + (((root.yaw - root.startYaw) % 360 + 540) % 360 - 180);
        root.turn(root.startYaw, root.startPitch);
        root.zoomTo(1);
        root.easing = false;
    }

    function keyZoom(direction: int): bool {
        if (!root.showing3D)
            return false;
        root.easing = !Theme.reducedMotion;
        root.zoomTo(root.zoom * (direction > 0 ? 1.25 : 0.8));
        root.easing = false;
        return true;
    }

    Behavior on yaw {
        enabled: root.easing
        NumberAnimation { duration: Theme.transitionMs; easing.type: Easing.OutCubic }
    }
    Behavior on pitch {
        enabled: root.easing
        NumberAnimation { duration: Theme.transitionMs; easing.type: Easing.OutCubic }
    }
    Behavior on zoom {
        enabled: root.easing
        NumberAnimation { duration: Theme.transitionMs; easing.type: Easing.OutCubic }
    }

    FrameAnimation {
        running: root.autoTurn && root.showing3D && !root.touched
        onTriggered: root.yaw += frameTime * 6
    }

    ExhibitTitle {
        id: heading

        x: Theme.margin
        y: Theme.margin / 2
        width: root.width - Theme.margin * 2
        compact: root.height < Theme.titleSize * 9
        title: root.exhibit.title
    }

    Rectangle {
        id: stage

        function keyArrow(dx: int, dy: int): bool {
            root.easing = !Theme.reducedMotion;
            root.turn(root.yaw + dx * 20, root.pitch + dy * 15);
            root.easing = false;
            return true;
        }

        function keyActivate(): void {
            root.reset();
        }

        objectName: "stage"
        x: Theme.rightToLeft && root.hasText ? root.width - width - Theme.margin : Theme.margin
        y: heading.y + heading.height + Theme.unit * 3
        width: root.hasText ? (root.width - Theme.margin * 3) * 0.64 : root.width - Theme.margin * 2
        height: footer.y - y - Theme.unit * 3
        radius: Theme.radius
        color: Qt.darker(Theme.background, 1.25)
        clip: true
        // keys reach the object only where it can turn (not while the scene is let go on leaving:
        // the focus may still be here)
        activeFocusOnTab: root.canDraw3D && root.modelStatus !== "failed"
        Accessible.role: Accessible.Graphic
        Accessible.name: root.exhibit.title
        Accessible.focusable: stage.activeFocusOnTab

        Image {
            id: still

            objectName: "still"
            anchors.fill: parent
            anchors.margins: Theme.unit
            anchors.bottomMargin: note.visible ? note.height + Theme.unit * 2 : Theme.unit
            visible: !root.showing3D && root.modelStatus !== "loading"
            source: visible ? root.exhibit.picture ?? "" : ""
            sourceSize: Qt.size(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)))
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }

        Text {
            id: note

            objectName: "note"
            x: Theme.unit * 2
            y: parent.height - height - Theme.unit
            width: parent.width - Theme.unit * 4
            visible: still.visible
            text: root.exhibit.labels.model_not_3d
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }

        Loader {
            id: scene

            objectName: "scene"
            anchors.fill: parent
            // made only while the view is on a shown window, and let go as soon as the view leaves
            // the screen: Qt Quick 3D frees its graphics resources through the window, so the 3D
            // scene must go while the window is still there to do it
            active: root.canDraw3D && root.visible && (root.Window.window?.visible ?? false)
            visible: root.showing3D
            sourceComponent: SceneView {
                source: root.exhibit.model ?? ""
                box: root.exhibit.modelBounds ?? null
                yaw: root.yaw
                pitch: root.pitch
                zoom: root.zoom
                backgroundColor: stage.color
            }
        }

        PinchHandler {
            id: pinch

            property real startZoom: 1

            target: null
            enabled: root.showing3D
            rotationAxis.enabled: false
            onActiveChanged: {
                if (active)
                    startZoom = root.zoom;
            }
            onActiveScaleChanged: {
                if (active)
                    root.zoomTo(startZoom * activeScale);
            }
        }

        DragHandler {
            id: drag

            property real startYaw: 0
            property real startPitch: 0

            target: null
            enabled: root.showing3D
            maximumPointCount: 1
            onActiveChanged: {
                if (active) {
                    root.touched = true;
                    startYaw = root.yaw;
                    startPitch = root.pitch;
                }
            }
            onActiveTranslationChanged: {
                if (active)
                    root.turn(startYaw + activeTranslation.x * 0.4, startPitch + activeTranslation.y * 0.3);
            }
        }

        Components.FocusRing {
            forceInside: true
            faceRadius: Theme.radius
        }
    }

    ReadingArea {
        id: reader

        x: Theme.rightToLeft ? Theme.margin : stage.x + stage.width + Theme.margin
        y: stage.y
        width: root.width - stage.width - Theme.margin * 3
        height: stage.height
        visible: root.hasText
        focusable: reader.scrollable
        contentHeight: words.height
        accessibleName: root.exhibit.title

        Column {
            id: words

            width: reader.width - reader.inset * 2
            x: reader.inset
            spacing: Theme.bodySize

            Repeater {
                model: root.exhibit.paragraphs ?? []

                Text {
                    required property string modelData

                    width: words.width
                    text: modelData
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    lineHeight: 1.35
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.bodySize
                }
            }
        }
    }

    Item {
        id: footer

        x: Theme.margin
        y: root.height - height - Theme.margin / 2
        width: root.width - Theme.margin * 2
        height: Math.max(controls.height, caption.height)

        Caption {
            id: caption

            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(parent.width - controls.width - Theme.margin, Theme.bodySize * 40)
            text: root.exhibit.caption ?? ""
        }

        Row {
            id: controls

            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.unit * 2
            visible: root.showing3D

            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: root.exhibit.labels.model_hint
                textFormat: Text.PlainText
                color: Theme.mutedText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                visible: !root.touched
            }

            TouchButton {
                objectName: "resetView"
                icon: "replay"
                label: root.exhibit.labels.model_reset
                showLabel: true
                enabled: root.moved
                onClicked: root.reset()
            }
        }
    }
}
