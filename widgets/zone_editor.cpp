#include "widgets/zone_editor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "widgets/calibration_overlay.h"

namespace vigie::widgets {

namespace {

constexpr double kVertexHitPx = 8.0;
constexpr double kEdgeHitPx = 6.0;
constexpr double kArrowLengthPx = 28.0;

// Colours: zones cyan, masks grey-violet (hatched), lines yellow with red arrows (Axis
// convention), calibration green, selection white.
const QColor kZoneColour(0x4D, 0xD0, 0xE1);
const QColor kMaskColour(0x9E, 0x8C, 0xB8);
const QColor kLineColour(0xFF, 0xD5, 0x4F);
const QColor kArrowColour(0xE5, 0x39, 0x35);
const QColor kCalibColour(0x66, 0xBB, 0x6A);
const QColor kGridColour(0x66, 0xBB, 0x6A, 110);
const QColor kSelectColour(0xFF, 0xFF, 0xFF);

double round4(double v) {
    return std::round(std::clamp(v, 0.0, 1.0) * 10000.0) / 10000.0;
}

double distToSegment(const QPointF& p, const QPointF& a, const QPointF& b, double* tOut) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    double t = len2 > 0.0 ? QPointF::dotProduct(p - a, ab) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    if (tOut != nullptr) {
        *tOut = t;
    }
    const QPointF q = a + ab * t;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

double distPx(const QPointF& a, const QPointF& b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

}  // namespace

// --- ZoneCanvas ------------------------------------------------------------------------

ZoneCanvas::ZoneCanvas(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("zoneCanvas"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Image de la caméra : zones et lignes"));
}

void ZoneCanvas::setSnapshot(const QImage& snapshot) {
    m_snapshot = snapshot;
    updateCalibration();
    update();
}

void ZoneCanvas::setCamera(const core::Camera& camera) {
    m_camera = camera;
    m_zones = camera.zones;
    m_lines = camera.lines;
    m_calibration = camera.calibration;
    if (!m_calibration.referenceLengths.empty()) {
        m_referenceLengthM = m_calibration.referenceLengths.front().lengthM;
    }
    m_draft.clear();
    m_selection = {};
    updateCalibration();
    update();
    Q_EMIT selectionChanged();
}

core::Camera ZoneCanvas::camera() const {
    core::Camera c = m_camera;
    c.zones = m_zones;
    c.lines = m_lines;
    c.calibration = m_calibration;
    return c;
}

void ZoneCanvas::setTool(Tool tool) {
    if (tool == m_tool) {
        return;
    }
    cancelDraft();
    m_tool = tool;
    setCursor(tool == Tool::Select ? Qt::ArrowCursor : Qt::CrossCursor);
    update();
    Q_EMIT toolChanged();
}

void ZoneCanvas::select(Selection selection) {
    if (!exists(selection)) {
        selection = {};
    }
    if (selection == m_selection) {
        return;
    }
    m_selection = selection;
    update();
    Q_EMIT selectionChanged();
}

void ZoneCanvas::setLineDirection(int lineIndex, core::CrossingDirection direction) {
    if (lineIndex < 0 || std::size_t(lineIndex) >= m_lines.size()) {
        return;
    }
    m_lines[std::size_t(lineIndex)].direction = direction;
    update();
    Q_EMIT linesChanged();
}

void ZoneCanvas::renameShape(Selection shape, const QString& name) {
    if (shape.kind == ShapeKind::Zone && shape.index >= 0 &&
        std::size_t(shape.index) < m_zones.size()) {
        m_zones[std::size_t(shape.index)].name = name.toStdString();
        Q_EMIT zonesChanged();
    } else if (shape.kind == ShapeKind::Line && shape.index >= 0 &&
               std::size_t(shape.index) < m_lines.size()) {
        m_lines[std::size_t(shape.index)].name = name.toStdString();
        Q_EMIT linesChanged();
    }
}

void ZoneCanvas::removeShape(Selection shape) {
    if (!exists(shape)) {
        return;
    }
    const auto i = std::size_t(shape.index);
    switch (shape.kind) {
        case ShapeKind::Zone:
            m_zones.erase(m_zones.begin() + std::ptrdiff_t(i));
            break;
        case ShapeKind::Line:
            m_lines.erase(m_lines.begin() + std::ptrdiff_t(i));
            break;
        case ShapeKind::GroundQuad:
            m_calibration.groundQuad.clear();
            break;
        case ShapeKind::Reference:
            m_calibration.referenceLengths.erase(m_calibration.referenceLengths.begin() +
                                                 std::ptrdiff_t(i));
            break;
        case ShapeKind::None:
            return;
    }
    m_selection = {};
    emitChanged(shape.kind);
    Q_EMIT selectionChanged();
}

std::vector<ZoneCanvas::Arrow> ZoneCanvas::arrows(int lineIndex) const {
    std::vector<Arrow> out;
    if (lineIndex < 0 || std::size_t(lineIndex) >= m_lines.size()) {
        return out;
    }
    const core::Line& line = m_lines[std::size_t(lineIndex)];
    if (line.points.size() < 2) {
        return out;
    }
    // On the middle segment, from its midpoint, perpendicular to it (in picture pixels, so
    // that the arrow looks perpendicular whatever the aspect ratio).
    const std::size_t s = (line.points.size() - 2) / 2;
    const QPointF a = toWidget(line.points[s]);
    const QPointF b = toWidget(line.points[s + 1]);
    const QPointF mid = (a + b) / 2.0;
    const QPointF d = b - a;
    const double len = std::hypot(d.x(), d.y());
    if (len <= 0.0) {
        return out;
    }
    // Left of the drawing direction on screen (y down): (dy, -dx). See core::sideOf().
    const QPointF left(d.y() / len, -d.x() / len);
    auto add = [&](const QPointF& n) {
        out.push_back({toNormalised(mid), toNormalised(mid + n * kArrowLengthPx)});
    };
    switch (line.direction) {
        case core::CrossingDirection::ToLeft:
            add(left);
            break;
        case core::CrossingDirection::ToRight:
            add(-left);
            break;
        case core::CrossingDirection::Any:
        case core::CrossingDirection::Invalid:
            add(left);
            add(-left);
            break;
    }
    return out;
}

void ZoneCanvas::setQuadSize(double widthM, double depthM) {
    m_calibration.quadWidthM = widthM;
    m_calibration.quadDepthM = depthM;
    updateCalibration();
    update();
    Q_EMIT calibrationChanged();
}

void ZoneCanvas::setReferenceLengthM(double lengthM) {
    m_referenceLengthM = lengthM;
    for (auto& r : m_calibration.referenceLengths) {
        r.lengthM = lengthM;
    }
    updateCalibration();
    update();
    Q_EMIT calibrationChanged();
}

void ZoneCanvas::setGridCellM(double cellM) {
    m_gridCellM = cellM;
    updateCalibration();
    update();
}

void ZoneCanvas::setGridVisible(bool visible) {
    m_gridVisible = visible;
    update();
}

QRectF ZoneCanvas::imageRect() const {
    const QSizeF img = m_snapshot.isNull() ? QSizeF(704, 576) : QSizeF(m_snapshot.size());
    const QSizeF fitted = img.scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2.0, (height() - fitted.height()) / 2.0),
                  fitted);
}

QPointF ZoneCanvas::toWidget(core::PointF p) const {
    const QRectF r = imageRect();
    return {r.left() + p.x * r.width(), r.top() + p.y * r.height()};
}

core::PointF ZoneCanvas::toNormalised(const QPointF& pos) const {
    const QRectF r = imageRect();
    if (r.width() <= 0.0 || r.height() <= 0.0) {
        return {};
    }
    return {round4((pos.x() - r.left()) / r.width()), round4((pos.y() - r.top()) / r.height())};
}

std::vector<core::PointF>* ZoneCanvas::pointsOf(Selection shape) {
    return const_cast<std::vector<core::PointF>*>(std::as_const(*this).pointsOf(shape));
}

const std::vector<core::PointF>* ZoneCanvas::pointsOf(Selection shape) const {
    const auto i = std::size_t(shape.index);
    switch (shape.kind) {
        case ShapeKind::Zone:
            return shape.index >= 0 && i < m_zones.size() ? &m_zones[i].polygon.points : nullptr;
        case ShapeKind::Line:
            return shape.index >= 0 && i < m_lines.size() ? &m_lines[i].points : nullptr;
        case ShapeKind::GroundQuad:
            return m_calibration.groundQuad.empty() ? nullptr : &m_calibration.groundQuad;
        case ShapeKind::Reference:  // two points in a struct: see exists()
        case ShapeKind::None:
            break;
    }
    return nullptr;
}

bool ZoneCanvas::exists(Selection shape) const {
    if (shape.kind == ShapeKind::Reference) {
        return shape.index >= 0 && std::size_t(shape.index) < m_calibration.referenceLengths.size();
    }
    return pointsOf(shape) != nullptr;
}

bool ZoneCanvas::isClosed(Selection shape) const {
    return shape.kind == ShapeKind::Zone || shape.kind == ShapeKind::GroundQuad;
}

std::size_t ZoneCanvas::minPoints(Selection shape) const {
    switch (shape.kind) {
        case ShapeKind::Zone:
            return 3;
        case ShapeKind::GroundQuad:
            return 4;
        default:
            return 2;
    }
}

std::optional<ZoneCanvas::Hit> ZoneCanvas::hitVertex(const QPointF& pos) const {
    std::optional<Hit> best;
    double bestD = kVertexHitPx;
    auto consider = [&](Selection s, const std::vector<core::PointF>& pts) {
        for (std::size_t v = 0; v < pts.size(); ++v) {
            const double d = distPx(pos, toWidget(pts[v]));
            if (d <= bestD) {
                bestD = d;
                best = Hit{{s.kind, s.index, int(v)}, -1};
            }
        }
    };
    // The selected shape first: its handles win over shapes below.
    if (const auto* pts = pointsOf(m_selection)) {
        consider({m_selection.kind, m_selection.index, -1}, *pts);
        if (best) {
            return best;
        }
    }
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        consider({ShapeKind::Line, int(i), -1}, m_lines[i].points);
    }
    for (std::size_t i = 0; i < m_zones.size(); ++i) {
        consider({ShapeKind::Zone, int(i), -1}, m_zones[i].polygon.points);
    }
    if (!m_calibration.groundQuad.empty()) {
        consider({ShapeKind::GroundQuad, 0, -1}, m_calibration.groundQuad);
    }
    for (std::size_t i = 0; i < m_calibration.referenceLengths.size(); ++i) {
        const auto& r = m_calibration.referenceLengths[i];
        for (int v = 0; v < 2; ++v) {
            const double d = distPx(pos, toWidget(v == 0 ? r.a : r.b));
            if (d <= bestD) {
                bestD = d;
                best = Hit{{ShapeKind::Reference, int(i), v}, -1};
            }
        }
    }
    return best;
}

