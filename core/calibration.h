#pragma once
// Image → ground plane, for distances in metres, areas in m² and speeds in m/s. Built from
// the camera's drawn calibration (a quadrilateral over a rectangle of known size: a full
// homography; or reference lengths: a scale that varies with depth), or estimated from the
// heights of tracked people when nothing is drawn (persons are ~personHeightM tall, so the
// box height at each picture row gives the scale there).
// Thread: a built GroundModel is immutable and may be shared; the estimator belongs to one
// camera's analysis strand.
//
//   auto ground = GroundModel::fromCalibration(camera.calibration);   // or nullopt
//   double m = ground->distanceM(trackA.box.bottomCentre(), trackB.box.bottomCentre());
//   double m2 = ground->areaM2(zone.polygon);

#include <array>
#include <optional>
#include <vector>

#include "core/geometry.h"
#include "core/result.h"
#include "core/site.h"

namespace vigie::core {

class GroundModel {
public:
    enum class Kind { Invalid = 0, Homography, DepthScale, Estimated };

    // From a drawn calibration; an error says what is wrong with the drawing (degenerate
    // quadrilateral, lengths at the same depth…).
    static Result<GroundModel> fromCalibration(const Calibration& calibration);
    // Metres per normalised unit (image width and height units) as a linear function of the
    // picture row: scale(y) = a + b·y, with the picture's aspect ratio (height / width).
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

private:
    Kind m_kind = Kind::Invalid;
    std::array<double, 9> m_h{};  // Homography: image (normalised) → ground (m), row-major
    double m_a = 0.0;             // DepthScale: metres per unit at row y = a + b·y
    double m_b = 0.0;
    double m_aspect = 1.0;
};

// Learns the scale of a camera from tracked people when no calibration is drawn: each
// confirmed person box adds (bottom row y, box height); a line fitted through them gives the
// picture height of a person at each row, hence metres per unit there.
class PersonScaleEstimator {
public:
    explicit PersonScaleEstimator(double personHeightM = 1.7, double aspect = 576.0 / 704.0);
    void add(const BoxF& personBox);
    std::size_t samples() const { return m_samples; }
    // A model once enough people spread over enough depth have been seen.
    std::optional<GroundModel> model(std::size_t minSamples = 30) const;

private:
    double m_personHeightM;
    double m_aspect;
    std::size_t m_samples = 0;
    double m_sy = 0, m_sh = 0, m_syy = 0, m_syh = 0;  // sums for the least-squares line
    double m_minY = 1.0, m_maxY = 0.0;
};

// 3×3 homography from four point correspondences (DLT with the 8×8 linear system solved by
// Gaussian elimination); nullopt when the points are degenerate.
std::optional<std::array<double, 9>> homographyFrom4(const std::array<PointF, 4>& from,
                                                     const std::array<PointF, 4>& to);

}  // namespace vigie::core
