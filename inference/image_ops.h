#pragma once
// Picture operations of the event analysers (crowd movement, abandoned object, fire), behind
// plain value types so that OpenCV stays in image_ops.cpp: a small grey picture, dense
// optical flow between two of them, flame-coloured pixels, connected regions of a mask, and
// a long-term background for the static-foreground check. Built only with OpenCV
// (VIGIE_HAVE_OPENCV); callers guard their use with that definition.
//
// Every function works on a reduced copy of the picture (at most `maxWidth` columns, area
// averaging): the analysers look at regions of a few percent of the picture, for which
// 160–320 columns are plenty, and the analysis strand must stay well under the frame period.
// OpenCV exceptions are caught here and returned as errors.
//
// Thread: the free functions may be called from any thread; a LongTermBackground belongs to
// one analyser (one camera's strand).
//
//   auto grey = greyDownscale(frame, 160);             // Result<GreyImage>
//   auto flow = denseFlow(previousGrey, *grey);        // Result<FlowField>, pixels per step
//   auto fire = flameColourMask(frame, 320, {});       // Result<FlameMaps>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/frame.h"
#include "core/geometry.h"
#include "core/result.h"

namespace vigie::inference {

// An 8-bit single-channel picture, row-major, no padding.
struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    bool empty() const { return width <= 0 || height <= 0; }
    std::uint8_t at(int x, int y) const { return pixels[std::size_t(y) * std::size_t(width) + x]; }
};

// Grey picture of the part of `frame` inside `box` (normalised), resized to width ×
// height; height ≤ 0 keeps the box's aspect. An error for an empty box.
core::Result<GreyImage> greyRegion(const core::ImageFrame& frame, const core::BoxF& box, int width,
                                   int height = 0);

// Dense motion from one grey picture to the next: per pixel, the displacement in pixels of
// the flow picture (not normalised, not per second: the caller knows the time step).
struct FlowField {
    int width = 0;
    int height = 0;
    std::vector<float> dx;
    std::vector<float> dy;
};

// Grey picture (BT.601 luma) reduced to at most maxWidth columns, aspect kept.
core::Result<GreyImage> greyDownscale(const core::ImageFrame& frame, int maxWidth);

// Farnebäck dense optical flow (pyramid of 3 levels, window 15): robust to the blur and noise
// of CCTV at these sizes, and ~1 ms at 160×90. Both pictures must have the same size.
core::Result<FlowField> denseFlow(const GreyImage& previous, const GreyImage& current);

// Colour rules of flames (Chen et al. 2004 in RGB, Çelik & Demirel 2009 in YCrCb, a hue band
// in HSV). `sensitivity` 0..1 loosens the saturation and brightness floors.
struct FlameColourOptions {
    double sensitivity = 0.5;
};

// Per pixel of the reduced picture: whether it has a flame colour (0/1) and its brightness
// (HSV value, 0–255) — the analyser follows both over time.
struct FlameMaps {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> mask;
    std::vector<std::uint8_t> value;
    std::vector<std::uint8_t> hue;  // HSV hue in degrees (0 red … 60 yellow) where mask is set
};

core::Result<FlameMaps> flameColourMask(const core::ImageFrame& frame, int maxWidth,
                                        const FlameColourOptions& options);

// A connected region of a binary mask, in mask pixels (x1, y1 exclusive).
struct MaskRegion {
    int x0 = 0;
    int y0 = 0;
    int x1 = 0;
    int y1 = 0;
    int area = 0;  // pixels set inside the region
};

// 8-connected regions of a 0/1 mask of at least minArea pixels, after closing gaps of one
// pixel (flames are ragged; one flame must not split into many regions).
std::vector<MaskRegion> maskRegions(const std::vector<std::uint8_t>& mask, int width, int height,
                                    int minArea);

// A picture of the scene as it has been for minutes: a running average of small colour
// pictures with a time constant of `timeConstantS`, started from the first picture. What
// differs from it is foreground that is new on the scale of that time constant — a bag left
// a minute ago differs, a bench or a reflection that was there from the start does not.
// Areas listed as `frozen` at an update learn ten times slower, so that an object being
// watched is not absorbed while the watch lasts.
class LongTermBackground {
public:
    explicit LongTermBackground(double timeConstantS, int maxWidth = 320);
    ~LongTermBackground();
    LongTermBackground(const LongTermBackground&) = delete;
    LongTermBackground& operator=(const LongTermBackground&) = delete;

    // Learns from one picture taken dtS after the previous one.
    core::Status update(const core::ImageFrame& frame, double dtS,
                        const std::vector<core::BoxF>& frozen = {});
    bool ready() const;
    // Fraction (0..1) of the pixels of `box` (normalised) in the last picture given to
    // update() whose colour differs from the background by more than `threshold` levels.
    double differingFraction(const core::BoxF& box, int threshold = 30) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace vigie::inference
