# Shared by the deploy scripts: project root, data directory, build directory, helpers.
# Sourced, not executed.

VIGIE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The data set (models, footage) beside the source tree unless VIGIE_DATA_DIR says otherwise.
: "${VIGIE_DATA_DIR:=$VIGIE_ROOT/../shared/data}"
if [ -d "$VIGIE_DATA_DIR" ]; then
    VIGIE_DATA_DIR=$(cd "$VIGIE_DATA_DIR" && pwd)
fi
export VIGIE_DATA_DIR

log() { printf '\033[1m[vigie]\033[0m %s\n' "$*" >&2; }

jobs_for_build() {
    # Torch translation units take ~1 GB of compiler memory each: one job per 2 GB.
    local cores mem_gb
    cores=$(nproc)
    mem_gb=$(awk '/MemTotal/ {print int($2 / 1048576)}' /proc/meminfo)
    local by_mem=$(( mem_gb / 2 ))
    [ "$by_mem" -lt 1 ] && by_mem=1
    [ "$cores" -lt "$by_mem" ] && echo "$cores" || echo "$by_mem"
}
