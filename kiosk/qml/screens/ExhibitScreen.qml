import QtQuick
import QtQuick.Controls.Basic
import Kiosk
import "../exhibits/parts" as Parts

// One exhibit: the view for its type fills everything beside the header. A view that cannot
// load gives way to a calm card, never an empty screen. An exhibit with a spoken description
// offers it through the header's Listen button; in read-aloud mode it starts by itself.
Item {
    id: root

    required property string exhibitId
    readonly property var exhibit: (Navigator.exhibitData(root.exhibitId) as PlaceData).fields
    readonly property url fallbackUrl: Qt.resolvedUrl("../exhibits/ExhibitFallback.qml")
    readonly property string narration: root.exhibit.narration ?? ""
    // an exhibit with a link shows its QR code in a card of its own: beside the view in a wide
    // window, below it in a tall one, so that it never covers the exhibit
    readonly property bool hasLink: (root.exhibit.link ?? {}).url !== undefined
    readonly property bool linkBeside: root.hasLink && root.width >= root.height
    readonly property bool linkBelow: root.hasLink && !root.linkBeside
    property int narrationSession: -1
    readonly property bool narrating: root.narrationSession >= 0
                                      && root.narrationSession === Playback.session
                                      && Playback.playing
    property Item view: null

    // Views are made from their component directly (not with Loader.setSource), so that
    // thousands of visits leave no memory behind.
    function create(url: url): Item {
        const component = Qt.createComponent(url);
        if (component.status !== Component.Ready) {
            console.info("exhibit view " + url + " cannot be shown: " + component.errorString());
            return null;
        }
        return component.createObject(area.contentItem, { exhibit: root.exhibit }) as Item;
    }

    function load(): void {
        const name = root.exhibit.view ?? "";
        if (name.length > 0)
            root.view = root.create(Qt.resolvedUrl("../exhibits/" + name + ".qml"));
        if (!root.view)
            root.view = root.create(root.fallbackUrl);
    }

    function startNarration(): void {
        if (root.narration.length === 0)
            return;
        root.narrationSession = Playback.open(root.narration, false);
        Playback.play();
    }

    function stopNarration(): void {
        if (root.narrationSession >= 0)
            Playback.release(root.narrationSession);
        root.narrationSession = -1;
    }

    function toggleNarration(): void {
        if (root.narrating)
            root.stopNarration();
        else
            root.startNarration();
    }

    onExhibitChanged: {
        if (root.view)
            root.view.exhibit = root.exhibit;
    }
    onNarrationChanged: {
        // the visitor changed language while listening: go on in the new language
        if (root.narrating)
            root.startNarration();
    }
    Component.onCompleted: {
        root.load();
        if (Access.readAloud)
            root.startNarration();
    }
    // the visitor leaves the exhibit: its description stops at once
    StackView.onDeactivating: root.stopNarration()
    Component.onDestruction: {
        root.stopNarration();
        if (root.view)
            root.view.destroy();
    }

    Connections {
        target: Access

        function onModeTurnedOn(name: string): void {
            if (name === "read-aloud" && !root.narrating)
                root.startNarration();
        }
    }

    // The view fills the room beside the header. A view that needs more height than that (its
    // implicitHeight, e.g. with large text in reach mode) gets it, and the page scrolls.
    Flickable {
        id: area

        anchors.fill: parent
        anchors.topMargin: Theme.reach ? Theme.reachTop : Theme.headerHeight
        anchors.bottomMargin: (Theme.reach ? Theme.headerHeight : 0)
                              + (root.linkBelow ? qrCard.height + Theme.unit * 2 : 0)
        anchors.leftMargin: root.linkBeside && Theme.rightToLeft ? qrCard.width + Theme.unit * 3 : 0
        anchors.rightMargin: root.linkBeside && !Theme.rightToLeft ? qrCard.width + Theme.unit * 3 : 0
        contentWidth: width
        contentHeight: root.view ? Math.max(area.height, root.view.implicitHeight) : area.height
        interactive: area.contentHeight > area.height + 1
        clip: area.interactive
        boundsBehavior: Flickable.StopAtBounds
        flickableDirection: Flickable.VerticalFlick
    }

    Parts.QrCard {
        id: qrCard

        objectName: "qrCard"
        x: Theme.rightToLeft ? Theme.unit * 2 : root.width - qrCard.width - Theme.unit * 2
        y: root.linkBeside ? area.y + area.height - qrCard.height - Theme.unit * 2
                           : area.y + area.height + Theme.unit
        width: qrCard.implicitWidth
        height: qrCard.implicitHeight
        link: root.exhibit.link ?? {}
        scanText: root.exhibit.labels.link_scan ?? ""
    }

    Binding {
        target: root.view
        property: "width"
        value: area.width
        when: root.view !== null
    }

    Binding {
        target: root.view
        property: "height"
        value: area.contentHeight
        when: root.view !== null
    }

    Connections {
        target: root.view
        ignoreUnknownSignals: true

        function onOpenExhibit(exhibitId: string): void {
            Navigator.openExhibit(exhibitId);
        }
    }
}
