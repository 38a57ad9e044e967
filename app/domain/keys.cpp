// Stored text keys of the domain enums. The keys are part of the file format: never rename.
#include "domain/actor.h"
#include "domain/event.h"
#include "domain/note.h"
#include "domain/sensitivity.h"
#include "domain/source.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

template <typename E, std::size_t N>
QString keyOf(const std::array<std::pair<E, const char16_t*>, N>& table, E value) {
    for (const auto& [e, key] : table)
        if (e == value)
            return QString::fromUtf16(key);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char16_t*>, N>& table,
                         const QString& key) {
    for (const auto& [e, k] : table)
        if (key == QStringView(k))
            return e;
    return std::nullopt;
}

constexpr std::array kSensitivity{
    std::pair{Sensitivity::Public, u"public"},
    std::pair{Sensitivity::Internal, u"internal"},
    std::pair{Sensitivity::Confidential, u"confidential"},
};
constexpr std::array kExportProfile{
    std::pair{ExportProfile::Public, u"public"},
    std::pair{ExportProfile::Internal, u"internal"},
    std::pair{ExportProfile::Full, u"full"},
};
constexpr std::array kStatus{
    std::pair{EventStatus::Draft, u"draft"},
    std::pair{EventStatus::Corroborated, u"corroborated"},
    std::pair{EventStatus::Disputed, u"disputed"},
};
constexpr std::array kPrecision{
    std::pair{LocationPrecision::Exact, u"exact"},
    std::pair{LocationPrecision::Approximate, u"approximate"},
    std::pair{LocationPrecision::AdminArea, u"admin-area"},
    std::pair{LocationPrecision::Country, u"country"},
    std::pair{LocationPrecision::Unknown, u"unknown"},
};
constexpr std::array kSourceKind{
    std::pair{SourceKind::WebPage, u"web-page"},
    std::pair{SourceKind::Document, u"document"},
    std::pair{SourceKind::Report, u"report"},
    std::pair{SourceKind::Interview, u"interview"},
    std::pair{SourceKind::SocialPost, u"social-post"},
    std::pair{SourceKind::Image, u"image"},
    std::pair{SourceKind::Video, u"video"},
    std::pair{SourceKind::Dataset, u"dataset"},
    std::pair{SourceKind::Other, u"other"},
};
constexpr std::array kActorKind{
    std::pair{ActorKind::Person, u"person"},
    std::pair{ActorKind::Organisation, u"organisation"},
    std::pair{ActorKind::Group, u"group"},
    std::pair{ActorKind::StateBody, u"state-body"},
};
constexpr std::array kLinkTarget{
    std::pair{LinkTarget::Event, u"event"},
    std::pair{LinkTarget::Actor, u"actor"},
    std::pair{LinkTarget::Place, u"place"},
    std::pair{LinkTarget::Source, u"source"},
};

} // namespace

QString sensitivityKey(Sensitivity s) {
    return keyOf(kSensitivity, s);
}
std::optional<Sensitivity> sensitivityFromKey(const QString& k) {
    return valueOf(kSensitivity, k);
}
QString exportProfileKey(ExportProfile p) {
    return keyOf(kExportProfile, p);
}
std::optional<ExportProfile> exportProfileFromKey(const QString& k) {
    return valueOf(kExportProfile, k);
}
QString eventStatusKey(EventStatus s) {
    return keyOf(kStatus, s);
}
std::optional<EventStatus> eventStatusFromKey(const QString& k) {
    return valueOf(kStatus, k);
}
QString locationPrecisionKey(LocationPrecision p) {
    return keyOf(kPrecision, p);
}
std::optional<LocationPrecision> locationPrecisionFromKey(const QString& k) {
    return valueOf(kPrecision, k);
}
QString sourceKindKey(SourceKind k) {
    return keyOf(kSourceKind, k);
}
std::optional<SourceKind> sourceKindFromKey(const QString& k) {
    return valueOf(kSourceKind, k);
}
QString actorKindKey(ActorKind k) {
    return keyOf(kActorKind, k);
}
std::optional<ActorKind> actorKindFromKey(const QString& k) {
    return valueOf(kActorKind, k);
}
QString linkTargetKey(LinkTarget t) {
    return keyOf(kLinkTarget, t);
}
std::optional<LinkTarget> linkTargetFromKey(const QString& k) {
    return valueOf(kLinkTarget, k);
}

QChar reliabilityLetter(Reliability r) {
    return QChar(u'A' + int(r));
}

std::optional<Reliability> reliabilityFromLetter(QChar c) {
    const QChar u = c.toUpper();
    if (u < u'A' || u > u'F')
        return std::nullopt;
    return Reliability(u.unicode() - u'A');
}

QString reliabilityDescription(Reliability r) {
    static const char* text[] = {"completely reliable", "usually reliable",
                                 "fairly reliable",     "not usually reliable",
                                 "unreliable",          "reliability cannot be judged"};
    return QString::fromLatin1(text[int(r)]);
}

QString credibilityDescription(int c) {
    static const char* text[] = {
        "confirmed by other sources", "probably true", "possibly true", "doubtful", "improbable",
        "truth cannot be judged"};
    return c >= 1 && c <= 6 ? QString::fromLatin1(text[c - 1]) : QString();
}

} // namespace caseatlas
