#pragma once
// The concurrent-streams decode benchmark of `vigie bench --streams` (see bench_streams.cpp).

#include <string>
#include <vector>

namespace vigie::app {

int runStreamsBench(const std::vector<int>& counts, const std::vector<std::string>& resolutions,
                    const std::string& input, double budgetS, double analysisFps);

}  // namespace vigie::app
