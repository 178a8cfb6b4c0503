//! What the wire options cost generated code at run time: reading the same payload into a
//! struct as declared and into one that keeps unknown keys (`unknown_fields`, a
//! `#[serde(flatten)]` map), from the `server_lag` mapping fixture's snapshot.
//!
//! ```sh
//! cargo bench -p dts2rs --bench wire
//! ```

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

#[allow(dead_code, unused_imports)]
mod server_lag {
    include!("../tests/snapshots/server_lag.rs");
}

/// A usage payload: declared keys only, or with two keys the declarations lack.
const DECLARED: &str = r#"{"input_tokens":1200,"output_tokens":340,"total_tokens":1540,"model":"gpt-4o","cached":false}"#;
const WITH_UNKNOWN: &str = r#"{"input_tokens":1200,"output_tokens":340,"total_tokens":1540,"model":"gpt-4o","cached":false,"reasoning_tokens":12,"service_tier":"default"}"#;

fn read(c: &mut Criterion) {
    let mut group = c.benchmark_group("read_usage");
    group.bench_function("declared", |b| {
        b.iter(|| serde_json::from_str::<server_lag::Usage>(black_box(DECLARED)).unwrap())
    });
    group.bench_function("unknown_fields/declared_keys", |b| {
        b.iter(|| serde_json::from_str::<server_lag::UsageReport>(black_box(DECLARED)).unwrap())
    });
    group.bench_function("unknown_fields/two_unknown_keys", |b| {
        b.iter(|| serde_json::from_str::<server_lag::UsageReport>(black_box(WITH_UNKNOWN)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
