#include "io/eventimport.h"

#include <QCoreApplication>
#include <QDir>
#include <climits>

#include <optional>

using namespace Qt::StringLiterals;

namespace caseatlas {

std::optional<DateOrder> dayMonthOrder(int a, int b, DateOrder order) {
    if (order == DateOrder::DayMonthYear || order == DateOrder::MonthDayYear)
        return order;
    if (a > 12 && b <= 12)
        return DateOrder::DayMonthYear;
    if (b > 12 && a <= 12)
        return DateOrder::MonthDayYear;
    if (a == b)
        return DateOrder::DayMonthYear;
    return std::nullopt;
}

int fullYear(int twoDigits) {
    const int next = QDate::currentDate().year() + 1;
    const int century = next / 100 * 100;
    return century + twoDigits <= next ? century + twoDigits : century - 100 + twoDigits;
}

QString ImportProblem::text(const QString& file) const {
    if (!unit.isEmpty())
        return u"%1: %2 %3%4: %5"_s.arg(QDir::toNativeSeparators(file), unit)
            .arg(line)
            .arg(column > 0 ? u", column %1 (%2)"_s.arg(column).arg(columnName) : QString(),
                 message);
    if (column > 0)
        return u"%1:%2:%3 (%4): %5"_s.arg(QDir::toNativeSeparators(file))
            .arg(line)
            .arg(column)
            .arg(columnName, message);
    if (!columnName.isEmpty()) // a field of a JSON record
        return u"%1:%2 (%3): %4"_s.arg(QDir::toNativeSeparators(file))
            .arg(line)
            .arg(columnName, message);
    return u"%1:%2: %3"_s.arg(QDir::toNativeSeparators(file)).arg(line).arg(message);
}

// The first problems of a refused import, one a line, and how many more there are.
QString firstProblems(const QList<ImportProblem>& problems, const QString& path) {
    constexpr qsizetype shown = 5;
    QStringList lines;
    for (const ImportProblem& p : problems.mid(0, shown))
        lines << p.text(path);
    if (problems.size() > shown) {
        // (lupdate cannot read a template call among translate()'s arguments)
        const int more = int(qMin(problems.size() - shown, qsizetype(INT_MAX)));
        lines << QCoreApplication::translate("caseatlas", "… and %n more.", nullptr, more);
    }
    return lines.join(u'\n');
}

} // namespace caseatlas
