#pragma once
// The `vigie` sub-commands. Each returns the process exit code: 0 success, 1 runtime
// failure, 2 bad input (usage, configuration, missing or unreadable file).

#include <string>
#include <vector>

namespace vigie::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

int runAnalyze(const std::vector<std::string>& args);
int runBench(const std::vector<std::string>& args);
int runVersion(const std::vector<std::string>& args);
int runModels(const std::vector<std::string>& args);
int runStatus(const std::vector<std::string>& args);
int runUsers(const std::vector<std::string>& args);
int runAudit(const std::vector<std::string>& args);
int runExport(const std::vector<std::string>& args);
int runBackup(const std::vector<std::string>& args);
int runRestore(const std::vector<std::string>& args);
int runLicence(const std::vector<std::string>& args);
int runEval(const std::vector<std::string>& args);

}  // namespace vigie::app
