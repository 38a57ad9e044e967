#include "domain/eventmerge.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

struct FieldInfo {
    ImportField flag;
    const char16_t* key;
    bool list;
};

constexpr FieldInfo kFields[] = {
    {FieldTitle, u"title", false},         {FieldDescription, u"description", false},
    {FieldStart, u"start", false},         {FieldEnd, u"end", false},
    {FieldPoint, u"point", false},         {FieldPlace, u"place", false},
    {FieldPrecision, u"precision", false}, {FieldTags, u"tags", true},
    {FieldActors, u"actors", true},        {FieldValues, u"values", true},
    {FieldStatus, u"status", false},       {FieldSensitivity, u"sensitivity", false},
};

QString actorItem(const EventActor& a) {
    return QString::number(a.actorId) + u'\x1f' + a.role;
}

QString valueItem(const EventValue& v) {
    return v.name + u'\x1f' + QString::number(v.value, 'g', 17) + u'\x1f' + v.unit;
}

QStringList sorted(QStringList items) {
    items.sort();
    items.removeDuplicates();
    return items;
}

QJsonValue fieldValue(const Event& e, ImportField f) {
    switch (f) {
    case FieldTitle:
        return e.title;
    case FieldDescription:
        return e.description;
    case FieldStart:
        return e.start.isValid() ? e.start.toEdtf() : QString();
    case FieldEnd:
        return e.end.isValid() ? e.end.toEdtf() : QString();
    case FieldPoint:
        return e.point ? QString::number(e.point->lon, 'f', 6) + u',' +
                             QString::number(e.point->lat, 'f', 6)
                       : QString();
    case FieldPlace:
        return QString::number(e.placeId);
    case FieldPrecision:
        return locationPrecisionKey(e.locationPrecision);
    case FieldTags:
        return QJsonArray::fromStringList(sorted(e.tags));
    case FieldActors: {
        QStringList items;
        for (const EventActor& a : e.actors)
            items << actorItem(a);
        return QJsonArray::fromStringList(sorted(items));
    }
    case FieldValues: {
        QStringList items;
        for (const EventValue& v : e.values)
            items << valueItem(v);
        return QJsonArray::fromStringList(sorted(items));
    }
    case FieldStatus:
        return eventStatusKey(e.status);
    case FieldSensitivity:
        return sensitivityKey(e.sensitivity);
    }
    return {};
}

void takeField(Event& to, const Event& from, ImportField f) {
    switch (f) {
    case FieldTitle:
        to.title = from.title;
        break;
    case FieldDescription:
        to.description = from.description;
        break;
    case FieldStart:
        to.start = from.start;
        break;
    case FieldEnd:
        to.end = from.end;
        break;
    case FieldPoint:
        to.point = from.point;
        break;
    case FieldPlace:
        to.placeId = from.placeId;
        break;
    case FieldPrecision:
        to.locationPrecision = from.locationPrecision;
        break;
    case FieldStatus:
        to.status = from.status;
        break;
    case FieldSensitivity:
        to.sensitivity = from.sensitivity;
        break;
    default:
        break;
    }
}

QStringList items(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out << item.toString();
    return out;
}

// A list field set to these items, each taken from whichever side has it.
void setList(Event& to, const Event& ours, const Event& theirs, ImportField f,
             const QStringList& chosen) {
    if (f == FieldTags) {
        QStringList tags;
        for (const QString& t : ours.tags + theirs.tags)
            if (chosen.contains(t) && !tags.contains(t))
                tags << t;
        to.tags = tags;
    } else if (f == FieldActors) {
        QList<EventActor> actors;
        for (const EventActor& a : ours.actors + theirs.actors)
            if (chosen.contains(actorItem(a)) && !actors.contains(a))
                actors << a;
        to.actors = actors;
    } else if (f == FieldValues) {
        QList<EventValue> values;
        for (const EventValue& v : ours.values + theirs.values)
            if (chosen.contains(valueItem(v)) && !values.contains(v))
                values << v;
        to.values = values;
    }
}

QString shown(const QJsonValue& v) {
    if (v.isArray()) {
        QStringList out;
        for (QString item : items(v))
            out << item.replace(u'\x1f', u" · "_s);
        return out.join(u"; "_s);
    }
    return v.toString();
}

} // namespace

QJsonObject importedFields(const Event& e, ImportFields fields) {
    QJsonObject o;
    for (const FieldInfo& f : kFields)
        if (fields & f.flag)
            o.insert(QString::fromUtf16(f.key), fieldValue(e, f.flag));
    return o;
}

EventMerge mergeImportedEvent(const Event& ours, const Event& theirs,
                              const std::optional<QJsonObject>& base, ImportFields fields) {
    EventMerge m;
    m.event = ours;
    for (const FieldInfo& f : kFields) {
        if (!(fields & f.flag))
            continue;
        const QString key = QString::fromUtf16(f.key);
        const QJsonValue o = fieldValue(ours, f.flag), t = fieldValue(theirs, f.flag);
        // A base from before this field was imported: as if unchanged in the case.
        const QJsonValue b = base && base->contains(key) ? base->value(key) : o;
        if (t == b || o == t)
            continue; // the file did not change it, or both agree
        if (o == b) {
            if (f.list)
                setList(m.event, ours, theirs, f.flag, items(t));
            else
                takeField(m.event, theirs, f.flag);
            m.changed << key;
            continue;
        }
        if (f.list) {
            // Both changed the list: the file's additions and removals, the case's additions.
            const QStringList ob = items(o), tb = items(t), bb = items(b);
            QStringList merged = ob;
            for (const QString& item : tb)
                if (!bb.contains(item) && !merged.contains(item))
                    merged << item;
            for (const QString& item : bb)
                if (!tb.contains(item))
                    merged.removeAll(item);
            if (sorted(merged) != sorted(ob)) {
                setList(m.event, ours, theirs, f.flag, merged);
                m.changed << key;
            }
            continue;
        }
        m.conflicts.append({ours.id, 0, ours.title, key, shown(o), shown(t)});
    }
    m.matchesFile = importedFields(m.event, fields) == importedFields(theirs, fields);
    return m;
}

} // namespace caseatlas
