//! Axis scales: linear or logarithmic mapping from figures to pixels, with ticks that read the
//! way people write numbers (250k, 1M, 20M).

/// The most ticks an axis gets (a linear axis has about five, a log axis one per decade).
const MAX_TICKS: usize = 64;

/// How figures map onto the horizontal axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    Linear { lo: f64, hi: f64 },
    Log { lo: f64, hi: f64 },
}

/// The horizontal axis of charts: a forced choice, or automatic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AxisChoice {
    /// Log when the figures span more than a factor of ten, else linear.
    #[default]
    Auto,
    Linear,
    Log,
}

/// A "nice" step near `raw`: 1, 2, 2.5 or 5 times a power of ten.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

impl Scale {
    /// Picks a scale for values from `lo` to `hi` (finite, hi > 0).
    ///
    /// Linear axes start at zero, so bar lengths stay honest; a log axis is chosen when the
    /// figures span more than a factor of ten (see README, Charts).
    /// Any other input (nothing positive, `lo` above `hi`, infinities) falls back to an axis
    /// from a thousandth of `hi`, or from 0.001 to 1, so a degenerate chart still draws.
    pub fn choose(lo: f64, hi: f64, choice: AxisChoice) -> Scale {
        let hi = if hi > 0.0 && hi.is_finite() { hi } else { 1.0 };
        let positive_lo = if lo > 0.0 && lo <= hi {
            lo
        } else {
            hi / 1000.0
        };
        let log = match choice {
            AxisChoice::Log => true,
            AxisChoice::Linear => false,
            AxisChoice::Auto => hi / positive_lo > 10.0,
        };
        if log {
            let lo = 10f64.powf(positive_lo.log10().floor());
            let top = 10f64.powf(hi.log10().ceil());
            // Stop at 2× or 5× a power of ten when that still holds everything.
            let hi = [0.2, 0.5, 1.0]
                .into_iter()
                .map(|f| top * f)
                .find(|&t| t >= hi * 1.02)
                .unwrap_or(top);
            Scale::Log {
                lo,
                hi: hi.max(lo * 10.0),
            }
        } else {
            let step = nice_step(hi / 5.0);
            let hi = (hi * 1.02 / step).ceil() * step;
            Scale::Linear { lo: 0.0, hi }
        }
    }

    /// Like [`Scale::choose`], but a linear axis hugs the data instead of starting at zero: for
    /// dot and interval plots, where no bar length has to stay honest.
    pub fn choose_tight(lo: f64, hi: f64, choice: AxisChoice) -> Scale {
        let scale = Scale::choose(lo, hi, choice);
        if scale.is_log() || !(lo.is_finite() && lo > 0.0 && lo <= hi && hi.is_finite()) {
            return scale;
        }
        let step = nice_step((hi - lo).max(hi * 0.02) / 4.0);
        let (lo, hi) = if lo == hi {
            // Every figure the same: a step of about a tenth of it either side, so the axis
            // has a width and ticks (it had neither: ticks need lo < hi).
            let step = nice_step(hi * 0.1);
            (
                ((lo - step) / step).floor() * step,
                ((hi + step) / step).ceil() * step,
            )
        } else {
            (
                ((lo - (hi - lo) * 0.05) / step).floor() * step,
                ((hi + (hi - lo) * 0.05) / step).ceil() * step,
            )
        };
        Scale::Linear {
            lo: lo.max(0.0),
            hi,
        }
    }

