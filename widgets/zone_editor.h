#pragma once
// The zone editor (« Zones et lignes ») of one camera, drawn on a snapshot of it.
//
// ZoneCanvas: the drawing surface. Tools: Sélection, Zone (polygon of kind Area), Masque
// (polygon of kind Mask, its own colour), Ligne (polyline with a crossing direction shown
// by arrows), and the two calibration drawings of core::Calibration: the ground
// quadrilateral (near-left, near-right, far-right, far-left) and reference lengths (a
// segment of known length, drawn at least twice at different depths). Drawing: a click
// places a point; a double-click, Entrée, or a click on the first point (polygons) closes
// the shape; Échap cancels it. Selection: press on a vertex and drag it; press on an edge
// inserts a vertex there (and drags it); Suppr deletes the selected vertex, or the shape when
// no vertex is selected or too few would be left. Every point is stored in normalised 0..1
// image coordinates, rounded to 1e-4; the picture is letterboxed into the widget.
// When the calibration is complete, the metric grid (1 m or 5 m cells) computed by
// core::GroundModel is drawn over the picture (see calibration_overlay.h).
//
// ZoneEditor: the screen around it — tool bar, properties (name, crossing direction,
// calibration sizes, grid size) and « Appliquer », which emits cameraEdited().
//
// Thread: GUI thread only. Ownership: plain QWidgets owned by their parent.
//
//   auto* editor = new ZoneEditor(*site.findCamera("quai2"), snapshot, this);
//   connect(editor, &ZoneEditor::cameraEdited, this, [](const core::Camera& c) { save(c); });

#include <QImage>
#include <QWidget>

#include <optional>
#include <vector>

#include "core/calibration.h"
#include "core/site.h"

class QActionGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace vigie::widgets {

class ZoneCanvas : public QWidget {
    Q_OBJECT

public:
    enum class Tool { Select, Area, Mask, Line, GroundQuad, ReferenceLength };
    // What is selected: a zone (areas and masks), a line, the ground quad or a reference.
    enum class ShapeKind { None, Zone, Line, GroundQuad, Reference };
    struct Selection {
        ShapeKind kind = ShapeKind::None;
        int index = -1;   // in zones(), lines() or referenceLengths; 0 for the quad
        int vertex = -1;  // -1: the whole shape
        friend bool operator==(const Selection&, const Selection&) = default;
    };
    // A crossing-direction arrow of a line, in normalised coordinates (base → tip).
    struct Arrow {
        core::PointF base;
        core::PointF tip;
    };

    explicit ZoneCanvas(QWidget* parent = nullptr);

    void setSnapshot(const QImage& snapshot);
    const QImage& snapshot() const { return m_snapshot; }
    // Loads the zones, lines and calibration of a camera (its id is used for new ids).
    void setCamera(const core::Camera& camera);
    // The camera given to setCamera() with the edited zones, lines and calibration.
    core::Camera camera() const;

    const std::vector<core::Zone>& zones() const { return m_zones; }
    const std::vector<core::Line>& lines() const { return m_lines; }
    const core::Calibration& calibration() const { return m_calibration; }

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    bool isDrawing() const { return !m_draft.empty(); }
    const std::vector<core::PointF>& draft() const { return m_draft; }

    Selection selection() const { return m_selection; }
    void select(Selection selection);

    void setLineDirection(int lineIndex, core::CrossingDirection direction);
    void renameShape(Selection shape, const QString& name);
    void removeShape(Selection shape);
    // The arrows drawn for a line: one for to_left / to_right, two for any.
    std::vector<Arrow> arrows(int lineIndex) const;

    // Calibration sizes: the quad's width (near side) and depth, the reference length.
    void setQuadSize(double widthM, double depthM);
    void setReferenceLengthM(double lengthM);
    double referenceLengthM() const { return m_referenceLengthM; }
    void setGridCellM(double cellM);
    double gridCellM() const { return m_gridCellM; }
    void setGridVisible(bool visible);
    // The ground model of the current calibration, or the reason there is none.
    const std::optional<core::GroundModel>& groundModel() const { return m_ground; }
    const QString& calibrationError() const { return m_calibrationError; }
    // The grid lines drawn (normalised polylines), for tests.
    const std::vector<std::vector<core::PointF>>& gridLines() const { return m_grid; }

