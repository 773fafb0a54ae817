pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The staff panel's polls: each poll of the exhibition with "Reset poll results". A reset asks
// first; confirmed, it deletes the poll's votes on this screen (Polls.resetPoll).
Column {
    id: root

    // the poll whose reset waits for staff to confirm it, and the poll just reset
    property string resettingPoll: ""
    property string resetPoll: ""

    objectName: "staffPolls"
    visible: Polls.staffPolls.length > 0
    spacing: Theme.unit * 2
    // the panel closed: nothing waits for a confirmation when it opens again
    onVisibleChanged: {
        root.resettingPoll = "";
        root.resetPoll = "";
    }

    // a small capital heading, like the panel's other groups
    Text {
        topPadding: Theme.unit
        text: Staff.words.staff_polls
        textFormat: Text.PlainText
        color: Theme.mutedText
        font.family: Theme.latinFontFamily
        font.pixelSize: Theme.smallSize
        font.weight: Font.Bold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 2
    }

    // Each poll with "Reset poll results"; a reset asks first, then deletes the poll's votes.
    Repeater {
        model: Polls.staffPolls

        Rectangle {
            id: pollRow

            required property var modelData
            readonly property bool asking: root.resettingPoll === pollRow.modelData.id

            objectName: "staffPoll_" + pollRow.modelData.id
            width: root.width
            height: pollLine.height + 2 * Theme.unit * 2
            radius: Theme.radius
            color: Theme.surface

            Row {
                id: pollLine

                anchors.centerIn: parent
                width: parent.width - 2 * Theme.unit * 3
                spacing: Theme.unit * 2

                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    width: pollLine.width - pollButtons.width - pollLine.spacing
                    text: pollRow.asking
                          ? Staff.words.staff_poll_reset_confirm.replace("{title}", pollRow.modelData.title)
                          : root.resetPoll === pollRow.modelData.id
                            ? pollRow.modelData.title + " · " + Staff.words.staff_poll_reset_done
                            : pollRow.modelData.title
                    textFormat: Text.PlainText
                    color: pollRow.asking ? Theme.accent : Theme.text
                    wrapMode: Text.Wrap
                    font.family: Theme.latinFontFamily
                    font.pixelSize: Theme.bodySize
                }

                Row {
                    id: pollButtons

                    spacing: Theme.unit * 2

                    StaffButton {
                        objectName: "resetPollButton"
                        visible: !pollRow.asking
                        text: Staff.words.staff_poll_reset
                        onClicked: {
                            root.resetPoll = "";
                            root.resettingPoll = pollRow.modelData.id;
                        }
                    }

                    StaffButton {
                        objectName: "confirmResetButton"
                        visible: pollRow.asking
                        primary: true
                        text: Staff.words.staff_poll_reset_yes
                        onClicked: {
                            Polls.resetPoll(pollRow.modelData.id);
                            root.resettingPoll = "";
                            root.resetPoll = pollRow.modelData.id;
                        }
                    }

                    StaffButton {
                        objectName: "cancelResetButton"
                        visible: pollRow.asking
                        text: Staff.words.staff_cancel
                        onClicked: root.resettingPoll = ""
                    }
                }
            }
        }
    }
}
