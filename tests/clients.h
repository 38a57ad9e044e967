#pragma once

// Real clients started by the tests: TimelineJS 3 (from npm) in headless Chromium (from
// Debian), GDAL's validate_gpkg.py. A client that cannot be had here skips its test, except
// under CI=true, where it fails: CI installs Chromium and reaches npm's registry.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace caseatlas::test {

inline bool inCi() {
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

// Skips (or, in CI, fails) the calling test when `what` is missing.
#define CASEATLAS_REQUIRE_CLIENT(ok, what)                                                         \
    do {                                                                                           \
        if (!(ok)) {                                                                               \
            if (::caseatlas::test::inCi())                                                         \
                QFAIL(qPrintable(QStringLiteral("missing in CI: ") + (what)));                     \
            QSKIP(qPrintable(QStringLiteral("not on this machine: ") + (what)));                   \
        }                                                                                          \
    } while (false)

inline QString sourceDir() {
    return qEnvironmentVariable("CASEATLAS_SOURCE_DIR");
}

// Where fetched packages are kept between runs (the build folder's clients/).
inline QString clientCache() {
    const QString dir = qEnvironmentVariable("CASEATLAS_CLIENT_CACHE");
    return dir.isEmpty() ? QDir::temp().filePath(QStringLiteral("caseatlas-clients")) : dir;
}

// An npm package's folder, fetched once and checked against its registry integrity; empty
// when it cannot be had (`why` says why).
inline QString npmPackage(const QString& name, const QString& version, const QString& integrity,
                          QString* why) {
    QProcess p;
    p.start(QStringLiteral("python3"), {sourceDir() + QStringLiteral("/tests/clients/fetch_npm.py"),
                                        name, version, integrity, clientCache()});
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode()) {
        *why = name + QLatin1Char('@') + version + QStringLiteral(": ") +
               QString::fromUtf8(p.readAllStandardError()).trimmed();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

inline QString timelineJsPackage(QString* why) {
    return npmPackage(
        QStringLiteral("@knight-lab/timelinejs"), QStringLiteral("3.9.11"),
        QStringLiteral(
            "+jUuY1OJ+"
            "9zSO5O3AfYSLd1yB0vQkm22zyIElz8BWT5DQ9mL0rsxlQkBKAqLbWpJjFuAAJeqzLY35xFIg6GW4g=="),
        why);
}

inline QString chromium() {
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
        if (const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
            !path.isEmpty())
            return path;
    return {};
}

// What TimelineJS made of a timeline JSON in headless Chromium: {"errors": [...] (script errors
// and TimelineJS's own config errors), "message": the error box's text, "ready": bool,
// "slides": [{"date", "headline", "text"}], "markers": count, "eras": [their texts]}. The page
// has no network: every host name fails to resolve.
inline QJsonObject renderInTimelineJs(const QString& package, const QByteArray& json,
                                      QString* why) {
    QTemporaryDir dir;
    QByteArray data = json;
    data.replace("</", "<\\/"); // inside a <script>
    const QByteArray page =
        "<!doctype html><html><head><meta charset=\"utf-8\">\n"
        "<link rel=\"stylesheet\" href=\"" +
        QUrl::fromLocalFile(package + QStringLiteral("/dist/css/timeline.css")).toEncoded() +
        "\">\n<script src=\"" +
        QUrl::fromLocalFile(package + QStringLiteral("/dist/js/timeline.js")).toEncoded() +
        "\"></script></head>\n<body><div id=\"tl\" style=\"width:1200px;height:700px\"></div>"
        "<pre id=\"result\"></pre>\n<script>\n"
        "var out = {errors: [], ready: false};\n"
        "window.addEventListener('error', function(e){ out.errors.push('script: ' + e.message); "
        "});\n"
        "var data = " +
        data +
        ";\nvar tl = null;\n"
        "try { tl = new TL.Timeline('tl', data, {}); tl.on('ready', function(){ out.ready = true; "
        "}); }\n"
        "catch (e) { out.errors.push('exception: ' + e); }\n"
        "setTimeout(function(){\n"
        "  if (tl && tl.config) out.errors = "
        "out.errors.concat(tl.config.getErrors().map(String));\n"
        "  out.ready = out.ready || !!(tl && tl.ready);\n"
        "  var m = document.querySelector('.tl-message-full');\n"
        "  out.message = m && m.offsetParent !== null ? m.textContent.trim() : '';\n"
        "  out.slides = Array.from(document.querySelectorAll('.tl-slide')).map(function(s){\n"
        "    function t(sel){ var e = s.querySelector(sel); return e ? e.textContent.trim() : ''; "
        "}\n"
        "    var h = s.querySelector('.tl-text-content');\n"
        "    return {date: t('.tl-headline-date'), headline: t('.tl-headline'), text: "
        "t('.tl-text-content'),\n"
        "            html: h ? h.innerHTML : ''}; });\n"
        "  out.markers = document.querySelectorAll('.tl-timemarker').length;\n"
        "  out.eras = Array.from(document.querySelectorAll('.tl-timeera')).map(function(e){ return "
        "e.textContent.trim(); });\n"
        "  document.getElementById('result').textContent = JSON.stringify(out);\n"
        "}, 3000);\n</script></body></html>\n";
    const QString pagePath = dir.filePath(QStringLiteral("page.html"));
    QFile f(pagePath);
    if (!f.open(QIODevice::WriteOnly) || f.write(page) != page.size()) {
        *why = QStringLiteral("cannot write ") + pagePath;
        return {};
    }
    f.close();
    QProcess p;
    p.start(chromium(),
            {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
             QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
             QStringLiteral("--allow-file-access-from-files"),
             QStringLiteral("--host-resolver-rules=MAP * ~NOTFOUND"),
             QStringLiteral("--user-data-dir=") + dir.filePath(QStringLiteral("profile")),
             QStringLiteral("--virtual-time-budget=20000"), QStringLiteral("--dump-dom"),
             QUrl::fromLocalFile(pagePath).toString()});
    if (!p.waitForFinished(120000)) {
        p.kill();
        *why = QStringLiteral("Chromium did not finish");
        return {};
    }
    const QString dom = QString::fromUtf8(p.readAllStandardOutput());
    static const QRegularExpression result(QStringLiteral("<pre id=\"result\">(.*?)</pre>"),
                                           QRegularExpression::DotMatchesEverythingOption);
    const auto m = result.match(dom);
    if (!m.hasMatch() || m.captured(1).isEmpty()) {
        *why = QStringLiteral("no result from the page; Chromium said: ") +
               QString::fromUtf8(p.readAllStandardError()).right(2000);
        return {};
    }
    QString text = m.captured(1);
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace caseatlas::test
