// Fire start: a fire model's tracks when one is installed, flame colour + flicker + growth
// over a sliding window of pictures otherwise.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "inference/event_analysers.h"

namespace vigie::inference {

using core::RuleObservation;

namespace {

bool isFireLabel(const std::string& label) {
    return label == "fire" || label == "flame" || label == "smoke";
}

// Largest normalised autocorrelation of the linearly detrended series at a lag up to half its
// length, after it first went negative: near 1 for a periodic signal (a blinking sign),
// small for flicker.
double periodicity(const std::vector<double>& series) {
    const std::size_t n = series.size();
    if (n < 8) {
        return 0.0;
    }
    // Least-squares line through (i, v).
    double si = 0, sv = 0, sii = 0, siv = 0;
    for (std::size_t i = 0; i < n; ++i) {
        si += double(i);
        sv += series[i];
        sii += double(i) * double(i);
        siv += double(i) * series[i];
    }
    const double denom = double(n) * sii - si * si;
    const double slope = denom != 0 ? (double(n) * siv - si * sv) / denom : 0.0;
    const double intercept = (sv - slope * si) / double(n);
    std::vector<double> r(n);
    double energy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        r[i] = series[i] - (intercept + slope * double(i));
        energy += r[i] * r[i];
    }
    if (energy < 1e-9 * double(n)) {
        return 0.0;
    }
    // Only after the autocorrelation first went negative: a slowly varying signal (a flame
    // swaying) stays correlated at short lags without repeating; a periodic one swings back.
    double best = 0.0;
    bool dipped = false;
    for (std::size_t lag = 1; lag <= n / 2; ++lag) {
        double c = 0.0;
        for (std::size_t i = 0; i + lag < n; ++i) {
            c += r[i] * r[i + lag];
        }
        // Unbiased for the shorter overlap.
        c = c / double(n - lag) / (energy / double(n));
        if (c < 0.0) {
            dipped = true;
        } else if (dipped && lag >= 2) {
            best = std::max(best, c);
        }
    }
    return best;
}

}  // namespace

FireAnalyser::FireAnalyser(core::FireParams params, std::vector<core::Polygon> zones,
                           std::vector<std::string> zoneIds)
    : m_params(params), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {}

RuleObservation FireAnalyser::fromModel(const AnalysisInput& input) {
    RuleObservation obs;
    for (const auto& t : *input.tracks) {
        if (!isFireLabel(t.label) || t.score < 0.25F || zoneIndexOf(m_zones, t.box.centre()) < 0) {
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, double(t.score));
        obs.boxes.push_back(t.box);
        obs.trackIds.push_back(t.id);
    }
    return obs;
}