    /// A tight scale (see [`Scale::choose_tight`]) over the positive range of `values`.
    pub fn fitted(values: impl IntoIterator<Item = f64>, choice: AxisChoice) -> Scale {
        let (lo, hi) = values
            .into_iter()
            .fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
                (if v > 0.0 { lo.min(v) } else { lo }, hi.max(v))
            });
        Scale::choose_tight(lo, hi, choice)
    }

    /// True for a logarithmic scale.
    pub fn is_log(&self) -> bool {
        matches!(self, Scale::Log { .. })
    }

    /// The lowest value on the axis.
    pub fn lo(&self) -> f64 {
        match *self {
            Scale::Linear { lo, .. } | Scale::Log { lo, .. } => lo,
        }
    }

    /// The highest value on the axis.
    pub fn hi(&self) -> f64 {
        match *self {
            Scale::Linear { hi, .. } | Scale::Log { hi, .. } => hi,
        }
    }

    /// The position of `v` between 0 (axis start) and 1 (axis end), clamped.
    pub fn fraction(&self, v: f64) -> f64 {
        let f = match *self {
            Scale::Linear { lo, hi } => (v - lo) / (hi - lo),
            Scale::Log { lo, hi } => {
                if v <= 0.0 {
                    0.0
                } else {
                    (v.log10() - lo.log10()) / (hi.log10() - lo.log10())
                }
            }
        };
        if f.is_nan() {
            0.0
        } else {
            f.clamp(0.0, 1.0)
        }
    }

    /// The pixel of `v` on an axis from `x0` to `x1`.
    pub fn map(&self, v: f64, x0: i32, x1: i32) -> i32 {
        x0 + (self.fraction(v) * f64::from(x1 - x0)).round() as i32
    }

    /// Tick values: nice steps on a linear axis; 1-2-5 or powers of ten on a log axis.
    ///
    /// Never more than [`MAX_TICKS`], whatever the bounds: a scale built by hand from
    /// degenerate bounds gets no ticks rather than an endless loop.
    pub fn ticks(&self) -> Vec<f64> {
        let (lo, hi) = (self.lo(), self.hi());
        let sane = lo.is_finite() && hi.is_finite() && lo < hi && (!self.is_log() || lo > 0.0);
        if !sane {
            return Vec::new();
        }
        let mut ticks = self.ticks_unchecked();
        ticks.truncate(MAX_TICKS);
        ticks
    }

    fn ticks_unchecked(&self) -> Vec<f64> {
        match *self {
            Scale::Linear { lo, hi } => {
                let step = nice_step((hi - lo) / 5.0);
                let mut ticks = Vec::new();
                let mut v = (lo / step).ceil() * step;
                while v <= hi * (1.0 + 1e-9) && ticks.len() <= MAX_TICKS {
                    ticks.push(v);
                    v += step;
                }
                ticks
            }
            Scale::Log { lo, hi } => {
                let decades = (hi / lo).log10();
                let multiples: &[f64] = if decades <= 3.5 {
                    &[1.0, 2.0, 5.0]
                } else {
                    &[1.0]
                };
                let mut ticks = Vec::new();
                let mut power = lo;
                while power <= hi * (1.0 + 1e-9) && ticks.len() <= MAX_TICKS {
                    for m in multiples {
                        let v = power * m;
                        if v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9) {
                            ticks.push(v);
                        }
                    }
                    power *= 10.0;
                }
                ticks
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_when_the_spread_passes_ten() {
        assert_eq!(
            Scale::choose(750_000.0, 1_550_000.0, AxisChoice::Auto),
            Scale::Linear {
                lo: 0.0,
                hi: 2_000_000.0
            }
        );
        let s = Scale::choose(10_000.0, 2_000_000.0, AxisChoice::Auto);
        assert!(s.is_log());
        assert_eq!(s.lo(), 10_000.0);
        assert_eq!(s.hi(), 5_000_000.0);
        assert!(!Scale::choose(10_000.0, 2e6, AxisChoice::Linear).is_log());
        assert!(Scale::choose(1.0, 2.0, AxisChoice::Log).is_log());
    }

    #[test]
    fn tight_axes_hug_the_data() {
        let s = Scale::choose_tight(160.0, 168.0, AxisChoice::Auto);
        assert!(!s.is_log());
        assert!(s.lo() > 150.0 && s.lo() <= 160.0, "{s:?}");
        assert!(s.hi() >= 168.0 && s.hi() < 180.0, "{s:?}");
    }

    // Regression: when every figure was the same (two sources giving 18%), the axis had no
    // width, no ticks, and the dots sat on its left end.
    #[test]
    fn equal_figures_get_an_axis_around_them() {
        let s = Scale::choose_tight(18.0, 18.0, AxisChoice::Auto);
        assert_eq!(s, Scale::Linear { lo: 16.0, hi: 20.0 });
        assert_eq!(s.ticks(), vec![16.0, 17.0, 18.0, 19.0, 20.0]);
        assert_eq!(s.map(18.0, 0, 100), 50);
    }

    #[test]
    fn ticks_are_round() {
        let s = Scale::Linear {
            lo: 0.0,
            hi: 2_000_000.0,
        };
        assert_eq!(
            s.ticks(),
            vec![0.0, 500_000.0, 1_000_000.0, 1_500_000.0, 2_000_000.0]
        );
        let s = Scale::Log { lo: 1e5, hi: 1e7 };
        assert_eq!(s.ticks(), vec![1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7]);
        let s = Scale::Log { lo: 1e3, hi: 1e8 };
        assert_eq!(s.ticks(), vec![1e3, 1e4, 1e5, 1e6, 1e7, 1e8]);
    }

    #[test]
    fn degenerate_bounds_give_a_finite_axis() {
        // Every figure zero: the forest chart passes lo = +inf, hi = 0.
        for choice in [AxisChoice::Auto, AxisChoice::Linear, AxisChoice::Log] {
            for (lo, hi) in [
                (f64::INFINITY, 0.0),
                (5.0, 1.0),
                (0.0, f64::INFINITY),
                (f64::NAN, f64::NAN),
                (1e-300, 1e300),
            ] {
                let s = Scale::choose(lo, hi, choice);
                assert!(
                    s.lo().is_finite() && s.hi().is_finite() && s.lo() < s.hi(),
                    "{s:?}"
                );
                let ticks = s.ticks();
                assert!(
                    !ticks.is_empty() && ticks.len() <= MAX_TICKS,
                    "{s:?}: {ticks:?}"
                );
                let s = Scale::choose_tight(lo, hi, choice);
                assert!(s.ticks().len() <= MAX_TICKS, "{s:?}");
            }
        }
        let hand_made = Scale::Log {
            lo: f64::INFINITY,
            hi: f64::INFINITY,
        };
        assert!(hand_made.ticks().is_empty());
        assert!(Scale::Linear { lo: 0.0, hi: 0.0 }.ticks().is_empty());
    }

    #[test]
    fn mapping_clamps_and_handles_zero_on_log() {
        let s = Scale::Log { lo: 1e4, hi: 1e6 };
        assert_eq!(s.map(1e5, 0, 100), 50);
        assert_eq!(s.map(0.0, 0, 100), 0);
        assert_eq!(s.map(f64::INFINITY, 0, 100), 100);
    }
}
