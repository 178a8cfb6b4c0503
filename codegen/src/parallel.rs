//! Independent jobs on all cores, results in input order.
//!
//! Declaration files parse independently and output files render independently. Each worker
//! takes the next job in turn, so one big file does not hold up the rest; sorting the results
//! back into job order keeps the output (and which error is reported first) the same as a serial
//! run, whatever the number of cores.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The stack each worker gets: the pipeline recurses once per nesting level of the input, which
/// the parser bounds (`parse::MAX_NESTING`), in debug builds too.
pub(crate) const WORKER_STACK: usize = 256 << 20;

/// `jobs.iter().map(job)` on up to `available_parallelism` threads (this one included).
/// `name` names the worker threads. A panic in a worker is resumed on this thread.
pub(crate) fn map_ordered<T: Sync, R: Send>(
    jobs: &[T],
    name: &str,
    job: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = jobs.get(index) else { return done };
            done.push((index, job(item)));
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(jobs.len());
    let mut done = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .name(name.to_owned())
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        let mut done = work();
        for helper in helpers {
            done.extend(helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        done
    });
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_job_order() {
        let jobs: Vec<u64> = (0..1000).collect();
        let squares = super::map_ordered(&jobs, "test", |n| n * n);
        assert_eq!(squares, jobs.iter().map(|n| n * n).collect::<Vec<_>>());
        assert!(super::map_ordered(&[] as &[u8], "test", |_| ()).is_empty());
    }
}
