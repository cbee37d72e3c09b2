// The fit (docs/calibration.md "The fit"): what the page does not show — each dimension's split
// of its weight between its two metrics, the volume prior, each metric's curve ends — chosen so
// every shown score is reproduced after Seller Center's rounding, and, among the choices that do,
// the one nearest the base profile (a small pull toward it). Each parameter lives on [0, 1] for
// the search; the search is coordinate descent with pair moves, on + - * / only, so native and
// WASM take the same path to the same bytes.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "calibrate_internal.h"

namespace shopscore::calibration {
namespace {

constexpr int kShares = kDimensionCount;                 // 0..2
constexpr int kPrior = kShares;                          // 3
constexpr int kBest = kPrior + 1;                        // 4..9
constexpr int kWorst = kBest + kMetricCount;             // 10..15
constexpr int kCount = kWorst + kMetricCount;            // 16
// A share of exactly 0 or 1 would drop a metric from its dimension (a No-data dimension when the
// other metric has no data): a different model, so the split stays inside.
constexpr double kShareLow = 0.005, kShareHigh = 0.995;
constexpr double kPriorScale = 10;  // volume prior k = 10 t / (1 - t): t = 0.5 is 10
constexpr double kMaxT = 0.99;      // k at most 990
constexpr double kMargin = 0.0005;  // aim this far inside each rounding interval
constexpr double kPull = 1e-7;      // the pull toward the base: far below any miss
constexpr double kPullRoot = 3.1622776601683794e-4;  // sqrt(kPull)

using Vector = std::array<double, kCount>;

// Where each curve end may go, from the lines of the profile being fitted.
struct Range {
    double lo, hi;
};
Range best_range(MetricId m, const Benchmark& b) {
    if (m == kOtdr) return {b.good + (1 - b.good) * 0.02, 1.0};
    return {0.0, b.good * 0.98};
}
Range worst_range(MetricId m, const Benchmark& b) {
    const double gap = std::fabs(b.poor - b.good);
    if (m == kOtdr) return {std::max(0.0, b.poor - 3 * gap), b.poor - 0.02 * gap};
    const double cap = m == kAht ? b.poor + 3 * gap : std::min(1.0, b.poor + 3 * gap);
    return {b.poor + 0.02 * gap, cap};
}

class Problem {
public:
    Problem(std::vector<Observation>& obs, const std::vector<Snapshot>& snaps, const Profile& target)
        : obs_(obs), snaps_(snaps) {
        for (size_t d = 0; d < kDimensionCount; ++d) {
            const double a = target.metric_weights[2 * d], b = target.metric_weights[2 * d + 1];
            dim_weight_[d] = a + b > 0 ? a + b : 2;
            start_[d] = std::clamp(((a + b > 0 ? a / (a + b) : 0.5) - kShareLow) / (kShareHigh - kShareLow), 0.0, 1.0);
        }
        start_[kPrior] = std::min(kMaxT, target.volume_prior / (target.volume_prior + kPriorScale));
        for (size_t m = 0; m < kMetricCount; ++m) {
            const auto id = static_cast<MetricId>(m);
            const Benchmark& b = target.benchmarks[m];
            best_[m] = best_range(id, b);
            worst_[m] = worst_range(id, b);
            start_[kBest + m] = to_t(best_[m], curve_best(id, b));
            start_[kWorst + m] = to_t(worst_[m], curve_worst(b));
        }
    }

    const Vector& start() const { return start_; }

    Parameters parameters(const Vector& t) const {
        Parameters p;
        for (size_t d = 0; d < kDimensionCount; ++d) p.share[d] = kShareLow + (kShareHigh - kShareLow) * t[d];
        p.volume_prior = kPriorScale * t[kPrior] / (1 - t[kPrior]);
        for (size_t m = 0; m < kMetricCount; ++m) {
            p.best[m] = best_[m].lo + (best_[m].hi - best_[m].lo) * t[kBest + m];
            p.worst[m] = worst_[m].lo + (worst_[m].hi - worst_[m].lo) * t[kWorst + m];
        }
        return p;
    }
    double value(int i, const Vector& t) const {
        const Parameters p = parameters(t);
        if (i < kPrior) return p.share[i];
        if (i == kPrior) return p.volume_prior;
        if (i < kWorst) return p.best[i - kBest];
        return p.worst[i - kWorst];
    }
    std::string name(int i) const {
        if (i < kPrior) return std::string("metric_share.") + kDimensionNames[i];
        if (i == kPrior) return "volume_prior";
        if (i < kWorst) return std::string("benchmarks.") + kMetricNames[i - kBest] + ".best";
        return std::string("benchmarks.") + kMetricNames[i - kWorst] + ".worst";
    }

