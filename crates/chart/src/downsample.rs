//! Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the
//! points that shape a line, so that a long series draws in time bounded by
//! the plot width while its peaks and troughs stay visible.

/// The indices of at most `threshold` points of `points` (sorted by x) that
/// LTTB keeps, in order; the first and last are always kept. Every index
/// when `points` is already short enough or `threshold < 3`.
pub fn lttb(points: &[(f64, f64)], threshold: usize) -> Vec<usize> {
    let n = points.len();
    if threshold >= n || threshold < 3 {
        return (0..n).collect();
    }
    let mut kept = Vec::with_capacity(threshold);
    kept.push(0);
    // The points between the first and last fall into threshold - 2 buckets.
    let bucket = (n - 2) as f64 / (threshold - 2) as f64;
    let mut a = 0usize;
    for i in 0..threshold - 2 {
        let start = (i as f64 * bucket) as usize + 1;
        let end = (((i + 1) as f64 * bucket) as usize + 1).min(n - 1);
        // The next bucket's average is the third corner of the triangle.
        let next_start = end;
        let next_end = ((((i + 2) as f64) * bucket) as usize + 1).min(n);
        let next = &points[next_start..next_end.max(next_start + 1).min(n)];
        let (avg_x, avg_y) = next.iter().fold((0.0, 0.0), |(sx, sy), &(x, y)| (sx + x, sy + y));
        let count = next.len().max(1) as f64;
        let (avg_x, avg_y) = (avg_x / count, avg_y / count);
        let (ax, ay) = points[a];
        let mut best = start;
        let mut best_area = -1.0;
        for (j, &(x, y)) in points.iter().enumerate().take(end.max(start + 1)).skip(start) {
            let area = ((ax - avg_x) * (y - ay) - (ax - x) * (avg_y - ay)).abs();
            if area > best_area {
                best_area = area;
                best = j;
            }
        }
        kept.push(best);
        a = best;
    }
    kept.push(n - 1);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_series_are_kept_whole() {
        let pts: Vec<(f64, f64)> = (0..10).map(|i| (i as f64, 1.0)).collect();
        assert_eq!(lttb(&pts, 20), (0..10).collect::<Vec<_>>());
        assert_eq!(lttb(&pts, 2).len(), 10);
    }

    #[test]
    fn keeps_the_ends_and_the_spike() {
        let mut pts: Vec<(f64, f64)> = (0..1000).map(|i| (i as f64, (i % 7) as f64)).collect();
        pts[500].1 = 1000.0;
        let kept = lttb(&pts, 50);
        assert_eq!(kept.len(), 50);
        assert_eq!(kept[0], 0);
        assert_eq!(kept[49], 999);
        assert!(kept.contains(&500));
        assert!(kept.windows(2).all(|w| w[0] < w[1]));
    }
}
