#include "appearance.h"
#include "cli/commandline.h"
#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QIcon>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace caseatlas;

int main(int argc, char* argv[]) {
    CommandLine::configureProcess();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setOrganizationName(u"CaseAtlas"_s);
    QCoreApplication::setApplicationName(u"CaseAtlas"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEATLAS_VERSION));

    if (CommandLine::wantsCommandLine(arguments)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        // The command line speaks English (scripts read it), with English plurals: "2 records".
        QTranslator plurals;
        auto run = [&](QCoreApplication& app) {
            if (plurals.load(u":/i18n/caseatlas_en.qm"_s))
                app.installTranslator(&plurals);
            return CommandLine::run(arguments, out, err);
        };
        if (!CommandLine::needsFonts(arguments)) {
            QCoreApplication app(argc, argv);
            return run(app);
        }
        // Drawing needs fonts, hence a GUI application, but never a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        return run(app);
    }

    QApplication app(argc, argv);
    installLanguage(effectiveLanguage(languagePreference()));
    applyAppearance(appearancePreference());
    // The launcher and icon the desktop knows it by (packaging/linux).
    QGuiApplication::setDesktopFileName(u"org.caseatlas.CaseAtlas"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/org.caseatlas.CaseAtlas.svg"_s));
    QCommandLineParser parser;
    parser.setApplicationDescription(u"CaseAtlas: evidence-backed chronologies."_s);
    parser.addOption({u"sample"_s, u"Open the sample case."_s});
    parser.addOption({u"screenshot"_s,
                      u"Save a picture of the window to FILE and quit (for the user guide)."_s,
                      u"FILE"_s});
    parser.addPositionalArgument(u"file"_s, u"A case to open."_s, u"[FILE]"_s);
    parser.process(app);

    MainWindow window;
    window.show();
    Status opened;
    if (parser.isSet(u"sample"_s))
        opened = window.openSampleCase();
    else if (!parser.positionalArguments().isEmpty())
        opened = window.openCase(parser.positionalArguments().first());
    if (!opened) {
        std::fprintf(stderr, "caseatlas: %s\n", qPrintable(opened.error().fullText()));
        QTimer::singleShot(0, &window, [&window, opened] { window.report(opened); });
    }
    if (parser.isSet(u"screenshot"_s)) {
        const QString shot = parser.value(u"screenshot"_s);
        QTimer::singleShot(800, &window, [&window, shot] {
            if (!window.grab().save(shot))
                std::fprintf(stderr, "caseatlas: could not save %s\n", qPrintable(shot));
            QApplication::quit();
        });
    }
    return app.exec();
}