    // Sum of squared misses beyond each shown score's rounding interval (less `margin`).
    double miss(const Vector& t, double margin, std::vector<Scored>* scored = nullptr,
                std::vector<double>* gaps = nullptr) {
        set(t);
        double total = 0;
        auto add = [&](const std::optional<double>& shown, const std::optional<double>& computed) {
            if (!shown && !computed) return;
            if (!shown || !computed) {  // a score where the page says No data, or the reverse
                total += 1;
                if (gaps) gaps->push_back(1);
                return;
            }
            const double lo = shown_low(*shown) + margin, hi = shown_high(*shown) - margin;
            const double gap = *computed < lo ? *computed - lo : *computed > hi ? *computed - hi : 0;
            total += gap * gap;
            if (gaps) gaps->push_back(gap);
        };
        for (size_t i = 0; i < obs_.size(); ++i) {
            const Scored s = score_observation(obs_[i]);
            if (scored) scored->push_back(s);
            const Snapshot& snap = snaps_[i];
            if (snap.sps_shown) add(snap.sps, s.sps);
            for (size_t d = 0; d < kDimensionCount; ++d)
                if (snap.dimensions[d].shown) add(snap.dimensions[d].score, s.dimensions[d]);
            for (size_t m = 0; m < kMetricCount; ++m)
                if (snap.metrics[m].score) add(snap.metrics[m].score, s.metrics[m]);
        }
        return total;
    }
    double loss(const Vector& t) {
        double pull = 0;
        for (int i = 0; i < kCount; ++i) pull += (t[i] - start_[i]) * (t[i] - start_[i]);
        return miss(t, kMargin) + kPull * pull;
    }
    // The residuals whose squares make loss(): each signed miss, then each pull.
    std::vector<double> residuals(const Vector& t) {
        std::vector<double> r;
        miss(t, kMargin, nullptr, &r);
        for (int i = 0; i < kCount; ++i) r.push_back(kPullRoot * (t[i] - start_[i]));
        return r;
    }

    // Writes t into every observation's profile; a curve end that the observation's own lines
    // (an older snapshot's) would put out of order keeps the default there.
    void set(const Vector& t) {
        const Parameters p = parameters(t);
        for (Observation& o : obs_) {
            Profile& s = o.scratch;
            for (size_t d = 0; d < kDimensionCount; ++d) {
                s.metric_weights[2 * d] = dim_weight_[d] * p.share[d];
                s.metric_weights[2 * d + 1] = dim_weight_[d] * (1 - p.share[d]);
            }
            s.volume_prior = p.volume_prior;
            for (size_t m = 0; m < kMetricCount; ++m) {
                Benchmark& b = s.benchmarks[m];
                const bool otdr = m == kOtdr;
                b.best = (otdr ? p.best[m] > b.good : p.best[m] < b.good) ? std::optional(p.best[m]) : std::nullopt;
                b.worst = (otdr ? p.worst[m] < b.poor : p.worst[m] > b.poor) ? std::optional(p.worst[m]) : std::nullopt;
            }
        }
    }

