import QtQuick
import Kiosk

// The bar on every screen after the attract loop: Home, Back, where you are, the Listen
// button of an exhibit with a spoken description, the accessibility button and the languages.
// In a narrow (portrait) window or with large text the breadcrumb moves to a second row.
// In reach mode the bar sits at the bottom edge of the screen, its line on top.
Rectangle {
    id: root

    // Where Main.qml puts the accessibility button (one button for every screen).
    readonly property alias accessSlot: accessSlot
    // The current exhibit's spoken description: offered by a Listen button.
    property bool narrationAvailable: false
    property bool narrating: false

    // Listen sits by the accessibility button when the first row has room for it; in a narrow
    // window with large text it starts the breadcrumb's row instead.
    readonly property real gap: Theme.unit * 2
    readonly property bool listenInFirstRow: !Theme.compactHeader
        || navigation.width + listen.implicitWidth + accessSlot.width + languages.width
           + 2 * Theme.margin + 4 * root.gap <= root.width
    readonly property bool listenInSecondRow: root.narrationAvailable && !root.listenInFirstRow
    readonly property real secondRowY: navigation.y + navigation.height + Theme.unit

    signal listenTapped()

    color: Theme.background

    Row {
        id: navigation

        anchors.left: parent.left
        anchors.top: parent.top
        anchors.leftMargin: Theme.margin
        anchors.topMargin: Theme.unit * 2
        spacing: Theme.unit * 2

        HeaderButton {
            icon: "home"
            label: Navigator.words.home
            enabled: Navigator.screen !== "home"
            onTapped: Navigator.home()
        }

        HeaderButton {
            icon: "back"
            label: Navigator.words.back
            enabled: Navigator.canGoBack
            onTapped: Navigator.back()
        }
    }

    Item {
        id: trail

        anchors.left: Theme.compactHeader ? parent.left : navigation.right
        anchors.right: Theme.compactHeader ? parent.right : (listen.visible ? listen.left : accessSlot.left)
        anchors.leftMargin: Theme.compactHeader
                            ? Theme.margin + (root.listenInSecondRow ? listen.width + root.gap : 0)
                            : Theme.margin / 2
        anchors.rightMargin: Theme.compactHeader ? Theme.margin : root.gap
        // on the second row, or centred on the buttons' row (the arrows may be taller)
        y: Theme.compactHeader ? root.secondRowY : navigation.y + (navigation.height - height) / 2
        height: Theme.breadcrumbHeight
        clip: true

        Breadcrumb {
            id: crumbs

            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            width: trail.width
            // a breadcrumb that wraps to more lines makes the header taller
            onImplicitHeightChanged: Theme.setBreadcrumbHeight(Math.ceil(crumbs.implicitHeight))
            Component.onCompleted: Theme.setBreadcrumbHeight(Math.ceil(crumbs.implicitHeight))
        }
    }

    HeaderButton {
        id: listen

        objectName: "listenButton"
        // explicit places (anchors would not follow the row change): mirrored by hand for RTL
        x: {
            if (root.listenInFirstRow)
                return Theme.rightToLeft ? accessSlot.x + accessSlot.width + root.gap
                                         : accessSlot.x - root.gap - listen.width;
            return Theme.rightToLeft ? root.width - Theme.margin - listen.width : Theme.margin;
        }
        y: root.listenInFirstRow ? navigation.y : root.secondRowY
        width: implicitWidth
        height: implicitHeight
        visible: root.narrationAvailable
        icon: root.narrating ? "stop" : "read_aloud"
        label: root.narrating ? Navigator.words.stop : Navigator.words.listen
        onTapped: root.listenTapped()
    }

    Item {
        id: accessSlot

        anchors.right: languages.visible ? languages.left : parent.right
        anchors.top: navigation.top
        anchors.rightMargin: languages.visible ? Theme.unit * 2 : Theme.margin
        width: Theme.touchTarget
        height: Theme.touchTarget
    }

    LanguageSwitch {
        id: languages

        anchors.right: parent.right
        anchors.top: navigation.top
        anchors.rightMargin: Theme.margin
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        y: Theme.reach ? 0 : parent.height - height
        height: Math.max(2, Theme.unit / 2)
        color: Navigator.screen === "home" ? Theme.accent : Theme.floorColor

        Behavior on color {
            ColorAnimation { duration: Theme.transitionMs }
        }
    }
}