std::optional<ZoneCanvas::Hit> ZoneCanvas::hitEdge(const QPointF& pos) const {
    std::optional<Hit> best;
    double bestD = kEdgeHitPx;
    auto consider = [&](Selection s, const std::vector<core::PointF>& pts, bool closed) {
        const std::size_t n = pts.size();
        const std::size_t edges = closed ? n : (n > 0 ? n - 1 : 0);
        for (std::size_t e = 0; e < edges; ++e) {
            const double d =
                distToSegment(pos, toWidget(pts[e]), toWidget(pts[(e + 1) % n]), nullptr);
            if (d <= bestD) {
                bestD = d;
                best = Hit{{s.kind, s.index, -1}, int(e)};
            }
        }
    };
    if (const auto* pts = pointsOf(m_selection)) {
        consider(m_selection, *pts, isClosed(m_selection));
        if (best) {
            return best;
        }
    }
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        consider({ShapeKind::Line, int(i), -1}, m_lines[i].points, false);
    }
    for (std::size_t i = 0; i < m_zones.size(); ++i) {
        consider({ShapeKind::Zone, int(i), -1}, m_zones[i].polygon.points, true);
    }
    return best;
}

std::optional<ZoneCanvas::Selection> ZoneCanvas::hitInside(const QPointF& pos) const {
    const core::PointF p = toNormalised(pos);
    // Last drawn on top: search backwards.
    for (std::size_t i = m_zones.size(); i-- > 0;) {
        if (core::contains(m_zones[i].polygon, p)) {
            return Selection{ShapeKind::Zone, int(i), -1};
        }
    }
    return std::nullopt;
}

