//! Where rustc's time goes, by the kind of function it checks: reads a `-Zself-profile` file
//! (recorded with `-Zself-profile-events=default,args`) and sums each query's self time (its
//! time minus that of the queries it calls) by the function the query was about, named by the
//! last segment of its path (`serialize`, `read_fields`, `fmt`, `eq`, …), with `derive:` in
//! front when the function is inside a derive's `const _` block (serde's derives). A query
//! about a type or a predicate rather than an item (trait selection, type operations) counts
//! for the item whose query called it; one about the whole crate is `(crate)`, and code
//! generation `(codegen)`.
//!
//! Built and run by `tests/bench.sh rustc` in a scratch crate that depends on `analyzeme`;
//! not part of the workspace, so the bindings' and dts2rs's builds never pay for it.
//!
//!     rustc_items PROFILE.mm_profdata [ROWS]

use analyzeme::{ProfilingData, Timestamp};
use std::collections::HashMap;
use std::time::{Duration, SystemTime};

/// The kind of function a query's first argument names: `a::b::{{impl}}[3]::serialize` is
/// `serialize`; inside a derive's `const _` block, `derive:serialize`. `None` when the argument
/// is not an item's path (a type, a predicate).
fn kind_of(item: &str) -> Option<String> {
    if item.contains("-cgu.") {
        return Some("(codegen)".to_owned());
    }
    let is_path = item.contains("::")
        && !item.contains(|c: char| c.is_whitespace() || matches!(c, '(' | '<' | ','));
    if !is_path {
        return None;
    }
    let last = item.rsplit("::").next().unwrap_or(item);
    let last = last.split('[').next().unwrap_or(last);
    let last = if last.is_empty() || last == "_" { "(const _)" } else { last };
    Some(if item.contains("::_[") || item.contains("::_::") {
        format!("derive:{last}")
    } else {
        last.to_owned()
    })
}

/// A query being timed: when it started and ended, what it was, and its children's time.
struct Open {
    start: SystemTime,
    end: SystemTime,
    label: String,
    kind: Option<String>,
    children: Duration,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: rustc_items PROFILE.mm_profdata [ROWS]");
    let rows: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(25);
    let data = ProfilingData::new(std::path::Path::new(&path)).expect("a self-profile file");
    let mut events: Vec<(u32, SystemTime, SystemTime, String, Option<String>)> = data
        .iter_full()
        .filter_map(|event| match event.payload.timestamp()? {
            Timestamp::Interval { start, end } => {
                let item = event.additional_data.first().map(|a| a.to_string()).unwrap_or_default();
                Some((event.thread_id, start, end, event.label.to_string(), kind_of(&item)))
            }
            _ => None,
        })
        .collect();
    // Per thread, by start, the enclosing event first: a stack gives each event its parent.
    events.sort_by(|a, b| (a.0, a.1, b.2).cmp(&(b.0, b.1, a.2)));
    let mut by_kind: HashMap<String, Duration> = HashMap::new();
    let mut by_query: HashMap<(String, String), Duration> = HashMap::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut close = |stack: &mut Vec<Open>, until: Option<SystemTime>| {
        while let Some(top) = stack.last() {
            if until.is_some_and(|until| top.end > until) {
                break;
            }
            let done = stack.pop().expect("not empty");
            let total = done.end.duration_since(done.start).unwrap_or_default();
            let own = total.saturating_sub(done.children);
            let kind = done.kind.unwrap_or_else(|| "(crate)".to_owned());
            *by_kind.entry(kind.clone()).or_default() += own;
            *by_query.entry((done.label, kind)).or_default() += own;
            if let Some(parent) = stack.last_mut() {
                parent.children += total;
            }
        }
    };
    let mut thread = None;
    for (thread_id, start, end, label, kind) in events {
        if thread != Some(thread_id) {
            close(&mut stack, None);
            thread = Some(thread_id);
        }
        close(&mut stack, Some(start));
        // A query about no item of its own counts for its caller's.
        let kind = kind.or_else(|| stack.last().and_then(|parent| parent.kind.clone()));
        stack.push(Open { start, end, label, kind, children: Duration::ZERO });
    }
    close(&mut stack, None);
    let total: Duration = by_kind.values().sum();
    println!("self time by kind of function (of {:.1} s profiled):", total.as_secs_f64());
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (kind, time) in kinds.iter().take(rows) {
        println!("  {:>7.2} s  {kind}", time.as_secs_f64());
    }
    println!("the largest queries by kind:");
    let mut queries: Vec<_> = by_query.into_iter().collect();
    queries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for ((label, kind), time) in queries.iter().take(rows) {
        println!("  {:>7.2} s  {label} of {kind}", time.as_secs_f64());
    }
}