    // Mapping between widget pixels and normalised image coordinates.
    QRectF imageRect() const;
    QPointF toWidget(core::PointF p) const;
    core::PointF toNormalised(const QPointF& pos) const;

    QSize sizeHint() const override { return {704, 576}; }
    QSize minimumSizeHint() const override { return {320, 240}; }

Q_SIGNALS:
    void zonesChanged();
    void linesChanged();
    void calibrationChanged();
    void selectionChanged();
    void toolChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Hit {
        Selection shape;
        int edgeAfter = -1;  // edge hit: insert after this vertex
    };
    std::vector<core::PointF>* pointsOf(Selection shape);
    const std::vector<core::PointF>* pointsOf(Selection shape) const;
    bool exists(Selection shape) const;
    bool isClosed(Selection shape) const;
    std::size_t minPoints(Selection shape) const;
    std::optional<Hit> hitVertex(const QPointF& pos) const;
    std::optional<Hit> hitEdge(const QPointF& pos) const;
    std::optional<Selection> hitInside(const QPointF& pos) const;
    void addDraftPoint(core::PointF p);
    void finishDraft();
    void cancelDraft();
    void deleteSelected();
    void emitChanged(ShapeKind kind);
    void updateCalibration();
    std::string newId(const char* prefix) const;
    void drawShape(QPainter& p, const std::vector<core::PointF>& pts, bool closed,
                   const QColor& colour, bool selected, int selectedVertex) const;

    QImage m_snapshot;
    core::Camera m_camera;
    std::vector<core::Zone> m_zones;
    std::vector<core::Line> m_lines;
    core::Calibration m_calibration;
    Tool m_tool = Tool::Select;
    std::vector<core::PointF> m_draft;
    std::optional<core::PointF> m_hover;
    Selection m_selection;
    bool m_dragging = false;
    bool m_dragMoved = false;
    QPointF m_pressPos;
    double m_referenceLengthM = 1.0;
    double m_gridCellM = 1.0;
    bool m_gridVisible = true;
    std::optional<core::GroundModel> m_ground;
    QString m_calibrationError;
    std::vector<std::vector<core::PointF>> m_grid;
};

class ZoneEditor : public QWidget {
    Q_OBJECT

public:
    ZoneEditor(const core::Camera& camera, const QImage& snapshot, QWidget* parent = nullptr);

    ZoneCanvas* canvas() const { return m_canvas; }
    core::Camera camera() const { return m_canvas->camera(); }
    void setSnapshot(const QImage& snapshot) { m_canvas->setSnapshot(snapshot); }

Q_SIGNALS:
    // « Appliquer »: the camera with its edited zones, lines and calibration.
    void cameraEdited(const core::Camera& camera);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refreshProperties();

    ZoneCanvas* m_canvas = nullptr;
    std::vector<QToolButton*> m_toolButtons;
    QLabel* m_title = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_directionLabel = nullptr;
    QComboBox* m_direction = nullptr;
    QPushButton* m_delete = nullptr;
    QLabel* m_calibTitle = nullptr;
    QLabel* m_quadWidthLabel = nullptr;
    QDoubleSpinBox* m_quadWidth = nullptr;
    QLabel* m_quadDepthLabel = nullptr;
    QDoubleSpinBox* m_quadDepth = nullptr;
    QLabel* m_refLabel = nullptr;
    QDoubleSpinBox* m_refLength = nullptr;
    QLabel* m_gridLabel = nullptr;
    QComboBox* m_gridCell = nullptr;
    QLabel* m_calibStatus = nullptr;
    QLabel* m_help = nullptr;
    QPushButton* m_apply = nullptr;
};

}  // namespace vigie::widgets