void ZoneCanvas::addDraftPoint(core::PointF p) {
    if (!m_draft.empty() && m_draft.back() == p) {
        return;  // the second press of a double-click
    }
    m_draft.push_back(p);
    if ((m_tool == Tool::GroundQuad && m_draft.size() == 4) ||
        (m_tool == Tool::ReferenceLength && m_draft.size() == 2)) {
        finishDraft();
        return;
    }
    update();
}

void ZoneCanvas::finishDraft() {
    if (m_draft.empty()) {
        return;
    }
    Selection made;
    switch (m_tool) {
        case Tool::Area:
        case Tool::Mask: {
            if (m_draft.size() < 3) {
                return;  // keep drawing: a zone needs three points
            }
            core::Zone z;
            const bool mask = m_tool == Tool::Mask;
            z.kind = mask ? core::ZoneKind::Mask : core::ZoneKind::Area;
            z.id = newId(mask ? "masque" : "zone");
            const auto sameKind = std::count_if(m_zones.begin(), m_zones.end(),
                                                [&](const auto& o) { return o.kind == z.kind; });
            z.name = (mask ? tr("Masque %1") : tr("Zone %1")).arg(sameKind + 1).toStdString();
            z.polygon.points = m_draft;
            m_zones.push_back(std::move(z));
            made = {ShapeKind::Zone, int(m_zones.size()) - 1, -1};
            break;
        }
        case Tool::Line: {
            if (m_draft.size() < 2) {
                return;
            }
            core::Line l;
            l.id = newId("ligne");
            l.name = tr("Ligne %1").arg(m_lines.size() + 1).toStdString();
            l.points = m_draft;
            l.direction = core::CrossingDirection::Any;
            m_lines.push_back(std::move(l));
            made = {ShapeKind::Line, int(m_lines.size()) - 1, -1};
            break;
        }
        case Tool::GroundQuad:
            if (m_draft.size() != 4) {
                return;
            }
            m_calibration.groundQuad = m_draft;
            m_calibration.referenceLengths.clear();  // one method at a time
            made = {ShapeKind::GroundQuad, 0, -1};
            break;
        case Tool::ReferenceLength:
            if (m_draft.size() != 2) {
                return;
            }
            m_calibration.groundQuad.clear();
            m_calibration.referenceLengths.push_back({m_draft[0], m_draft[1], m_referenceLengthM});
            made = {ShapeKind::Reference, int(m_calibration.referenceLengths.size()) - 1, -1};
            break;
        case Tool::Select:
            return;
    }
    m_draft.clear();
    m_selection = made;
    emitChanged(made.kind);
    Q_EMIT selectionChanged();
    update();
}

