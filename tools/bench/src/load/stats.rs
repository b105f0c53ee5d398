//! Latencies per operation and what the server answered.

use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// One answer: how long it took and what kind it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// 409: someone else moved the record first, as expected under load.
    Stale,
    /// Any other 4xx.
    Refused,
    /// 5xx or no answer at all: a failure of the server.
    Error,
}

impl Outcome {
    pub fn of_status(status: u16) -> Outcome {
        match status {
            200..=399 => Outcome::Ok,
            409 => Outcome::Stale,
            400..=499 => Outcome::Refused,
            _ => Outcome::Error,
        }
    }
}

#[derive(Default)]
pub struct Recorder {
    samples: BTreeMap<&'static str, Vec<(Duration, Outcome)>>,
}

impl Recorder {
    pub fn record(&mut self, operation: &'static str, took: Duration, outcome: Outcome) {
        self.samples
            .entry(operation)
            .or_default()
            .push((took, outcome));
    }

    pub fn merge(&mut self, other: Recorder) {
        for (operation, samples) in other.samples {
            self.samples.entry(operation).or_default().extend(samples);
        }
    }

    pub fn summary(&self, seconds: f64) -> Vec<OperationStats> {
        self.samples
            .iter()
            .map(|(operation, samples)| OperationStats::of(operation, samples, seconds))
            .collect()
    }
}

/// What the report shows for one operation.
#[derive(Clone, Debug, Serialize)]
pub struct OperationStats {
    pub operation: String,
    pub count: usize,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub stale: usize,
    pub refused: usize,
    pub errors: usize,
}

impl OperationStats {
    pub fn empty(operation: &str) -> Self {
        OperationStats::of(operation, &[], 1.0)
    }

    fn of(operation: &str, samples: &[(Duration, Outcome)], seconds: f64) -> Self {
        let mut ms: Vec<f64> = samples
            .iter()
            .filter(|(_, outcome)| *outcome == Outcome::Ok)
            .map(|(took, _)| took.as_secs_f64() * 1000.0)
            .collect();
        ms.sort_by(f64::total_cmp);
        let count_of = |wanted: Outcome| samples.iter().filter(|(_, o)| *o == wanted).count();
        OperationStats {
            operation: operation.to_owned(),
            count: ms.len(),
            per_second: ms.len() as f64 / seconds.max(f64::EPSILON),
            p50_ms: percentile(&ms, 0.50),
            p95_ms: percentile(&ms, 0.95),
            p99_ms: percentile(&ms, 0.99),
            max_ms: ms.last().copied().unwrap_or_default(),
            stale: count_of(Outcome::Stale),
            refused: count_of(Outcome::Refused),
            errors: count_of(Outcome::Error),
        }
    }
}

/// The nearest-rank percentile of sorted values; zero for none.
pub fn percentile(sorted: &[f64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (fraction * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.50), 50.0);
        assert_eq!(percentile(&values, 0.95), 95.0);
        assert_eq!(percentile(&values, 0.99), 99.0);
        assert_eq!(percentile(&[7.0], 0.99), 7.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn only_successful_answers_count_toward_latency() {
        let mut recorder = Recorder::default();
        recorder.record("decide", Duration::from_millis(5), Outcome::Ok);
        recorder.record("decide", Duration::from_millis(500), Outcome::Stale);
        recorder.record("decide", Duration::from_millis(900), Outcome::Error);

        let stats = &recorder.summary(1.0)[0];

        assert_eq!(stats.count, 1);
        assert_eq!(stats.p99_ms, 5.0);
        assert_eq!((stats.stale, stats.errors), (1, 1));
    }
}
