pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// The staff panel: how the kiosk is doing, and what staff can do about it. It closes by
// itself after two minutes without a touch.
Rectangle {
    id: root

    readonly property int nameWidth: Math.round(300 * Theme.scale)
    // a portrait screen stacks status, actions and errors instead of placing them side by side
    readonly property bool portrait: root.width < root.height
    readonly property int fullWidth: root.width - 2 * Theme.margin
    // today's visits from the statistics file, read each time the panel opens
    readonly property var today: Staff.today

    objectName: "staffPanel"
    color: Theme.background

    // A small capital heading over a group, like "FLOOR" on the visitor's floor tiles.
    component GroupHeading: Text {
        textFormat: Text.PlainText
        color: Theme.mutedText
        font.family: Theme.latinFontFamily
        font.pixelSize: Theme.smallSize
        font.weight: Font.Bold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 2
    }

    // One line of the kiosk's health: a name, and a value that wraps rather than running on.
    component Fact: Row {
        id: fact

        property string name: ""
        property string value: ""
        property bool warning: false

        width: parent ? parent.width : 0
        spacing: Theme.unit * 2

        Text {
            width: root.nameWidth
            text: fact.name
            textFormat: Text.PlainText
            color: Theme.mutedText
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
        }

        Text {
            width: fact.width - root.nameWidth - fact.spacing
            text: fact.value
            textFormat: Text.PlainText
            color: fact.warning ? Theme.accent : Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            font.family: Theme.latinFontFamily
            font.pixelSize: Theme.bodySize
            font.weight: fact.warning ? Font.Bold : Font.Normal
        }
    }

    MouseArea {
        anchors.fill: parent
    }

    Text {
        id: title

        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.margin
        text: "Staff panel"
        textFormat: Text.PlainText
        color: Theme.text
        font.family: Theme.latinFontFamily
        font.pixelSize: Theme.titleSize
        font.weight: Font.Bold
    }

    Column {
        id: facts

        anchors.left: parent.left
        anchors.top: title.bottom
        anchors.leftMargin: Theme.margin
        anchors.topMargin: Theme.unit * 3
        width: root.portrait ? root.fullWidth : parent.width * 0.6
        spacing: Theme.unit * 2

        GroupHeading {
            text: "Status"
        }

        Rectangle {
            width: parent.width
            height: status.height + 2 * Theme.unit * 3
            radius: Theme.radius
            color: Theme.surface

            Column {
                id: status

                anchors.centerIn: parent
                width: parent.width - 2 * Theme.unit * 3
                spacing: Theme.unit * 1.5

                Fact {
                    objectName: "contentStatus"
                    name: "Content"
                    value: Staff.contentValid ? "valid" : Staff.contentErrors.length + (Staff.contentErrors.length === 1 ? " error" : " errors") + " (listed below)"
                    warning: !Staff.contentValid
                }

                Fact {
                    name: "Showing"
                    value: Staff.showingSnapshot ? "the last good snapshot" : "the content folder"
                    warning: Staff.showingSnapshot
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
                    name: "Opening hours"
                    value: Staff.schedule
                }

                Fact {
                    name: "Last error"
                    value: Staff.lastError.length > 0 ? Staff.lastError : "none"
                    warning: Staff.lastError.length > 0
                }
            }
        }

        GroupHeading {
            topPadding: Theme.unit
            text: "Today"
        }

        Rectangle {
            width: parent.width
            height: todayFacts.height + 2 * Theme.unit * 3
            radius: Theme.radius
            color: Theme.surface

            Column {
                id: todayFacts

                anchors.centerIn: parent
                width: parent.width - 2 * Theme.unit * 3
                spacing: Theme.unit * 1.5

                Fact {
                    objectName: "visitsToday"
                    name: "Visits"
                    value: root.today.visits ? root.today.visits : String(Staff.sessionsToday)
                }

                Fact {
                    objectName: "medianVisit"
                    visible: !!root.today.median
                    name: "Median visit"
                    value: root.today.median ? root.today.median : ""
                }

                Fact {
                    objectName: "mostViewed"
                    visible: !!root.today.topExhibit
                    name: "Most viewed"
                    value: root.today.topExhibit ? root.today.topExhibit : ""
                }

                Fact {
                    objectName: "languageShare"
                    visible: !!root.today.languages
                    name: "Languages"
                    value: root.today.languages ? root.today.languages : ""
                }

                Fact {
                    objectName: "statisticsNote"
                    visible: !!root.today.note
                    name: "Statistics"
                    value: root.today.note ? root.today.note : ""
                    warning: true
                }
            }
        }
    }

    GroupHeading {
        id: errorsHeading

        anchors.left: facts.left
        anchors.top: root.portrait ? actions.bottom : facts.bottom
        anchors.topMargin: Theme.unit * 3
        visible: Staff.contentErrors.length > 0
        text: "Content errors (" + Staff.contentErrors.length + ")"
    }

    Rectangle {
        anchors.left: facts.left
        anchors.right: facts.right
        anchors.top: errorsHeading.bottom
        anchors.bottom: root.portrait ? closePanel.top : parent.bottom
        anchors.topMargin: Theme.unit * 2
        anchors.bottomMargin: root.portrait ? Theme.unit * 3 : Theme.margin
        visible: Staff.contentErrors.length > 0
        radius: Theme.radius
        color: Theme.surface

        ListView {
            objectName: "contentErrors"
            anchors.fill: parent
            anchors.margins: Theme.unit * 3
            clip: true
            model: Staff.contentErrors
            spacing: Theme.unit * 2

            delegate: Text {
                required property string modelData

                width: ListView.view.width
                text: modelData
                textFormat: Text.PlainText
                color: Theme.accent
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                font.family: "Noto Sans Mono"
                font.pixelSize: Theme.smallSize
            }
        }
    }

    Column {
        id: actions

        x: root.portrait ? Theme.margin : root.width - width - Theme.margin
        y: root.portrait ? facts.y + facts.height + Theme.unit * 3 : Theme.margin
        width: root.portrait ? root.fullWidth : parent.width * 0.3
        spacing: Theme.unit * 2

        GroupHeading {
            text: "Content and screen"
        }

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

        GroupHeading {
            topPadding: Theme.unit * 2
            text: "Volume " + Math.round(Staff.volume * 100) + " %"
        }

        Slider {
            id: volume

            objectName: "volumeSlider"
            width: parent.width
            height: Math.max(72, Theme.touchTarget)
            from: 0
            to: 1
            value: Staff.volume
            onMoved: Staff.setVolume(value)

            background: Rectangle {
                x: volume.leftPadding
                y: volume.topPadding + volume.availableHeight / 2 - height / 2
                width: volume.availableWidth
                height: Theme.unit
                radius: height / 2
                color: Theme.surfaceRaised

                Rectangle {
                    width: volume.visualPosition * parent.width
                    height: parent.height
                    radius: height / 2
                    color: Theme.accent
                }
            }

            handle: Rectangle {
                x: volume.leftPadding + volume.visualPosition * (volume.availableWidth - width)
                y: volume.topPadding + volume.availableHeight / 2 - height / 2
                width: Math.max(48, Math.round(Theme.touchTarget * 0.75))
                height: width
                radius: width / 2
                color: volume.pressed ? Qt.lighter(Theme.accent, 1.15) : Theme.accent
                border.width: 3
                border.color: Theme.background
            }
        }

        GroupHeading {
            topPadding: Theme.unit * 2
            text: "The kiosk"
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
    }

    StaffButton {
        id: closePanel

        objectName: "closePanelButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        width: root.portrait ? root.fullWidth : parent.width * 0.3
        primary: true
        text: "Close panel"
        onClicked: Staff.closeAll()
    }
}
