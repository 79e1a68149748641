#pragma once
// Image → ground plane, for distances in metres, areas in m² and speeds in m/s. Built from
// the camera's drawn calibration (a quadrilateral over a rectangle of known size: a full
// homography; or reference lengths: a scale that varies with depth), or estimated from the
// heights of tracked people when nothing is drawn (persons are ~personHeightM tall, so the
// box height at each picture row gives the scale there).
// Thread: a built GroundModel is immutable and may be shared; the estimator belongs to one
// camera's analysis strand.
//
// Aspect: normalised x and y are fractions of the picture's width and height, so one unit
// of y is `aspect` (height / width, of the displayed picture) units of x. The homography
// maps normalised points directly and needs no aspect (a projective map absorbs the scaling
// of its input). The depth-scale models (reference lengths, person heights) work in
// "width units": a displacement (dx, dy) covers hypot(dx, aspect·dy) width units, and
// their scale is metres per width unit. Pass frame height / width where it is known.
//
// Accuracy: the homography is exact for a flat ground. The depth-scale models know the
// scale across the view at every row (exactly, for a pinhole camera: it is inverse-linear in
// the row, zero at the horizon) but not the foreshortening along the view, which needs the
// camera's tilt and focal length: a pixel is taken to cover the same ground distance along
// the view as across it, so distances and speeds along the view are underestimated on an
// oblique camera (by 1 / sin of the ray's depression angle). Draw a ground quadrilateral where
// they matter (wrong way, running). Points at or beyond the horizon have no ground position:
// they are held at the far limit of the model (kFarLimit times its farthest calibrated
// distance), so a measure of the sky is bounded but meaningless.
//
//   auto ground = GroundModel::fromCalibration(camera.calibration);   // or nullopt
//   double m = ground->distanceM(trackA.box.bottomCentre(), trackB.box.bottomCentre());
//   double m2 = ground->areaM2(zone.polygon);

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/geometry.h"
#include "core/result.h"
#include "core/site.h"

namespace vigie::core {

// Height / width of the 4CIF PAL picture (704×576), the default when a caller does not know.
inline constexpr double kDefaultPictureAspect = 576.0 / 704.0;

class GroundModel {
public:
    enum class Kind { Invalid = 0, Homography, DepthScale, Estimated };

    // From a drawn calibration; an error says what is wrong with the drawing (degenerate
    // quadrilateral, lengths at the same depth…). `aspect` (picture height / width) is used by
    // reference lengths only.
    static Result<GroundModel> fromCalibration(const Calibration& calibration,
                                               double aspect = kDefaultPictureAspect);
    // Metres per normalised width unit as a linear function of the picture row:
    // scale(y) = a + b·y, with the picture's aspect ratio (height / width): a vertical step dy
    // covers aspect·dy width units. (Reference lengths and person heights build the
    // perspective form instead: width units per metre linear in y.)
    static GroundModel fromDepthScale(double a, double b, double aspect);

    Kind kind() const { return m_kind; }
    // Ground coordinates in metres of an image point (normalised).
    PointF toGround(PointF image) const;
    double distanceM(PointF a, PointF b) const;
    double areaM2(const Polygon& polygon) const;
    // Speed of a point moving with `velocity` (normalised units per second) at `at`, m/s.
    double speedMps(PointF at, PointF velocity) const;
    // The ground-plane direction of an image-plane motion at `at` (unit vector, metres).
    PointF groundDirection(PointF at, PointF imageDirection) const;

    // A ground point is never farther than this many times the model's farthest calibrated
    // distance (quad corners, reference rows, observed people).
    static constexpr double kFarLimit = 50.0;

private:
    friend class PersonScaleEstimator;
    // Width units per metre u(y) = c + d·y, calibrated between rows rowLo and rowHi.
    static GroundModel perspective(double c, double d, double aspect, Kind kind, double rowLo,
                                   double rowHi);
    double rowOf(double y) const;
    double metresPerUnit(double y) const;
    double metresPerUnitSlope(double y) const;
    double depthIntegral(double y) const;
    std::array<double, 4> jacobian(PointF at) const;  // d(ground)/d(image), row-major

    Kind m_kind = Kind::Invalid;
    std::array<double, 9> m_h{};  // Homography: image (normalised) → ground (m), row-major
    double m_wMin = 0.0;          // Homography: floor of the projective divisor (far limit)
    double m_a = 0.0;             // DepthScale: metres per unit at row y = a + b·y, or, when
    double m_b = 0.0;             // m_inverse, width units per metre at row y = a + b·y
    bool m_inverse = false;
    double m_rowMin = -1e9;  // DepthScale: rows outside are held at the bound (horizon)
    double m_rowMax = 1e9;
    double m_aspect = 1.0;
};

// Learns the scale of a camera from tracked people when no calibration is drawn: each
// confirmed person box adds (bottom row y, box height); a line fitted through them gives the
// picture height of a person at each row, hence metres per unit there. Only upright boxes
// count (taller than kMinUprightRatio times their width, in pixels) and boxes cut by the
// picture border are ignored; the fit is done twice, the second time without the boxes more
// than kOutlierFraction away from the first line (children, people sitting or half hidden).
// A bounded reservoir of kMaxPoints boxes is kept, a uniform sample of everything seen.
class PersonScaleEstimator {
public:
    explicit PersonScaleEstimator(double personHeightM = 1.7,
                                  double aspect = kDefaultPictureAspect);
    void add(const BoxF& personBox);
    std::size_t samples() const { return m_samples; }
    // A model once enough people spread over enough depth have been seen.
    std::optional<GroundModel> model(std::size_t minSamples = 30) const;

    static constexpr double kMinUprightRatio = 1.4;
    static constexpr double kOutlierFraction = 0.25;
    static constexpr std::size_t kMaxPoints = 4000;

private:
    double m_personHeightM;
    double m_aspect;
    std::size_t m_samples = 0;
    std::vector<PointF> m_points;  // (bottom row, height) of accepted boxes, reservoir
    std::uint64_t m_rng = 0x9E3779B97F4A7C15ULL;
};

// 3×3 homography from four point correspondences (DLT with the 8×8 linear system solved by
// Gaussian elimination); nullopt when the points are degenerate.
std::optional<std::array<double, 9>> homographyFrom4(const std::array<PointF, 4>& from,
                                                     const std::array<PointF, 4>& to);

}  // namespace vigie::core
