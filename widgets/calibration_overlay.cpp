#include "widgets/calibration_overlay.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigie::widgets {

std::vector<std::vector<core::PointF>> metricGridLines(const core::GroundModel& model, double cellM,
                                                       GridOptions options) {
    std::vector<std::vector<core::PointF>> out;
    if (!(cellM > 0.0) || options.samplesX < 2 || options.samplesY < 2) {
        return out;
    }
    const int nx = options.samplesX;
    const int ny = options.samplesY;
    // Ground coordinates at every lattice node.
    std::vector<core::PointF> image(std::size_t(nx * ny));
    std::vector<core::PointF> ground(std::size_t(nx * ny));
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            const core::PointF p{double(i) / (nx - 1), double(j) / (ny - 1)};
            image[std::size_t(j * nx + i)] = p;
            ground[std::size_t(j * nx + i)] = model.toGround(p);
        }
    }
    // For each axis (ground x, ground y), each lattice cell, each level crossing the cell:
    // the crossings on the cell's edges give one segment (two for a saddle, joined in order).
    for (int axis = 0; axis < 2; ++axis) {
        auto value = [&](int i, int j) {
            const core::PointF g = ground[std::size_t(j * nx + i)];
            return (axis == 0 ? g.x : g.y) / cellM;
        };
        for (int j = 0; j + 1 < ny; ++j) {
            for (int i = 0; i + 1 < nx; ++i) {
                const int ci[4] = {i, i + 1, i + 1, i};
                const int cj[4] = {j, j, j + 1, j + 1};
                double v[4];
                double lo = std::numeric_limits<double>::max();
                double hi = std::numeric_limits<double>::lowest();
                bool finite = true;
                for (int k = 0; k < 4; ++k) {
                    v[k] = value(ci[k], cj[k]);
                    finite = finite && std::isfinite(v[k]);
                    lo = std::min(lo, v[k]);
                    hi = std::max(hi, v[k]);
                }
                // More than two levels in one lattice cell: too compressed to be readable.
                if (!finite || hi - lo > 2.0) {
                    continue;
                }
                for (double level = std::ceil(lo); level <= hi; level += 1.0) {
                    std::vector<core::PointF> crossings;
                    for (int k = 0; k < 4; ++k) {
                        const int k2 = (k + 1) % 4;
                        const double a = v[k] - level;
                        const double b = v[k2] - level;
                        if ((a < 0.0) == (b < 0.0) || a == b) {
                            continue;
                        }
                        const double t = a / (a - b);
                        const core::PointF pa = image[std::size_t(cj[k] * nx + ci[k])];
                        const core::PointF pb = image[std::size_t(cj[k2] * nx + ci[k2])];
                        crossings.push_back(pa + (pb - pa) * t);
                    }
                    for (std::size_t c = 0; c + 1 < crossings.size(); c += 2) {
                        out.push_back({crossings[c], crossings[c + 1]});
                    }
                }
                if (int(out.size()) > options.maxLevels * nx * 4) {
                    return out;
                }
            }
        }
    }
    return out;
}

}  // namespace vigie::widgets
