import QtQuick
import Kiosk

// The bar on every screen after the attract loop: Home, Back, where you are, language.
// In a narrow (portrait) window the breadcrumb moves to a second row.
Rectangle {
    id: root

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
        anchors.right: Theme.compactHeader ? parent.right : languages.left
        anchors.top: Theme.compactHeader ? navigation.bottom : navigation.top
        anchors.leftMargin: Theme.compactHeader ? Theme.margin : Theme.margin / 2
        anchors.rightMargin: Theme.compactHeader ? Theme.margin : Theme.unit * 2
        anchors.topMargin: Theme.compactHeader ? Theme.unit : 0
        height: Theme.touchTarget
        clip: true

        Breadcrumb {
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
        }
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
        anchors.bottom: parent.bottom
        height: Math.max(2, Theme.unit / 2)
        color: Navigator.screen === "home" ? Theme.accent : Theme.floorColor

        Behavior on color {
            ColorAnimation { duration: Theme.transitionMs }
        }
    }
}