void ZoneCanvas::cancelDraft() {
    if (m_draft.empty()) {
        return;
    }
    m_draft.clear();
    update();
}

void ZoneCanvas::deleteSelected() {
    if (m_selection.kind == ShapeKind::Reference) {
        removeShape(m_selection);
        return;
    }
    auto* pts = pointsOf(m_selection);
    if (pts == nullptr) {
        return;
    }
    const int v = m_selection.vertex;
    if (v < 0 || pts->size() <= minPoints(m_selection)) {
        removeShape(m_selection);
        return;
    }
    pts->erase(pts->begin() + v);
    m_selection.vertex = -1;
    emitChanged(m_selection.kind);
    Q_EMIT selectionChanged();
    update();
}

void ZoneCanvas::emitChanged(ShapeKind kind) {
    switch (kind) {
        case ShapeKind::Zone:
            Q_EMIT zonesChanged();
            break;
        case ShapeKind::Line:
            Q_EMIT linesChanged();
            break;
        case ShapeKind::GroundQuad:
        case ShapeKind::Reference:
            updateCalibration();
            Q_EMIT calibrationChanged();
            break;
        case ShapeKind::None:
            break;
    }
}

void ZoneCanvas::updateCalibration() {
    m_ground.reset();
    m_grid.clear();
    m_calibrationError.clear();
    if (!m_calibration.isDrawn()) {
        return;
    }
    if (m_calibration.groundQuad.size() == 4 &&
        (m_calibration.quadWidthM <= 0.0 || m_calibration.quadDepthM <= 0.0)) {
        m_calibrationError = tr("Indiquez la largeur et la profondeur du quadrilatère au sol.");
        return;
    }
    const double aspect = m_snapshot.isNull() || m_snapshot.width() == 0
                              ? core::kDefaultPictureAspect
                              : double(m_snapshot.height()) / m_snapshot.width();
    auto model = core::GroundModel::fromCalibration(m_calibration, aspect);
    if (!model) {
        m_calibrationError = QString::fromStdString(model.error().message);
        return;
    }
    m_ground = *model;
    m_grid = metricGridLines(*m_ground, m_gridCellM);
}

std::string ZoneCanvas::newId(const char* prefix) const {
    for (int n = 1;; ++n) {
        const std::string id = std::string(prefix) + "-" + std::to_string(n);
        const bool used =
            std::any_of(m_zones.begin(), m_zones.end(),
                        [&](const auto& z) { return z.id == id; }) ||
            std::any_of(m_lines.begin(), m_lines.end(), [&](const auto& l) { return l.id == id; });
        if (!used) {
            return id;
        }
    }
}

void ZoneCanvas::drawShape(QPainter& p, const std::vector<core::PointF>& pts, bool closed,
                           const QColor& colour, bool selected, int selectedVertex) const {
    QPolygonF poly;
    for (const auto& pt : pts) {
        poly << toWidget(pt);
    }
    p.setPen(QPen(selected ? kSelectColour : colour, selected ? 3 : 2));
    if (closed) {
        QColor fill = colour;
        fill.setAlpha(45);
        p.setBrush(fill);
        p.drawPolygon(poly);
    } else {
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(poly);
    }
    for (int v = 0; v < poly.size(); ++v) {
        const bool on = selected && v == selectedVertex;
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(on ? kSelectColour : colour);
        const double r = on ? 6.0 : 4.0;
        p.drawRect(QRectF(poly[v].x() - r, poly[v].y() - r, 2 * r, 2 * r));
    }
}

