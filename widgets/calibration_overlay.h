#pragma once
// The metric grid shown over a calibrated camera picture: lines of constant ground x and
// constant ground y every `cellM` metres, traced in the picture by marching squares over
// core::GroundModel::toGround() sampled on a regular lattice. One code path for every kind
// of model (homography from a ground quadrilateral, depth scale from reference lengths).
// Where the ground is so compressed that several cells fall in one sample (towards the
// horizon), nothing is drawn: a grid there would be a grey smear, not a measure.
//
// Thread: pure function, any thread. Qt-free on purpose (only core types).
//
//   auto lines = metricGridLines(*GroundModel::fromCalibration(cam.calibration), 1.0);
//   for (const auto& seg : lines) painter.drawLine(toWidget(seg[0]), toWidget(seg[1]));

#include <vector>

#include "core/calibration.h"
#include "core/geometry.h"

namespace vigie::widgets {

struct GridOptions {
    int samplesX = 64;    // lattice columns over the picture width
    int samplesY = 48;    // lattice rows over the picture height
    int maxLevels = 400;  // per axis; beyond that the grid is not drawn
};

// Segments (two normalised points each) of the grid lines, for cells of `cellM` metres.
std::vector<std::vector<core::PointF>> metricGridLines(const core::GroundModel& model, double cellM,
                                                       GridOptions options = {});

}  // namespace vigie::widgets
