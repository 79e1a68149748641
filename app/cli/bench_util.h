#pragma once
// Helpers shared by the `vigie bench` sections: clocks, CPU and memory of this process, the
// machine's description, child processes (the ffmpeg baseline) and number formatting.
// Thread: any; runProcess blocks until the child exits.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "core/result.h"

namespace vigie::app::bench {

using Clock = std::chrono::steady_clock;
using core::Result;

struct ProcessOutput {
    int exitCode = -1;
    std::string text;  // stdout and stderr together
};

double secondsSince(Clock::time_point start);
double processCpuS();
double peakRssMiB();
double currentRssMiB();
std::string cpuModel();
std::string loadAverage();
std::string kernelDescription();
int usableCores();
std::string figure(double v);
std::string threadsName(int threads);
std::string threadsPhrase(int threads);
double percentile(std::vector<double> values, double p);
Result<ProcessOutput> runProcess(const std::vector<std::string>& argv);
std::optional<double> numberAfterLast(const std::string& text, const std::string& key);
std::string lastLine(const std::string& text);
std::optional<std::string> ffmpegCliVersion();
// A whole-number option within [minValue, maxValue], or a message naming the option.
Result<int> integerOption(const Args& args, const std::string& name, int fallback, int minValue,
                          int maxValue);

}  // namespace vigie::app::bench