void ZoneCanvas::paintEvent(QPaintEvent* event) {
    (void)event;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), QColor(0x10, 0x10, 0x10));
    const QRectF img = imageRect();
    if (!m_snapshot.isNull()) {
        p.drawImage(img, m_snapshot);
    } else {
        p.setPen(QColor(0x9E, 0x9E, 0x9E));
        p.drawText(img, Qt::AlignCenter, tr("Aucune image de la caméra"));
    }
    p.setClipRect(img);
    if (m_gridVisible) {
        p.setPen(QPen(kGridColour, 1));
        for (const auto& seg : m_grid) {
            p.drawLine(toWidget(seg[0]), toWidget(seg[1]));
        }
    }
    for (std::size_t i = 0; i < m_zones.size(); ++i) {
        const auto& z = m_zones[i];
        const bool mask = z.kind == core::ZoneKind::Mask;
        const bool sel = m_selection.kind == ShapeKind::Zone && m_selection.index == int(i);
        drawShape(p, z.polygon.points, true, mask ? kMaskColour : kZoneColour, sel,
                  sel ? m_selection.vertex : -1);
        if (mask) {
            QPolygonF poly;
            for (const auto& pt : z.polygon.points) {
                poly << toWidget(pt);
            }
            p.setPen(Qt::NoPen);
            p.setBrush(QBrush(kMaskColour, Qt::BDiagPattern));
            p.drawPolygon(poly);
        }
        if (!z.polygon.points.empty()) {
            p.setPen(mask ? kMaskColour : kZoneColour);
            p.drawText(toWidget(z.polygon.points.front()) + QPointF(6, -6),
                       QString::fromStdString(z.name));
        }
    }
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const auto& l = m_lines[i];
        const bool sel = m_selection.kind == ShapeKind::Line && m_selection.index == int(i);
        drawShape(p, l.points, false, kLineColour, sel, sel ? m_selection.vertex : -1);
        p.setPen(QPen(kArrowColour, 3));
        p.setBrush(kArrowColour);
        for (const auto& a : arrows(int(i))) {
            const QPointF base = toWidget(a.base);
            const QPointF tip = toWidget(a.tip);
            p.drawLine(base, tip);
            const QPointF d = (tip - base) / std::max(1.0, distPx(base, tip));
            const QPointF n(-d.y(), d.x());
            p.drawPolygon(QPolygonF{tip, tip - d * 9 + n * 5, tip - d * 9 - n * 5});
        }
        if (!l.points.empty()) {
            p.setPen(kLineColour);
            p.drawText(toWidget(l.points.front()) + QPointF(6, -6), QString::fromStdString(l.name));
        }
    }
    if (!m_calibration.groundQuad.empty()) {
        const bool sel = m_selection.kind == ShapeKind::GroundQuad;
        drawShape(p, m_calibration.groundQuad, true, kCalibColour, sel,
                  sel ? m_selection.vertex : -1);
    }
    for (std::size_t i = 0; i < m_calibration.referenceLengths.size(); ++i) {
        const auto& r = m_calibration.referenceLengths[i];
        const bool sel = m_selection.kind == ShapeKind::Reference && m_selection.index == int(i);
        drawShape(p, {r.a, r.b}, false, kCalibColour, sel, sel ? m_selection.vertex : -1);
        p.setPen(kCalibColour);
        p.drawText((toWidget(r.a) + toWidget(r.b)) / 2.0 + QPointF(6, -6),
                   tr("%1 m").arg(r.lengthM, 0, 'g', 3));
    }
    // The shape being drawn, with a rubber band to the pointer.
    if (!m_draft.empty()) {
        QColor c = kZoneColour;
        if (m_tool == Tool::Mask) {
            c = kMaskColour;
        } else if (m_tool == Tool::Line) {
            c = kLineColour;
        } else if (m_tool == Tool::GroundQuad || m_tool == Tool::ReferenceLength) {
            c = kCalibColour;
        }
        drawShape(p, m_draft, false, c, false, -1);
        if (m_hover) {
            p.setPen(QPen(c, 1, Qt::DashLine));
            p.drawLine(toWidget(m_draft.back()), toWidget(*m_hover));
        }
    }
    p.setClipping(false);
    if (hasFocus()) {
        p.setPen(QPen(QColor(0x4D, 0xD0, 0xE1), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void ZoneCanvas::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPointF pos = event->position();
    if (m_tool != Tool::Select) {
        if (!imageRect().contains(pos)) {
            return;
        }
        // A click on the first point closes a polygon (Frigate, Canon).
        const bool polygon = m_tool == Tool::Area || m_tool == Tool::Mask;
        if (polygon && m_draft.size() >= 3 &&
            distPx(pos, toWidget(m_draft.front())) <= kVertexHitPx) {
            finishDraft();
            return;
        }
        addDraftPoint(toNormalised(pos));
        return;
    }
    if (const auto hit = hitVertex(pos)) {
        select(hit->shape);
        m_selection.vertex = hit->shape.vertex;  // select() ignores a change of vertex only
        m_dragging = true;
        m_dragMoved = false;
        m_pressPos = pos;
        update();
        Q_EMIT selectionChanged();
        return;
    }
    if (const auto hit = hitEdge(pos)) {
        auto* pts = pointsOf(hit->shape);
        if (pts != nullptr) {
            const int at = hit->edgeAfter + 1;
            pts->insert(pts->begin() + at, toNormalised(pos));
            m_selection = {hit->shape.kind, hit->shape.index, at};
            m_dragging = true;
            m_dragMoved = true;  // the insertion itself is an edit
            emitChanged(hit->shape.kind);
            Q_EMIT selectionChanged();
            update();
            return;
        }
    }
    select(hitInside(pos).value_or(Selection{}));
}

void ZoneCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (m_tool != Tool::Select) {
        m_hover = toNormalised(pos);
        if (!m_draft.empty()) {
            update();
        }
        return;
    }
    if (!m_dragging || m_selection.vertex < 0) {
        return;
    }
    // A plain click on a vertex selects it without moving it by rounding.
    if (!m_dragMoved && distPx(pos, m_pressPos) < 2.0) {
        return;
    }
    const core::PointF p = toNormalised(pos);
    if (m_selection.kind == ShapeKind::Reference) {
        auto& r = m_calibration.referenceLengths[std::size_t(m_selection.index)];
        (m_selection.vertex == 0 ? r.a : r.b) = p;
    } else if (auto* pts = pointsOf(m_selection)) {
        (*pts)[std::size_t(m_selection.vertex)] = p;
    }
    m_dragMoved = true;
    if (m_selection.kind == ShapeKind::GroundQuad || m_selection.kind == ShapeKind::Reference) {
        updateCalibration();
    }
    update();
}

void ZoneCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_dragging) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    mouseMoveEvent(event);
    m_dragging = false;
    if (m_dragMoved) {
        emitChanged(m_selection.kind);
    }
}

void ZoneCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || m_tool == Tool::Select) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    // The first press of the double-click placed the point; this one closes the shape.
    addDraftPoint(toNormalised(event->position()));
    finishDraft();
}

void ZoneCanvas::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            finishDraft();
            return;
        case Qt::Key_Escape:
            if (!m_draft.empty()) {
                cancelDraft();
            } else {
                select({});
            }
            return;
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            if (!m_draft.empty()) {
                m_draft.pop_back();
                update();
            } else {
                deleteSelected();
            }
            return;
        default:
            break;
    }
    QWidget::keyPressEvent(event);
}

void ZoneCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    update();
}

// --- ZoneEditor ------------------------------------------------------------------------

ZoneEditor::ZoneEditor(const core::Camera& camera, const QImage& snapshot, QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("zoneEditor"));
    m_canvas = new ZoneCanvas(this);
    m_canvas->setSnapshot(snapshot);
    m_canvas->setCamera(camera);

    auto* outer = new QHBoxLayout(this);
    auto* left = new QVBoxLayout();
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    left->addWidget(m_title);
    left->addWidget(m_canvas, 1);
    auto* tools = new QHBoxLayout();
    const ZoneCanvas::Tool kTools[] = {
        ZoneCanvas::Tool::Select, ZoneCanvas::Tool::Area,       ZoneCanvas::Tool::Mask,
        ZoneCanvas::Tool::Line,   ZoneCanvas::Tool::GroundQuad, ZoneCanvas::Tool::ReferenceLength};
    const char* kNames[] = {"toolSelect", "toolArea",       "toolMask",
                            "toolLine",   "toolGroundQuad", "toolReference"};
    for (std::size_t i = 0; i < std::size(kTools); ++i) {
        auto* b = new QToolButton(this);
        b->setObjectName(QString::fromLatin1(kNames[i]));
        b->setCheckable(true);
        b->setAutoExclusive(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        const ZoneCanvas::Tool t = kTools[i];
        connect(b, &QToolButton::clicked, this, [this, t] {
            m_canvas->setTool(t);
            m_canvas->setFocus();
        });
        tools->addWidget(b);
        m_toolButtons.push_back(b);
    }
    m_toolButtons.front()->setChecked(true);
    tools->addStretch(1);
    left->addLayout(tools);
    m_help = new QLabel(this);
    m_help->setWordWrap(true);
    left->addWidget(m_help);
    outer->addLayout(left, 3);

    auto* right = new QVBoxLayout();
    auto* form = new QFormLayout();
    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("shapeName"));
    form->addRow(m_nameLabel, m_name);
    m_directionLabel = new QLabel(this);
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("lineDirection"));
    for (int i = 0; i < 3; ++i) {
        m_direction->addItem(QString());
    }
    form->addRow(m_directionLabel, m_direction);
    right->addLayout(form);
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("deleteShape"));
    right->addWidget(m_delete);

    m_calibTitle = new QLabel(this);
    m_calibTitle->setFont(bold);
    right->addWidget(m_calibTitle);
    auto* calib = new QFormLayout();
    auto metres = [this](const char* name, double value) {
        auto* s = new QDoubleSpinBox(this);
        s->setObjectName(QString::fromLatin1(name));
        s->setRange(0.0, 500.0);
        s->setDecimals(2);
        s->setSingleStep(0.5);
        s->setSuffix(QStringLiteral(" m"));
        s->setValue(value);
        return s;
    };
    const core::Calibration& cal = camera.calibration;
    m_quadWidthLabel = new QLabel(this);
    m_quadWidth = metres("quadWidth", cal.quadWidthM);
    calib->addRow(m_quadWidthLabel, m_quadWidth);
    m_quadDepthLabel = new QLabel(this);
    m_quadDepth = metres("quadDepth", cal.quadDepthM);
    calib->addRow(m_quadDepthLabel, m_quadDepth);
    m_refLabel = new QLabel(this);
    m_refLength = metres("referenceLength", m_canvas->referenceLengthM());
    calib->addRow(m_refLabel, m_refLength);
    m_gridLabel = new QLabel(this);
    m_gridCell = new QComboBox(this);
    m_gridCell->setObjectName(QStringLiteral("gridCell"));
    m_gridCell->addItem(QString(), 1.0);
    m_gridCell->addItem(QString(), 5.0);
    m_gridCell->addItem(QString(), 0.0);
    calib->addRow(m_gridLabel, m_gridCell);
    right->addLayout(calib);
    m_calibStatus = new QLabel(this);
    m_calibStatus->setObjectName(QStringLiteral("calibrationStatus"));
    m_calibStatus->setWordWrap(true);
    right->addWidget(m_calibStatus);
    right->addStretch(1);
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("applyZones"));
    m_apply->setDefault(true);
    right->addWidget(m_apply);
    outer->addLayout(right, 1);

    connect(m_canvas, &ZoneCanvas::selectionChanged, this, &ZoneEditor::refreshProperties);
    connect(m_canvas, &ZoneCanvas::calibrationChanged, this, &ZoneEditor::refreshProperties);
    connect(m_canvas, &ZoneCanvas::toolChanged, this, &ZoneEditor::retranslate);
    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_canvas->renameShape(m_canvas->selection(), text); });
    connect(m_direction, &QComboBox::activated, this, [this](int index) {
        const auto sel = m_canvas->selection();
        if (sel.kind == ZoneCanvas::ShapeKind::Line) {
            static constexpr core::CrossingDirection kDirs[] = {core::CrossingDirection::Any,
                                                                core::CrossingDirection::ToLeft,
                                                                core::CrossingDirection::ToRight};
            m_canvas->setLineDirection(sel.index, kDirs[std::clamp(index, 0, 2)]);
        }
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        auto sel = m_canvas->selection();
        sel.vertex = -1;
        m_canvas->removeShape(sel);
    });
    auto quadSize = [this] {
        m_canvas->setQuadSize(m_quadWidth->value(), m_quadDepth->value());
    };
    connect(m_quadWidth, &QDoubleSpinBox::valueChanged, this, quadSize);
    connect(m_quadDepth, &QDoubleSpinBox::valueChanged, this, quadSize);
    connect(m_refLength, &QDoubleSpinBox::valueChanged, m_canvas, &ZoneCanvas::setReferenceLengthM);
    connect(m_gridCell, &QComboBox::currentIndexChanged, this, [this] {
        const double cell = m_gridCell->currentData().toDouble();
        m_canvas->setGridVisible(cell > 0.0);
        if (cell > 0.0) {
            m_canvas->setGridCellM(cell);
        }
    });
    connect(m_apply, &QPushButton::clicked, this,
            [this] { Q_EMIT cameraEdited(m_canvas->camera()); });
    retranslate();
}

