import QtQuick
import Kiosk

// One exhibit: the view for its type fills everything under the header. A view that cannot
// load gives way to a calm card, never an empty screen.
Item {
    id: root

    required property string exhibitId
    readonly property var exhibit: Navigator.exhibitData(root.exhibitId, Navigator.dataVersion)
    readonly property url fallbackUrl: Qt.resolvedUrl("../exhibits/ExhibitFallback.qml")
    property Item view: null

    // Views are made from their component directly (not with Loader.setSource), so that
    // thousands of visits leave no memory behind.
    function create(url: url): Item {
        const component = Qt.createComponent(url);
        if (component.status !== Component.Ready) {
            console.info("exhibit view " + url + " cannot be shown: " + component.errorString());
            return null;
        }
        return component.createObject(area, { exhibit: root.exhibit }) as Item;
    }

    function load(): void {
        const name = root.exhibit.view ?? "";
        if (name.length > 0)
            root.view = root.create(Qt.resolvedUrl("../exhibits/" + name + ".qml"));
        if (!root.view)
            root.view = root.create(root.fallbackUrl);
    }

    onExhibitChanged: {
        if (root.view)
            root.view.exhibit = root.exhibit;
    }
    Component.onCompleted: root.load()
    Component.onDestruction: {
        if (root.view)
            root.view.destroy();
    }

    Item {
        id: area

        anchors.fill: parent
        anchors.topMargin: Theme.headerHeight
    }

    Binding {
        target: root.view
        property: "anchors.fill"
        value: area
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
