#pragma once
// Optimal assignment between the rows and the columns of a rectangular cost matrix: the
// building block of the tracker's association (tracks × detections) and of the MOT metrics
// (ground truth × hypotheses).
//
// Purpose: three flavours of the same shortest-augmenting-path Hungarian solver
// (Jonker–Volgenant style potentials, O(n²·m) for n ≤ m), each mirroring the reference that
// our behaviour is compared with:
//   - solveMinCostAssignment: plain rectangular assignment (scipy's linear_sum_assignment);
//   - linearAssignment: thresholded matching as ByteTrack does it (lap.lapjv with
//     extend_cost=True, cost_limit=threshold);
//   - maxCardinalityAssignment: forbidden pairs (non-finite costs) as py-motmetrics does it.
// Thread: pure functions, any thread. Ownership: values only.
//
//   CostMatrix cost(2, 3);
//   cost(0, 0) = 0.1; ...
//   const Assignment a = linearAssignment(cost, 0.8);
//   for (auto [row, col] : a.matches) { ... }

#include <cstddef>
#include <utility>
#include <vector>

namespace vigie::inference {

// Dense row-major matrix of doubles.
class CostMatrix {
public:
    CostMatrix() = default;
    CostMatrix(std::size_t rows, std::size_t cols, double fill = 0.0)
        : m_rows(rows), m_cols(cols), m_data(rows * cols, fill) {}

    std::size_t rows() const { return m_rows; }
    std::size_t cols() const { return m_cols; }
    bool empty() const { return m_rows == 0 || m_cols == 0; }

    double& operator()(std::size_t row, std::size_t col) { return m_data[row * m_cols + col]; }
    double operator()(std::size_t row, std::size_t col) const { return m_data[row * m_cols + col]; }

private:
    std::size_t m_rows = 0;
    std::size_t m_cols = 0;
    std::vector<double> m_data;
};

struct Assignment {
    std::vector<std::pair<std::size_t, std::size_t>> matches;  // (row, col), by increasing row
    std::vector<std::size_t> unmatchedRows;                    // increasing
    std::vector<std::size_t> unmatchedCols;                    // increasing
};

// Minimum total cost assignment of min(rows, cols) pairs: every row is assigned when
// rows <= cols, every column otherwise. All costs must be finite. Returns, for each row, its
// column or -1 when the row is left unassigned (only possible when rows > cols).
std::vector<int> solveMinCostAssignment(const CostMatrix& cost);

// ByteTrack's matching.linear_assignment: leaving a row or a column unmatched costs
// threshold / 2 each, and the matching minimises the total. So a pair is matched only when
// that is cheaper than leaving both ends unmatched, and a pair costing more than `threshold`
// is never matched (this is stronger than "solve, then drop the pairs above the threshold":
// a row is never pulled away from a good partner by a forced bad pair elsewhere).
// Non-finite costs mark forbidden pairs. `threshold` must be finite.
Assignment linearAssignment(const CostMatrix& cost, double threshold);

// py-motmetrics' linear_sum_assignment on a matrix whose non-finite entries are forbidden:
// the largest possible number of allowed pairs, and among those the cheapest (the forbidden
// entries are replaced by a constant so large that using one is never worth it, exactly as
// motmetrics.lap.add_expensive_edges does, then the forbidden pairs are dropped).
Assignment maxCardinalityAssignment(const CostMatrix& cost);

}  // namespace vigie::inference
