#include "language.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMutex>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextEdit>
#include <QTranslator>
#include <QTreeWidget>

#include <optional>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
const QString kKey = u"ui/language"_s;

// CaseAtlas's translator, which also remembers what each text the window was given came from:
// every tr() passes through it, so a label that shows "时间线" is known to be "Timeline" of
// MainWindow, and can be given in another language when the user switches (retranslate()).
class RememberingTranslator : public QTranslator {
public:
    struct Origin {
        QByteArray context, source, disambiguation;
    };
    QTranslator inner;
    bool loaded = false;
    // English plurals, for what the chosen language does not translate (Burmese covers the
    // menus and docks: the rest is English, and says "2 events", not "2 event(s)").
    QTranslator english;
    bool englishLoaded = false;

    bool isEmpty() const override { return false; } // asked for every text
    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override {
        QString t = loaded ? inner.translate(context, source, disambiguation, n) : QString();
        if (t.isNull() && englishLoaded)
            t = english.translate(context, source, disambiguation, n);
        if (context && source && *source) {
            const QString shown = t.isNull() ? QString::fromUtf8(source) : t;
            QMutexLocker lock(&m_mutex);
            // Bounded: texts made up at run time (keys read from files) must not grow it forever.
            if (m_origins.size() < 50000 && !m_origins.contains(shown))
                m_origins.insert(shown, {context, source, disambiguation});
        }
        return t;
    }
    std::optional<Origin> originOf(const QString& shown) const {
        QMutexLocker lock(&m_mutex);
        auto it = m_origins.constFind(shown);
        if (it == m_origins.cend())
            return std::nullopt;
        return it.value();
    }
    void forget() {
        QMutexLocker lock(&m_mutex);
        m_origins.clear();
    }

private:
    mutable QMutex m_mutex;
    mutable QHash<QString, Origin> m_origins;
};

RememberingTranslator& appTranslator() {
    static RememberingTranslator t;
    return t;
}
QTranslator& qtTranslator() {
    static QTranslator t;
    return t;
}
bool g_watching = false;
} // namespace

void watchTranslations() {
    if (g_watching || !QCoreApplication::instance())
        return;
    g_watching = true;
    QCoreApplication::installTranslator(&appTranslator());
}

QString retranslated(const QString& shown) {
    if (shown.isEmpty())
        return shown;
    const auto origin = appTranslator().originOf(shown);
    if (!origin)
        return shown;
    return QCoreApplication::translate(
        origin->context.constData(), origin->source.constData(),
        origin->disambiguation.isEmpty() ? nullptr : origin->disambiguation.constData());
}