RuleObservation FireAnalyser::update(const AnalysisInput& input) {
    const double s = std::clamp(m_params.sensitivity, 0.0, 1.0);
    const double flickerMin = 0.03 * (1.5 - s);
    RuleObservation evidence = fromModel(input);
    nlohmann::json detail;
    m_regions.clear();
#ifdef VIGIE_HAVE_OPENCV
    if (!evidence.active && input.frame != nullptr && !input.frame->empty()) {
        auto maps = flameColourMask(*input.frame, kFlameWidth, FlameColourOptions{s});
        if (maps) {
            if (maps->width != m_width || maps->height != m_height) {
                m_width = maps->width;
                m_height = maps->height;
                m_masks.clear();
                m_values.clear();
                m_allowed.assign(std::size_t(m_width) * std::size_t(m_height), 0);
                for (int y = 0; y < m_height; ++y) {
                    for (int x = 0; x < m_width; ++x) {
                        const core::PointF p{(x + 0.5) / m_width, (y + 0.5) / m_height};
                        bool ok = zoneIndexOf(m_zones, p) >= 0;
                        if (ok && input.masks != nullptr) {
                            for (const auto& m : *input.masks) {
                                ok = ok && !core::contains(m, p);
                            }
                        }
                        m_allowed[std::size_t(y) * std::size_t(m_width) + std::size_t(x)] =
                            ok ? 1 : 0;
                    }
                }
            }
            for (std::size_t i = 0; i < maps->mask.size(); ++i) {
                maps->mask[i] &= m_allowed[i];
            }
            m_masks.push_back(std::move(maps->mask));
            m_values.push_back(std::move(maps->value));
            while (int(m_masks.size()) > kWindow) {
                m_masks.pop_front();
                m_values.pop_front();
            }
        }
    }
    const int n = int(m_masks.size());
    if (!evidence.active && n >= kWindow / 2) {
        const std::size_t cells = std::size_t(m_width) * std::size_t(m_height);
        std::vector<std::uint8_t> presence(cells, 0);
        const int need = int(std::ceil(kPresence * n));
        for (std::size_t i = 0; i < cells; ++i) {
            int c = 0;
            for (const auto& m : m_masks) {
                c += m[i];
            }
            presence[i] = c >= need ? 1 : 0;
        }
        const int minArea = std::max(2, int(std::lround(m_params.minAreaFraction * double(cells))));
        for (const auto& r : maskRegions(presence, m_width, m_height, minArea)) {
            RegionMeasure rm;
            rm.box = {double(r.x0) / m_width, double(r.y0) / m_height, double(r.x1) / m_width,
                      double(r.y1) / m_height};
            rm.areaFraction = double(r.area) / double(cells);
            std::vector<double> brightness(std::size_t(n), 0.0);
            std::vector<double> area(std::size_t(n), 0.0);
            double flicker = 0.0;
            int members = 0;
            for (int y = r.y0; y < r.y1; ++y) {
                for (int x = r.x0; x < r.x1; ++x) {
                    const std::size_t i = std::size_t(y) * std::size_t(m_width) + std::size_t(x);
                    for (int t = 0; t < n; ++t) {
                        area[std::size_t(t)] += m_masks[std::size_t(t)][i];
                    }
                    if (!presence[i]) {
                        continue;
                    }
                    ++members;
                    double d = 0.0;
                    for (int t = 0; t < n; ++t) {
                        brightness[std::size_t(t)] += m_values[std::size_t(t)][i];
                        if (t > 0) {
                            d += std::abs(int(m_values[std::size_t(t)][i]) -
                                          int(m_values[std::size_t(t) - 1][i])) /
                                     255.0 +
                                 0.5 *
                                     (m_masks[std::size_t(t)][i] != m_masks[std::size_t(t) - 1][i]);
                        }
                    }
                    flicker += d / (n - 1);
                }
            }
            if (members == 0) {
                continue;
            }
            rm.flicker = flicker / members;
            rm.periodicity = std::max(periodicity(brightness), periodicity(area));
            const int q = std::max(1, n / 4);
            double first = 0.0;
            double last = 0.0;
            for (int t = 0; t < q; ++t) {
                first += area[std::size_t(t)];
                last += area[std::size_t(n - 1 - t)];
            }
            const double windowGrowth = first > 0 ? last / first : 1.0;
            if (!m_firstAreaFraction) {
                m_firstAreaFraction = rm.areaFraction;
            }
            const double sinceFirst = rm.areaFraction / std::max(1e-9, *m_firstAreaFraction);
            rm.growth = std::max(windowGrowth, sinceFirst);
            m_regions.push_back(rm);
        }
        if (!m_regions.empty()) {
            m_lastCandidateUs = input.ptsUs;
        } else if (double(input.ptsUs - m_lastCandidateUs) / 1e6 > 5.0) {
            m_firstAreaFraction.reset();  // nothing flame-like for a while: start afresh
        }
        for (const auto& rm : m_regions) {
            const bool qualifies = rm.flicker >= flickerMin && rm.periodicity < kPeriodicAutocorr &&
                                   rm.growth >= kMinGrowth;
            if (!qualifies) {
                continue;
            }
            const double score =
                std::min(1.0, 0.4 + 0.3 * std::min(1.0, rm.flicker / (2.0 * flickerMin)) +
                                  0.3 * std::min(1.0, (rm.growth - 1.0) / 0.5));
            if (score > evidence.score) {
                detail = nlohmann::json{{"method", "colour_flicker_growth"},
                                        {"area_fraction", rm.areaFraction},
                                        {"min_area_fraction", m_params.minAreaFraction},
                                        {"flicker", rm.flicker},
                                        {"min_flicker", flickerMin},
                                        {"periodicity", rm.periodicity},
                                        {"max_periodicity", kPeriodicAutocorr},
                                        {"growth", rm.growth},
                                        {"min_growth", kMinGrowth}};
            }
            evidence.active = true;
            evidence.score = std::max(evidence.score, score);
            evidence.boxes.push_back(rm.box);
        }
    }
#endif
    if (evidence.active && detail.is_null()) {
        detail = nlohmann::json{{"method", "model"}};
    }
    // Held: the evidence must last holdS (gaps under a second do not break it).
    if (evidence.active) {
        if (!m_qualifiedSinceUs || double(input.ptsUs - m_lastQualifiedUs) / 1e6 > 1.0) {
            m_qualifiedSinceUs = input.ptsUs;
        }
        m_lastQualifiedUs = input.ptsUs;
    } else if (m_qualifiedSinceUs && double(input.ptsUs - m_lastQualifiedUs) / 1e6 > 1.0) {
        m_qualifiedSinceUs.reset();
    }
    RuleObservation obs;
    if (evidence.active && m_qualifiedSinceUs &&
        double(input.ptsUs - *m_qualifiedSinceUs) / 1e6 + 1e-9 >= m_params.holdS) {
        obs = std::move(evidence);
        obs.sinceUs = *m_qualifiedSinceUs;
        if (obs.zoneId.empty() && !m_zoneIds.empty() && !obs.boxes.empty()) {
            const int z = zoneIndexOf(m_zones, obs.boxes.front().centre());
            obs.zoneId =
                z >= 0 && std::size_t(z) < m_zoneIds.size() ? m_zoneIds[std::size_t(z)] : "";
        }
        detail["hold_s"] = m_params.holdS;
        obs.detail = detail.dump();
    }
    return obs;
}

}  // namespace vigie::inference
