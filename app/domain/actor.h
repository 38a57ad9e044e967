#pragma once

#include "domain/sensitivity.h"

#include <QList>
#include <QString>

#include <optional>

namespace caseatlas {

// A name in another script or language: Chinese, Burmese, a romanisation.
struct Alias {
    QString name;
    QString language; // BCP 47: "zh-Hans", "my", "en"
    bool operator==(const Alias&) const = default;
};

enum class ActorKind { Person, Organisation, Group, StateBody };
QString actorKindKey(ActorKind k);
std::optional<ActorKind> actorKindFromKey(const QString& key);

struct Actor {
    qint64 id = 0;
    QString uuid;
    QString name;
    ActorKind kind = ActorKind::Person;
    QString description;
    bool protectedPerson = false; // victims, witnesses: never named in public exports
    Sensitivity sensitivity = Sensitivity::Public;
    QList<Alias> aliases;
};

} // namespace caseatlas
