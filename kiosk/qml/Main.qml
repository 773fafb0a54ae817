pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk
import "components"
import "screens"

// The kiosk's window: the screen the Navigator names, with a short slide or crossfade
// between screens, and the header (Home, Back, breadcrumb, languages) above every screen
// except the attract loop. Taps during a transition are ignored; the Navigator keeps the
// place, and the window catches up as soon as the transition ends.
// The accessibility button is on every screen and opens the panel of modes. In reach mode
// the header sits at the bottom edge and the top part of the window stays calm.
Window {
    id: window

    property string shownKey: ""
    property string shownScreen: ""
    readonly property var levels: ({ attract: 0, home: 1, floor: 2, section: 3, exhibit: 4 })

    function placeKey(): string {
        if (!Navigator.available)
            return "unavailable";
        const place = Navigator.place;
        return [place.screen, place.floor, place.section, place.exhibit].join("/");
    }

    function operationFor(screen: string): int {
        if (window.shownKey.length === 0 || Theme.reducedMotion)
            return StackView.Immediate;
        const before = window.levels[window.shownScreen] ?? 0;
        const after = window.levels[screen] ?? 0;
        if (after > before)
            return StackView.PushTransition;
        return after < before ? StackView.PopTransition : StackView.ReplaceTransition;
    }

    // How many pictures and exhibit views on screen are still loading (render and tests wait
    // for none).
    function pendingLoads(): int {
        let pending = 0;
        const walk = item => {
            if (!item.visible)
                return;
            if (item.progress !== undefined && item.status === Image.Loading)
                pending += 1;
            for (let i = 0; i < item.children.length; ++i)
                walk(item.children[i]);
        };
        walk(content);
        return pending;
    }

    function sync(): void {
        if (stack.busy)
            return;
        const key = window.placeKey();
        if (key === window.shownKey)
            return;
        const place = Navigator.place;
        const screen = Navigator.available ? place.screen : "unavailable";
        let component = backSoonScreen;
        let properties = {};
        if (screen === "attract") {
            component = attractScreen;
        } else if (screen === "home") {
            component = homeScreen;
        } else if (screen === "floor") {
            component = floorScreen;
            properties = { floorId: place.floor };
        } else if (screen === "section") {
            component = sectionScreen;
            properties = { sectionId: place.section };
        } else if (screen === "exhibit") {
            component = exhibitScreen;
            properties = { exhibitId: place.exhibit };
        }
        const operation = window.operationFor(screen);
        window.shownKey = key;
        window.shownScreen = screen;
        if (stack.depth === 0)
            stack.pushItem(component, properties, StackView.Immediate);
        else
            stack.replaceCurrentItem(component, properties, operation);
    }

    width: 1920
    height: 1080
    color: Theme.background
    title: Navigator.title.length > 0 ? Navigator.title : "Kiosk"
    onWidthChanged: Theme.setWindowSize(window.width, window.height)
    onHeightChanged: Theme.setWindowSize(window.width, window.height)
    Component.onCompleted: {
        Theme.setWindowSize(window.width, window.height);
        window.sync();
    }

    Connections {
        target: Navigator

        function onPlaceChanged(): void {
            window.sync();
        }

        function onContentChanged(): void {
            window.sync();
        }
    }

    Item {
        id: content

        anchors.fill: parent
        LayoutMirroring.enabled: Theme.rightToLeft
        LayoutMirroring.childrenInherit: true

        StackView {
            id: stack

            objectName: "stack"
            anchors.fill: parent
            enabled: !stack.busy
            onBusyChanged: {
                if (!stack.busy)
                    Qt.callLater(window.sync);
            }

            pushEnter: Transition {
                ParallelAnimation {
                    NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.transitionMs; easing.type: Easing.OutCubic }
                    NumberAnimation { property: "x"; from: stack.width * 0.06; to: 0; duration: Theme.transitionMs; easing.type: Easing.OutCubic }
                }
            }
            pushExit: Transition {
                NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.transitionMs; easing.type: Easing.OutCubic }
            }
            popEnter: Transition {
                ParallelAnimation {
                    NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.transitionMs; easing.type: Easing.OutCubic }
                    NumberAnimation { property: "x"; from: -stack.width * 0.06; to: 0; duration: Theme.transitionMs; easing.type: Easing.OutCubic }
                }
            }
            popExit: Transition {
                NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.transitionMs; easing.type: Easing.OutCubic }
            }
            replaceEnter: Transition {
                NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.transitionMs; easing.type: Easing.InOutQuad }
            }
            replaceExit: Transition {
                NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.transitionMs; easing.type: Easing.InOutQuad }
            }
        }

        Header {
            id: header

            readonly property ExhibitScreen exhibitScreen: stack.currentItem as ExhibitScreen

            objectName: "header"
            anchors.left: parent.left
            anchors.right: parent.right
            y: Theme.reach ? parent.height - height : 0
            height: Navigator.screen === "home" ? Theme.headerRowHeight : Theme.headerHeight
            visible: opacity > 0
            opacity: Navigator.available && Navigator.screen !== "attract" ? 1 : 0
            narrationAvailable: header.exhibitScreen !== null && header.exhibitScreen.narration.length > 0
            narrating: header.exhibitScreen !== null && header.exhibitScreen.narrating
            onListenTapped: {
                if (header.exhibitScreen)
                    header.exhibitScreen.toggleNarration();
            }

            Behavior on opacity {
                NumberAnimation { duration: Theme.transitionMs }
            }
        }

        // Reach mode: the top part holds nothing to touch, only the exhibition's name, small.
        Label {
            objectName: "reachTitle"
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.round((Theme.reachTop - height) / 2)
            width: Math.min(implicitWidth, parent.width - 2 * Theme.margin)
            visible: Theme.reach && Navigator.available && Navigator.screen !== "attract"
            text: Navigator.title
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.pixelSize: Theme.bodySize
            horizontalAlignment: Text.AlignHCenter
        }

        AccessButton {
            id: accessButton

            // On the attract loop (no header) the button waits at the bottom, clear of the
            // staff gesture's corner squares (120 px, kiosk/ops/gesture.py); elsewhere it sits in
            // the header by the languages.
            readonly property bool inHeader: header.opacity > 0.5
            readonly property real cornerClearance: 120 + Theme.unit * 3

            showLabel: !accessButton.inHeader
            x: accessButton.inHeader ? header.x + header.accessSlot.x
                                     : (Theme.rightToLeft ? accessButton.cornerClearance
                                                          : content.width - accessButton.width
                                                            - accessButton.cornerClearance)
            y: accessButton.inHeader ? header.y + header.accessSlot.y
                                     : content.height - accessButton.height - Theme.margin
            visible: !Access.panelOpen
        }

        AccessPanel {
            anchors.fill: parent
        }

        // keys and assistive keypads: focus, activation, Back and Home (above the screens)
        KeyboardNavigation {}
    }

    Component {
        id: attractScreen

        AttractScreen {}
    }

    Component {
        id: homeScreen

        HomeScreen {}
    }

    Component {
        id: floorScreen

        FloorScreen {}
    }

    Component {
        id: sectionScreen

        SectionScreen {}
    }

    Component {
        id: exhibitScreen

        ExhibitScreen {}
    }

    Component {
        id: backSoonScreen

        BackSoonScreen {}
    }
}
