#include "appearance.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
const QString kKey = u"ui/appearance"_s;
bool g_dark = false;

// The platform's own palette, taken once before any change.
const QPalette& platformPalette() {
    static const QPalette palette = QApplication::palette();
    return palette;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2f, 0x33), base(0x1e, 0x21, 0x24), text(0xe8, 0xea, 0xed),
        disabled(0x80, 0x86, 0x8b), highlight(0x3d, 0x7e, 0xc4);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(130));
    p.setColor(QPalette::Midlight, window.lighter(115));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}
} // namespace

Appearance appearancePreference() {
    const QString v = QSettings().value(kKey).toString();
    return v == u"light" ? Appearance::Light : v == u"dark" ? Appearance::Dark : Appearance::System;
}

void setAppearancePreference(Appearance a) {
    if (a == Appearance::System)
        QSettings().remove(kKey);
    else
        QSettings().setValue(kKey, a == Appearance::Dark ? u"dark"_s : u"light"_s);
}

bool systemPrefersDark() {
    if (qEnvironmentVariable("GTK_THEME").endsWith(u":dark"_s, Qt::CaseInsensitive))
        return true;
    return platformPalette().color(QPalette::Window).lightness() < 128;
}

void applyAppearance(Appearance a) {
    platformPalette(); // remember it before the first change
    const bool dark = a == Appearance::Dark || (a == Appearance::System && systemPrefersDark());
    if (QStyle* fusion = QStyleFactory::create(u"Fusion"_s))
        QApplication::setStyle(fusion);
    const QPalette palette = dark ? darkPalette() : QApplication::style()->standardPalette();
    QApplication::setPalette(palette);
    // Windows already open take it too (a change of the application palette alone does not
    // reach widgets whose class palette the style has set).
    for (QWidget* w : QApplication::topLevelWidgets())
        w->setPalette(palette);
    g_dark = dark;
}

bool isDarkAppearance() {
    return g_dark;
}

} // namespace caseatlas
