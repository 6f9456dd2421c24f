//! Rasterising many charts on every core while the calling thread writes each PNG as it is
//! ready (and does other work before): a pool of threads that take the next chart not yet taken.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use anyhow::{anyhow, Result};

use super::render::rasterize;

/// How many PNGs the rasterising threads may finish ahead of the one being written: memory holds
/// that many encoded images however many charts there are.
const AHEAD: usize = 16;

/// What the rasterising threads and the thread writing their PNGs share.
struct Shared {
    /// The next chart no thread has taken yet.
    next: usize,
    /// One past the highest chart asked for: threads stay within [`AHEAD`] of it.
    wanted: usize,
    /// Each chart's PNG.
    slots: Vec<Slot>,
    /// Set when the writer is done: threads stop taking charts.
    stop: bool,
}

/// Where one chart's PNG is.
enum Slot {
    /// Not made yet.
    Pending,
    /// Made, or failed, and not taken yet.
    Ready(Result<Vec<u8>>),
    /// Handed to the writer.
    Taken,
}

/// The PNGs of charts being rasterised on other threads, taken one by one as they are ready.
pub struct Pngs {
    shared: Mutex<Shared>,
    changed: Condvar,
}

impl Pngs {
    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The PNG of the `i`-th SVG, waiting until it is ready; each is handed out once.
    pub fn take(&self, i: usize) -> Result<Vec<u8>> {
        let mut shared = self.lock();
        if i >= shared.slots.len() {
            return Err(anyhow!("no chart {i} is being rasterised"));
        }
        shared.wanted = shared.wanted.max(i + 1);
        self.changed.notify_all();
        loop {
            match std::mem::replace(&mut shared.slots[i], Slot::Taken) {
                Slot::Ready(png) => return png,
                Slot::Taken => return Err(anyhow!("chart {i}'s PNG was already taken")),
                Slot::Pending => shared.slots[i] = Slot::Pending,
            }
            shared = self
                .changed
                .wait(shared)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Rasterises charts until none is left or the writer is done, each within [`AHEAD`] of
    /// the one the writer waits for.
    fn work(&self, svgs: &[&str]) {
        loop {
            let i = {
                let mut shared = self.lock();
                while !shared.stop && shared.next >= shared.wanted + AHEAD {
                    shared = self
                        .changed
                        .wait(shared)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                if shared.stop || shared.next >= svgs.len() {
                    return;
                }
                shared.next += 1;
                shared.next - 1
            };
            // A panic in the rasteriser becomes this chart's error, not a writer waiting forever.
            let png = std::panic::catch_unwind(|| rasterize(svgs[i]))
                .unwrap_or_else(|_| Err(anyhow!("rasterising the chart failed")));
            self.lock().slots[i] = Slot::Ready(png);
            self.changed.notify_all();
        }
    }
}

/// Stops the rasterising threads when the writer returns, or unwinds.
struct StopOnDrop<'a>(&'a Pngs);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.lock().stop = true;
        self.0.changed.notify_all();
    }
}

/// Rasterises every SVG on all cores (or `RECKON_THREADS` of them) while `write` runs on this
/// thread and takes the PNGs by index as they are ready; returns what `write` returns. Each PNG
/// depends on its SVG alone: the bytes do not depend on the number of threads or on which
/// finishes first. Each thread takes the next chart not yet taken, so one tall chart does not
/// leave the other cores idle, and the calling thread can do other work (exports, the report)
/// before it asks for the first PNG.
pub fn rasterize_during<R>(svgs: &[&str], write: impl FnOnce(&Pngs) -> R) -> R {
    let threads = std::env::var("RECKON_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .min(svgs.len());
    let pngs = Pngs {
        shared: Mutex::new(Shared {
            next: 0,
            wanted: 0,
            slots: svgs.iter().map(|_| Slot::Pending).collect(),
            stop: false,
        }),
        changed: Condvar::new(),
    };
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| pngs.work(svgs));
        }
        let _stop = StopOnDrop(&pngs);
        write(&pngs)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every SVG rasterised as [`rasterize_during`] does, each PNG in the slot of its SVG.
    fn rasterize_all(svgs: &[&str]) -> Result<Vec<Vec<u8>>> {
        rasterize_during(svgs, |pngs| (0..svgs.len()).map(|i| pngs.take(i)).collect())
    }

    fn sample_svg() -> String {
        include_str!("../../../charts/forest-great_purge_executions_1937_38.svg").to_string()
    }

    #[test]
    fn rasterising_in_parallel_keeps_the_order() {
        let one = sample_svg();
        let two = one.replace("1937–38", "1938");
        let svgs = [one.as_str(), two.as_str(), one.as_str()];
        let pngs = rasterize_all(&svgs).unwrap();
        assert_eq!(pngs.len(), 3);
        assert_eq!(pngs[0], rasterize(&one).unwrap());
        assert_eq!(pngs[1], rasterize(&two).unwrap());
        assert_eq!(pngs[0], pngs[2]);
        assert!(rasterize_all(&[]).unwrap().is_empty());
    }

    /// The writer may do its own work first and stop before taking every PNG; a PNG is handed
    /// out once, and one that does not exist is an error, not a wait.
    #[test]
    fn the_writer_takes_pngs_as_it_pleases() {
        let svg = sample_svg();
        let svgs = vec![svg.as_str(); AHEAD + 3];
        let expected = rasterize(&svg).unwrap();
        rasterize_during(&svgs, |pngs| {
            assert_eq!(pngs.take(2).unwrap(), expected);
            assert!(pngs.take(2).is_err());
            assert!(pngs.take(svgs.len()).is_err());
            assert_eq!(pngs.take(AHEAD + 2).unwrap(), expected);
        });
        assert_eq!(rasterize_during(&[], |_| 7), 7);
    }
}