    const std::array<double, kDimensionCount>& dim_weight() const { return dim_weight_; }

private:
    static double to_t(const Range& r, double v) { return std::clamp((v - r.lo) / (r.hi - r.lo), 0.0, 1.0); }
    std::vector<Observation>& obs_;
    const std::vector<Snapshot>& snaps_;
    Vector start_{};
    std::array<double, kDimensionCount> dim_weight_{};
    std::array<Range, kMetricCount> best_{}, worst_{};
};

double upper(int i) { return i == kPrior ? kMaxT : 1.0; }

// One coordinate: a grid over its range, then halving steps around the best point.
bool improve_coordinate(Problem& p, Vector& t, double& loss, int i) {
    bool improved = false;
    const double top = upper(i);
    constexpr int kGrid = 32;
    for (int g = 0; g <= kGrid; ++g) {
        Vector trial = t;
        trial[i] = top * g / kGrid;
        const double l = p.loss(trial);
        if (l < loss) {
            loss = l;
            t = trial;
            improved = true;
        }
    }
    for (double step = top / kGrid / 2; step > 1e-7; step /= 2) {
        for (double dir : {-1.0, 1.0}) {
            Vector trial = t;
            trial[i] = std::clamp(t[i] + dir * step, 0.0, top);
            const double l = p.loss(trial);
            if (l < loss) {
                loss = l;
                t = trial;
                improved = true;
            }
        }
    }
    return improved;
}

// Two coordinates together: a miss that one alone cannot mend without a worse one elsewhere.
bool improve_pairs(Problem& p, Vector& t, double& loss) {
    bool improved = false;
    for (double step = 0.125; step > 4e-4; step /= 2)
        for (int i = 0; i < kCount; ++i)
            for (int j = i + 1; j < kCount; ++j)
                for (double si : {-1.0, 1.0})
                    for (double sj : {-1.0, 1.0}) {
                        Vector trial = t;
                        trial[i] = std::clamp(t[i] + si * step, 0.0, upper(i));
                        trial[j] = std::clamp(t[j] + sj * step, 0.0, upper(j));
                        const double l = p.loss(trial);
                        if (l < loss) {
                            loss = l;
                            t = trial;
                            improved = true;
                        }
                    }
    return improved;
}

// Levenberg-Marquardt on the residuals, inside the box: the misses of several shown scores that
// only a joint move of several parameters mends (the descent moves one or two at a time).
void refine(Problem& p, Vector& t, double& loss, int iterations) {
    double mu = 1e-3;
    for (int it = 0; it < iterations && mu < 1e12; ++it) {
        const std::vector<double> r = p.residuals(t);
        const size_t n = r.size();
        std::array<std::vector<double>, kCount> jac;  // d r / d t_i, forward (or backward at the top)
        for (int i = 0; i < kCount; ++i) {
            Vector moved = t;
            const double h = t[i] + 1e-6 <= upper(i) ? 1e-6 : -1e-6;
            moved[i] += h;
            const std::vector<double> r2 = p.residuals(moved);
            jac[i].resize(n);
            for (size_t k = 0; k < n; ++k) jac[i][k] = (r2[k] - r[k]) / h;
        }
        double a[kCount][kCount + 1];
        for (int i = 0; i < kCount; ++i) {
            for (int j = 0; j < kCount; ++j) {
                double s = 0;
                for (size_t k = 0; k < n; ++k) s += jac[i][k] * jac[j][k];
                a[i][j] = s;
            }
            double g = 0;
            for (size_t k = 0; k < n; ++k) g += jac[i][k] * r[k];
            a[i][kCount] = -g;
        }
        bool stepped = false;
        while (!stepped && mu < 1e12) {
            double m[kCount][kCount + 1];
            for (int i = 0; i < kCount; ++i)
                for (int j = 0; j <= kCount; ++j) m[i][j] = a[i][j] + (i == j ? mu * (a[i][i] + 1e-9) : 0);
            // Gaussian elimination with partial pivoting (+ - * / only).
            for (int c = 0; c < kCount; ++c) {
                int piv = c;
                for (int r2 = c + 1; r2 < kCount; ++r2)
                    if (std::fabs(m[r2][c]) > std::fabs(m[piv][c])) piv = r2;
                for (int j = 0; j <= kCount; ++j) std::swap(m[c][j], m[piv][j]);
                if (m[c][c] == 0) continue;
                for (int r2 = c + 1; r2 < kCount; ++r2) {
                    const double f = m[r2][c] / m[c][c];
                    for (int j = c; j <= kCount; ++j) m[r2][j] -= f * m[c][j];
                }
            }
            Vector step{};
            for (int i = kCount - 1; i >= 0; --i) {
                double s = m[i][kCount];
                for (int j = i + 1; j < kCount; ++j) s -= m[i][j] * step[j];
                step[i] = m[i][i] == 0 ? 0 : s / m[i][i];
            }
            Vector trial = t;
            for (int i = 0; i < kCount; ++i) trial[i] = std::clamp(t[i] + step[i], 0.0, upper(i));
            const double l = p.loss(trial);
            if (l < loss) {
                t = trial;
                loss = l;
                mu = std::max(mu / 3, 1e-9);
                stepped = true;
            } else {
                mu *= 4;
            }
        }
        if (!stepped) break;
    }
}

}  // namespace

void apply(const Parameters& p, Profile& profile) {
    for (size_t d = 0; d < kDimensionCount; ++d) {
        const double a = profile.metric_weights[2 * d], b = profile.metric_weights[2 * d + 1];
        const double w = a + b > 0 ? a + b : 2;
        profile.metric_weights[2 * d] = w * p.share[d];
        profile.metric_weights[2 * d + 1] = w * (1 - p.share[d]);
    }
    profile.volume_prior = p.volume_prior;
    for (size_t m = 0; m < kMetricCount; ++m) {
        Benchmark& b = profile.benchmarks[m];
        const auto id = static_cast<MetricId>(m);
        // Written only when it differs from what the lines give anyway.
        b.best = p.best[m] != default_best(id) ? std::optional(p.best[m]) : std::nullopt;
        b.worst = p.worst[m] != default_worst(b) ? std::optional(p.worst[m]) : std::nullopt;
    }
}

// Coordinate sweeps until none helps, then pair moves, from `t`.
void descend(Problem& p, Vector& t, double& loss, int rounds) {
    for (int round = 0; round < rounds && loss > 0; ++round) {
        bool improved = false;
        for (int sweep = 0; sweep < 20; ++sweep) {
            bool any = false;
            for (int i = 0; i < kCount; ++i) any = improve_coordinate(p, t, loss, i) || any;
            improved = improved || any;
            if (!any) break;
        }
        if (!improve_pairs(p, t, loss) && !improved) break;
    }
}

FitResult fit(std::vector<Observation>& observations, const std::vector<Snapshot>& snapshots, const Profile& target) {
    Problem problem(observations, snapshots, target);
    Vector t = problem.start();
    double loss = problem.loss(t);
    descend(problem, t, loss, 1);
    refine(problem, t, loss, 60);
    // A shown score a parameter reaches only past a flat stretch (a curve end beyond the value,
    // a metric at 0) can leave the descent stuck: start again from spread-out points (a fixed
    // sequence, so every run takes the same path) and keep the best.
    uint32_t seed = 0x9e3779b9u;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<double>(seed >> 8) / 16777216.0;
    };
    for (int start = 0; start < 12 && problem.miss(t, kMargin) > 0; ++start) {
        Vector s = problem.start();
        for (int i = 0; i < kCount; ++i) s[i] = next() * upper(i);
        double l = problem.loss(s);
        for (int sweep = 0; sweep < 3; ++sweep) {
            bool any = false;
            for (int i = 0; i < kCount; ++i) any = improve_coordinate(problem, s, l, i) || any;
            if (!any) break;
        }
        refine(problem, s, l, 40);
        if (l < loss) {
            t = s;
            loss = l;
        }
    }
    refine(problem, t, loss, 60);
    descend(problem, t, loss, 2);  // then nearer the base where the misses allow