void ZoneEditor::refreshProperties() {
    const auto sel = m_canvas->selection();
    const bool shape =
        sel.kind == ZoneCanvas::ShapeKind::Zone || sel.kind == ZoneCanvas::ShapeKind::Line;
    m_name->setEnabled(shape);
    m_delete->setEnabled(sel.kind != ZoneCanvas::ShapeKind::None);
    m_direction->setEnabled(sel.kind == ZoneCanvas::ShapeKind::Line);
    if (sel.kind == ZoneCanvas::ShapeKind::Zone) {
        m_name->setText(QString::fromStdString(m_canvas->zones()[std::size_t(sel.index)].name));
    } else if (sel.kind == ZoneCanvas::ShapeKind::Line) {
        const auto& line = m_canvas->lines()[std::size_t(sel.index)];
        m_name->setText(QString::fromStdString(line.name));
        m_direction->setCurrentIndex(line.direction == core::CrossingDirection::ToLeft    ? 1
                                     : line.direction == core::CrossingDirection::ToRight ? 2
                                                                                          : 0);
    } else {
        m_name->clear();
    }
    const auto& cal = m_canvas->calibration();
    if (!cal.isDrawn()) {
        m_calibStatus->setText(
            tr("Non étalonnée : l'échelle sera estimée d'après la taille des personnes."));
    } else if (m_canvas->groundModel()) {
        m_calibStatus->setText(cal.groundQuad.size() == 4
                                   ? tr("Étalonnée par le quadrilatère au sol.")
                                   : tr("Étalonnée par %n longueur(s) de référence.", nullptr,
                                        int(cal.referenceLengths.size())));
    } else {
        m_calibStatus->setText(tr("Étalonnage incomplet : %1").arg(m_canvas->calibrationError()));
    }
}

