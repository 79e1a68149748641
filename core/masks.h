#pragma once
// Exclusion areas (« masques ») of a camera: zones of kind Mask over signs, screens and
// reflective floors, where nothing raises a signal. A box is masked when its ground-contact
// point (bottom centre) lies in a mask, or when at least kMaskedAreaFraction of its area does
// (objects hanging in a screen's rectangle, flames in a lit sign). Pure functions, any thread.
//
//   if (core::isMasked(camera, track.box)) { continue; }   // before any analyser sees it

#include <vector>

#include "core/geometry.h"
#include "core/site.h"

namespace vigie::core {

inline constexpr double kMaskedAreaFraction = 0.5;

// The masks of a camera (its zones of kind Mask).
std::vector<const Zone*> masksOf(const Camera& camera);
bool isMasked(const Camera& camera, const BoxF& box);
bool isMasked(const std::vector<const Zone*>& masks, const BoxF& box);
bool isMasked(const std::vector<Polygon>& masks, const BoxF& box);
// A point (a flame's centre, a motion blob) in a mask.
bool isMasked(const Camera& camera, PointF point);
// Fraction of the box's area inside the polygon (0..1), by sampling on a fine grid of the box:
// exact enough for a decision at one half, and robust to any polygon shape.
double fractionInside(const Polygon& polygon, const BoxF& box);

}  // namespace vigie::core