    FitResult out;
    out.fitted = problem.parameters(t);
    // Each parameter on its own: the values that still reproduce every shown score, and whether
    // any computed score moves with it at all.
    std::vector<Scored> at_fit;
    const double miss_at_fit = problem.miss(t, 0, &at_fit);
    auto moves_scores = [&](const std::vector<Scored>& scored) {
        auto differs = [](const std::optional<double>& x, const std::optional<double>& y) {
            return x.has_value() != y.has_value() || (x && std::fabs(*x - *y) > 1e-12);
        };
        for (size_t o = 0; o < scored.size(); ++o) {
            if (differs(scored[o].sps, at_fit[o].sps)) return true;
            for (size_t d = 0; d < kDimensionCount; ++d)
                if (differs(scored[o].dimensions[d], at_fit[o].dimensions[d])) return true;
            for (size_t m = 0; m < kMetricCount; ++m)
                if (differs(scored[o].metrics[m], at_fit[o].metrics[m])) return true;
        }
        return false;
    };
    for (int i = 0; i < kCount; ++i) {
        FittedParameter fp;
        fp.name = problem.name(i);
        fp.value = problem.value(i, t);
        fp.fallback = problem.value(i, problem.start());
        // Does it still fit (no shown score worse than at the fit) with parameter i at x?
        auto fits_at = [&](double x, bool* moves = nullptr) {
            Vector trial = t;
            trial[i] = x;
            std::vector<Scored> scored;
            const bool fits = problem.miss(trial, 0, &scored) <= miss_at_fit;
            if (moves) *moves = *moves || moves_scores(scored);
            return fits;
        };
        constexpr int kScan = 64;
        bool moves = false;
        int first = -1, last = -1;
        for (int g = 0; g <= kScan; ++g)
            if (fits_at(upper(i) * g / kScan, &moves)) {
                if (first < 0) first = g;
                last = g;
            }
        // The edges between the grid points, by halving (the scan may miss the fit's own point).
        auto edge = [&](double in, double out_side) {
            for (int k = 0; k < 30; ++k) {
                const double mid = (in + out_side) / 2;
                (fits_at(mid) ? in : out_side) = mid;
            }
            return in;
        };
        double lo = t[i], hi = t[i];
        if (first >= 0) {
            lo = std::min(lo, upper(i) * first / kScan);
            hi = std::max(hi, upper(i) * last / kScan);
        }
        if (lo > 0) lo = edge(lo, std::max(0.0, lo - upper(i) / kScan));
        if (hi < upper(i)) hi = edge(hi, std::min(upper(i), hi + upper(i) / kScan));
        Vector at = t;
        at[i] = lo;
        fp.low = problem.value(i, at);
        at[i] = hi;
        fp.high = problem.value(i, at);
        const bool whole_range = lo <= 0 && hi >= upper(i);
        fp.status = !moves ? "no_effect" : whole_range ? "unconstrained" : "fitted";
        out.report.push_back(fp);
    }
    problem.set(t);
    return out;
}

}  // namespace shopscore::calibration
