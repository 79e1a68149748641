#include "inference/linear_assignment.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace vigie::inference {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Hungarian algorithm with row/column potentials and shortest augmenting paths for
// n <= m (every row gets a column). `a(i, j)` is read 0-based. Returns the column per row.
template <typename CostFn>
std::vector<int> hungarian(std::size_t n, std::size_t m, const CostFn& a) {
    assert(n <= m);
    // 1-based arrays with a virtual column 0, as in the classic formulation: p[j] is the row
    // assigned to column j, way[j] the previous column on the augmenting path.
    std::vector<double> u(n + 1, 0.0);
    std::vector<double> v(m + 1, 0.0);
    std::vector<std::size_t> p(m + 1, 0);
    std::vector<std::size_t> way(m + 1, 0);
    std::vector<double> minv(m + 1);
    std::vector<char> used(m + 1);
    for (std::size_t i = 1; i <= n; ++i) {
        p[0] = i;
        std::size_t j0 = 0;
        std::fill(minv.begin(), minv.end(), kInf);
        std::fill(used.begin(), used.end(), 0);
        do {
            used[j0] = 1;
            const std::size_t i0 = p[j0];
            double delta = kInf;
            std::size_t j1 = 0;
            for (std::size_t j = 1; j <= m; ++j) {
                if (used[j]) {
                    continue;
                }
                const double cur = a(i0 - 1, j - 1) - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (std::size_t j = 0; j <= m; ++j) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const std::size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<int> rowToCol(n, -1);
    for (std::size_t j = 1; j <= m; ++j) {
        if (p[j] != 0) {
            rowToCol[p[j] - 1] = static_cast<int>(j - 1);
        }
    }
    return rowToCol;
}

// Splits a row→column solution into matches and unmatched ends, keeping a pair only when
// it is a real column (not an extension column) and `accept(row, col)` holds.
template <typename AcceptFn>
Assignment fromRowToCol(const std::vector<int>& rowToCol, std::size_t rows, std::size_t cols,
                        const AcceptFn& accept) {
    Assignment result;
    std::vector<char> colUsed(cols, 0);
    for (std::size_t r = 0; r < rows; ++r) {
        const int c = rowToCol[r];
        if (c >= 0 && static_cast<std::size_t>(c) < cols &&
            accept(r, static_cast<std::size_t>(c))) {
            result.matches.emplace_back(r, static_cast<std::size_t>(c));
            colUsed[static_cast<std::size_t>(c)] = 1;
        } else {
            result.unmatchedRows.push_back(r);
        }
    }
    for (std::size_t c = 0; c < cols; ++c) {
        if (!colUsed[c]) {
            result.unmatchedCols.push_back(c);
        }
    }
    return result;
}

Assignment allUnmatched(std::size_t rows, std::size_t cols) {
    Assignment result;
    for (std::size_t r = 0; r < rows; ++r) {
        result.unmatchedRows.push_back(r);
    }
    for (std::size_t c = 0; c < cols; ++c) {
        result.unmatchedCols.push_back(c);
    }
    return result;
}

}  // namespace

std::vector<int> solveMinCostAssignment(const CostMatrix& cost) {
    const std::size_t rows = cost.rows();
    const std::size_t cols = cost.cols();
    if (cost.empty()) {
        return std::vector<int>(rows, -1);
    }
    if (rows <= cols) {
        return hungarian(rows, cols, [&](std::size_t i, std::size_t j) { return cost(i, j); });
    }
    // More rows than columns: solve the transpose so that every column gets a row.
    const std::vector<int> colToRow =
        hungarian(cols, rows, [&](std::size_t i, std::size_t j) { return cost(j, i); });
    std::vector<int> rowToCol(rows, -1);
    for (std::size_t c = 0; c < cols; ++c) {
        if (colToRow[c] >= 0) {
            rowToCol[static_cast<std::size_t>(colToRow[c])] = static_cast<int>(c);
        }
    }
    return rowToCol;
}

Assignment linearAssignment(const CostMatrix& cost, double threshold) {
    assert(std::isfinite(threshold));
    const std::size_t rows = cost.rows();
    const std::size_t cols = cost.cols();
    if (cost.empty()) {
        return allUnmatched(rows, cols);
    }
    // The square (rows + cols) extension of lap.lapjv(extend_cost=True, cost_limit):
    //   [ cost        | limit/2 ]
    //   [ limit/2     | 0       ]
    // A row matched to an extra column (or a column to an extra row) is unmatched. A pair
    // costing more than the threshold is never part of an optimum (two unmatched ends cost
    // exactly the threshold), so forbidden entries can take any value above it.
    const double half = threshold / 2.0;
    const double forbidden = std::abs(threshold) * 2.0 + 1.0;
    const std::size_t n = rows + cols;
    const auto extended = [&](std::size_t i, std::size_t j) {
        if (i < rows && j < cols) {
            const double c = cost(i, j);
            return std::isfinite(c) ? std::min(c, forbidden) : forbidden;
        }
        if (i >= rows && j >= cols) {
            return 0.0;
        }
        return half;
    };
    return fromRowToCol(hungarian(n, n, extended), rows, cols,
                        [&](std::size_t r, std::size_t c) { return cost(r, c) <= threshold; });
}

Assignment maxCardinalityAssignment(const CostMatrix& cost) {
    const std::size_t rows = cost.rows();
    const std::size_t cols = cost.cols();
    if (cost.empty()) {
        return allUnmatched(rows, cols);
    }
    double maxAbs = 0.0;
    bool anyValid = false;
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cols; ++c) {
            if (std::isfinite(cost(r, c))) {
                anyValid = true;
                maxAbs = std::max(maxAbs, std::abs(cost(r, c)));
            }
        }
    }
    if (!anyValid) {
        return allUnmatched(rows, cols);
    }
    // motmetrics.lap.add_expensive_edges: with all valid costs in [-k, k], an invalid edge
    // costing l > (2r - 1)k can never beat r valid edges; l = 2rk + 1 with k = max|c| + 1.
    const double k = maxAbs + 1.0;
    const double large = 2.0 * static_cast<double>(std::min(rows, cols)) * k + 1.0;
    CostMatrix dense(rows, cols);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cols; ++c) {
            dense(r, c) = std::isfinite(cost(r, c)) ? cost(r, c) : large;
        }
    }
    return fromRowToCol(solveMinCostAssignment(dense), rows, cols,
                        [&](std::size_t r, std::size_t c) { return std::isfinite(cost(r, c)); });
}

}  // namespace vigie::inference
