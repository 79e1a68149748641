#pragma once
// Readable QCOMPARE failure messages for core value types (specialisations of
// QTest::toString, which QCOMPARE calls on a mismatch).

#include <QTest>

#include <string>

#include "core/event_type.h"
#include "core/geometry.h"
#include "core/site.h"

namespace QTest {

template <>
inline char* toString(const vigie::core::EventType& t) {
    return qstrdup(std::string(vigie::core::toName(t)).c_str());
}
template <>
inline char* toString(const vigie::core::Severity& s) {
    return qstrdup(std::string(vigie::core::toName(s)).c_str());
}
template <>
inline char* toString(const vigie::core::CrossingDirection& d) {
    return qstrdup(QByteArray::number(static_cast<int>(d)).constData());
}
template <>
inline char* toString(const vigie::core::PointF& p) {
    return qstrdup(QByteArray("(" + QByteArray::number(p.x) + ", " + QByteArray::number(p.y) + ")")
                       .constData());
}
template <>
inline char* toString(const vigie::core::BoxF& b) {
    return qstrdup(QByteArray("[" + QByteArray::number(b.x0) + ", " + QByteArray::number(b.y0) +
                              ", " + QByteArray::number(b.x1) + ", " + QByteArray::number(b.y1) +
                              "]")
                       .constData());
}
template <>
inline char* toString(const vigie::core::CalendarDate& d) {
    return qstrdup(QByteArray::number(d.year) + "-" + QByteArray::number(d.month) + "-" +
                   QByteArray::number(d.day));
}

}  // namespace QTest
