pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// The staff panel: how the kiosk is doing, and what staff can do about it. It closes by
// itself after two minutes without a touch.
Rectangle {
    id: root

    objectName: "staffPanel"
    color: Theme.background

    component Fact: Row {
        id: fact

        property string name: ""
        property string value: ""

        spacing: Theme.unit * 2

        Text {
            width: Math.round(320 * Theme.scale)
            text: fact.name
            color: Theme.mutedText
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
        }

        Text {
            text: fact.value
            color: Theme.text
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
        }
    }

    MouseArea {
        anchors.fill: parent
    }

    Column {
        id: facts

        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.margin
        width: parent.width * 0.58
        spacing: Theme.unit * 2

        Text {
            text: "Staff panel"
            color: Theme.text
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.titleSize
        }

        Fact {
            objectName: "contentStatus"
            name: "Content"
            value: Staff.contentValid ? "valid" : Staff.contentErrors.length + " errors"
        }

        Fact {
            name: "Showing"
            value: Staff.showingSnapshot ? "the last good snapshot" : "the content folder"
        }

        Fact {
            name: "Last reload"
            value: Staff.lastReload.length > 0 ? Staff.lastReload : "none since start"
        }

        Fact {
            name: "Running for"
            value: Staff.uptime
        }

        Fact {
            name: "Visits today"
            value: String(Staff.sessionsToday)
        }

        Fact {
            name: "Opening hours"
            value: Staff.schedule
        }

        Fact {
            name: "Last error"
            value: Staff.lastError.length > 0 ? Staff.lastError : "none"
        }

        ListView {
            objectName: "contentErrors"
            width: parent.width
            height: root.height - y - 2 * Theme.margin
            clip: true
            model: Staff.contentErrors
            spacing: Theme.unit

            delegate: Text {
                required property string modelData

                width: ListView.view.width
                text: modelData
                color: Theme.accent
                wrapMode: Text.WrapAnywhere
                font.family: "Noto Sans Mono"
                font.pixelSize: Theme.smallSize
            }
        }
    }

    Column {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        width: parent.width * 0.32
        spacing: Theme.unit * 3

        StaffButton {
            objectName: "reloadButton"
            width: parent.width
            text: "Reload content now"
            onClicked: Staff.reloadNow()
        }

        StaffButton {
            objectName: "screenTestButton"
            width: parent.width
            text: "Screen test"
            onClicked: Staff.showScreenTest(true)
        }

        Text {
            text: "Volume " + Math.round(Staff.volume * 100) + " %"
            color: Theme.text
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
        }

        Slider {
            objectName: "volumeSlider"
            width: parent.width
            height: Math.max(72, Theme.touchTarget)
            from: 0
            to: 1
            value: Staff.volume
            onMoved: Staff.setVolume(value)
        }

        StaffButton {
            objectName: "restartButton"
            width: parent.width
            text: "Restart the kiosk"
            onClicked: Staff.restartKiosk()
        }

        StaffButton {
            objectName: "exitButton"
            width: parent.width
            visible: Staff.allowExit
            text: "Exit to desktop"
            onClicked: Staff.exitToDesktop()
        }

        StaffButton {
            objectName: "closePanelButton"
            width: parent.width
            primary: true
            text: "Close panel"
            onClicked: Staff.closeAll()
        }
    }
}