void retranslate(QWidget* root) {
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    auto again = [](const QString& text, auto set) {
        const QString t = retranslated(text);
        if (t != text)
            set(t);
    };
    for (QWidget* w : widgets) {
        again(w->toolTip(), [w](const QString& t) { w->setToolTip(t); });
        again(w->statusTip(), [w](const QString& t) { w->setStatusTip(t); });
        again(w->whatsThis(), [w](const QString& t) { w->setWhatsThis(t); });
        if (w->isWindow() || qobject_cast<QDockWidget*>(w))
            again(w->windowTitle(), [w](const QString& t) { w->setWindowTitle(t); });
        for (QAction* a : w->actions()) {
            again(a->text(), [a](const QString& t) { a->setText(t); });
            again(a->toolTip(), [a](const QString& t) { a->setToolTip(t); });
        }
        if (auto* label = qobject_cast<QLabel*>(w))
            again(label->text(), [label](const QString& t) { label->setText(t); });
        else if (auto* button = qobject_cast<QAbstractButton*>(w))
            again(button->text(), [button](const QString& t) { button->setText(t); });
        else if (auto* box = qobject_cast<QGroupBox*>(w))
            again(box->title(), [box](const QString& t) { box->setTitle(t); });
        else if (auto* line = qobject_cast<QLineEdit*>(w))
            again(line->placeholderText(),
                  [line](const QString& t) { line->setPlaceholderText(t); });
        else if (auto* text = qobject_cast<QTextEdit*>(w))
            again(text->placeholderText(),
                  [text](const QString& t) { text->setPlaceholderText(t); });
        else if (auto* plain = qobject_cast<QPlainTextEdit*>(w))
            again(plain->placeholderText(),
                  [plain](const QString& t) { plain->setPlaceholderText(t); });
        else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                again(combo->itemText(i),
                      [combo, i](const QString& t) { combo->setItemText(i, t); });
            if (combo->lineEdit())
                again(combo->lineEdit()->placeholderText(),
                      [combo](const QString& t) { combo->lineEdit()->setPlaceholderText(t); });
        } else if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
            again(spin->specialValueText(),
                  [spin](const QString& t) { spin->setSpecialValueText(t); });
        if (auto* tabs = qobject_cast<QTabWidget*>(w))
            for (int i = 0; i < tabs->count(); ++i)
                again(tabs->tabText(i), [tabs, i](const QString& t) { tabs->setTabText(i, t); });
        if (auto* table = qobject_cast<QTableWidget*>(w))
            for (int c = 0; c < table->columnCount(); ++c)
                if (QTableWidgetItem* h = table->horizontalHeaderItem(c))
                    again(h->text(), [h](const QString& t) { h->setText(t); });
        if (auto* tree = qobject_cast<QTreeWidget*>(w))
            for (int c = 0; c < tree->columnCount(); ++c)
                again(tree->headerItem()->text(c),
                      [tree, c](const QString& t) { tree->headerItem()->setText(c, t); });
        if (auto* list = qobject_cast<QListWidget*>(w))
            for (int i = 0; i < list->count(); ++i)
                again(list->item(i)->text(),
                      [item = list->item(i)](const QString& t) { item->setText(t); });
    }
}

QStringList availableLanguages() {
    return {u"en"_s, u"zh_CN"_s, u"my"_s};
}

QString languageName(const QString& code) {
    if (code == u"zh_CN")
        return u"简体中文"_s;
    if (code == u"my")
        return u"မြန်မာ"_s;
    return u"English"_s;
}

QString languagePreference() {
    return QSettings().value(kKey).toString();
}

void setLanguagePreference(const QString& code) {
    if (code.isEmpty())
        QSettings().remove(kKey);
    else
        QSettings().setValue(kKey, code);
}

QString effectiveLanguage(const QString& preference) {
    if (!preference.isEmpty())
        return preference;
    for (const QString& ui : QLocale::system().uiLanguages()) {
        if (ui.startsWith(u"zh"_s) && !ui.contains(u"Hant"_s) && !ui.contains(u"TW"_s) &&
            !ui.contains(u"HK"_s))
            return u"zh_CN"_s;
        if (ui.startsWith(u"my"_s))
            return u"my"_s;
        if (ui.startsWith(u"en"_s))
            return u"en"_s;
    }
    return u"en"_s;
}

bool installLanguage(const QString& code) {
    QCoreApplication::removeTranslator(&appTranslator());
    QCoreApplication::removeTranslator(&qtTranslator());
    g_watching = false;
    // English is the source, but its plurals ("1 event", "2 events") come from a translation.
    const QString file = u":/i18n/caseatlas_%1.qm"_s.arg(code.isEmpty() ? u"en"_s : code);
    RememberingTranslator& app = appTranslator();
    if (!app.englishLoaded)
        app.englishLoaded = app.english.load(u":/i18n/caseatlas_en.qm"_s);
    app.loaded = app.inner.load(file);
    watchTranslations();
    if (!app.loaded)
        return code.isEmpty() || code == u"en";
    if (code.isEmpty() || code == u"en")
        return true;
    // Qt's own dialogs (file dialogs, message boxes), when Debian has them for the language.
    if (qtTranslator().load(u"qtbase_"_s + code,
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator());
    return true;
}

} // namespace caseatlas
