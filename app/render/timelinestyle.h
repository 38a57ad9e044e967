#pragma once

#include <QColor>
#include <QFont>
#include <QList>

namespace caseatlas {

// Sizes and colours of a timeline. One style serves the screen, exports and briefings.
struct TimelineStyle {
    int axisHeight = 48;
    int headerWidth = 170;
    int laneHeight = 52; // room for three rows of overlapping items
    int collapsedLaneHeight = 20;
    bool laneToggles = true; // the ▾/▸ a lane header is clicked on to collapse; not in print
    int markRadius = 5;
    int barHeight = 12;
    int rowHeight = 16;
    QFont font;
    QColor background{0xff, 0xff, 0xff};
    QColor laneAlternate{0xf6, 0xf7, 0xf9};
    QColor text{0x22, 0x2b, 0x36};
    QColor mutedText{0x6b, 0x75, 0x80};
    QColor grid{0xe3, 0xe6, 0xea};
    QColor axisBackground{0xf0, 0xf2, 0xf5};
    QColor now{0xc0, 0x39, 0x2b};
    QColor warning{0xe6, 0x7e, 0x22}; // unsourced
    QColor disputed{0xc0, 0x39, 0x2b};
    QColor confidential{0x2c, 0x3e, 0x50};
    QColor selection{0x1f, 0x6f, 0xeb};
    QColor density{0x4a, 0x69, 0x8c};
    QList<QColor> palette{
        QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
        QColor(0x8c, 0x56, 0x4b), QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22),
        QColor(0x7f, 0x7f, 0x7f), QColor(0xe3, 0x77, 0xc2), QColor(0x39, 0x3b, 0x79),
        QColor(0x63, 0x79, 0x39), QColor(0x84, 0x3c, 0x39), QColor(0x31, 0x82, 0xbd)};

    QColor laneColor(int lane) const { return palette.at(lane % palette.size()); }
};

} // namespace caseatlas