void ZoneEditor::retranslate() {
    const core::Camera cam = m_canvas->camera();
    m_title->setText(tr("Zones et lignes — caméra « %1 »")
                         .arg(QString::fromStdString(cam.name.empty() ? cam.id : cam.name)));
    const char* kLabels[] = {QT_TR_NOOP("Sélection"),
                             QT_TR_NOOP("Zone"),
                             QT_TR_NOOP("Masque"),
                             QT_TR_NOOP("Ligne"),
                             QT_TR_NOOP("Quadrilatère au sol"),
                             QT_TR_NOOP("Longueur de référence")};
    for (std::size_t i = 0; i < m_toolButtons.size(); ++i) {
        m_toolButtons[i]->setText(tr(kLabels[i]));
    }
    switch (m_canvas->tool()) {
        case ZoneCanvas::Tool::Select:
            m_help->setText(
                tr("Glissez un sommet pour le déplacer ; cliquez sur un bord pour "
                   "ajouter un sommet ; Suppr efface le sommet ou la forme choisie."));
            break;
        case ZoneCanvas::Tool::Area:
        case ZoneCanvas::Tool::Mask:
        case ZoneCanvas::Tool::Line:
            m_help->setText(
                tr("Cliquez pour placer les points ; double-clic, Entrée ou clic sur "
                   "le premier point pour terminer ; Échap pour annuler."));
            break;
        case ZoneCanvas::Tool::GroundQuad:
            m_help->setText(
                tr("Cliquez les quatre coins d'un rectangle au sol : proche gauche, "
                   "proche droit, loin droit, loin gauche ; puis indiquez ses côtés."));
            break;
        case ZoneCanvas::Tool::ReferenceLength:
            m_help->setText(
                tr("Tracez au sol la même longueur connue deux fois, près et loin de "
                   "la caméra (par exemple un marquage ou une dalle de 2 m)."));
            break;
    }
    m_nameLabel->setText(tr("Nom :"));
    m_directionLabel->setText(tr("Sens de passage :"));
    m_direction->setItemText(0, tr("Les deux sens"));
    m_direction->setItemText(1, tr("Vers la gauche de la ligne"));
    m_direction->setItemText(2, tr("Vers la droite de la ligne"));
    m_delete->setText(tr("Supprimer la forme"));
    m_calibTitle->setText(tr("Étalonnage"));
    m_quadWidthLabel->setText(tr("Largeur (côté proche) :"));
    m_quadDepthLabel->setText(tr("Profondeur :"));
    m_refLabel->setText(tr("Longueur de référence :"));
    m_gridLabel->setText(tr("Grille :"));
    m_gridCell->setItemText(0, tr("cases de 1 m"));
    m_gridCell->setItemText(1, tr("cases de 5 m"));
    m_gridCell->setItemText(2, tr("masquée"));
    m_apply->setText(tr("Appliquer"));
    refreshProperties();
}

void ZoneEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
