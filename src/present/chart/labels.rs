//! Placing short labels beside chart marks: each label takes the first of a few places
//! around its mark that covers no other mark or label, or is left out.

use plotters::prelude::*;

use super::draw::{text, Area, Drawn};
use super::theme::Lettering;

/// A box on the page: left, top, right, bottom.
pub type Extent = (i32, i32, i32, i32);

/// A place a label may take: the box it covers, the point it is drawn at and how it is set.
pub type Place = (Extent, (i32, i32), Lettering);

/// The labels placed so far and the marks they must not cover, within the box labels may
/// take.
pub struct Placer {
    /// What labels must not cover: marks, and the labels placed so far.
    pub taken: Vec<Extent>,
    /// Where labels may go.
    pub bounds: Extent,
}

impl Placer {
    /// Whether a label may cover `b`: inside the bounds and over nothing taken.
    pub fn free(&self, b: Extent) -> bool {
        let inside = b.0 >= self.bounds.0
            && b.2 <= self.bounds.2
            && b.1 >= self.bounds.1
            && b.3 <= self.bounds.3;
        inside
            && !self
                .taken
                .iter()
                .any(|o| o.0 < b.2 && b.0 < o.2 && o.1 < b.3 && b.1 < o.3)
    }

    /// Draws `name` at the first free place of `places`, if any.
    pub fn place<DB: DrawingBackend>(
        &mut self,
        area: &Area<DB>,
        name: &str,
        places: &[Place],
    ) -> Drawn<DB> {
        if let Some(&(extent, at, lettering)) = places.iter().find(|(b, _, _)| self.free(*b)) {
            text(area, name, at, lettering)?;
            self.taken.push(extent);
        }
        Ok(())
    }

    /// Places for a label `w` px wide about the point (`x`, `y`), `gap` px away: right of
    /// it, left of it, above it, below it (above and below pushed inside the bounds near their
    /// ends).
    pub fn around(&self, (x, y): (i32, i32), w: i32, gap: i32, ty: Lettering) -> [Place; 4] {
        let (x0, x1) = (self.bounds.0, self.bounds.2);
        let left = (x - w / 2).clamp(x0, (x1 - w).max(x0));
        [
            ((x + gap, y - 7, x + gap + w, y + 7), (x + gap, y), ty),
            (
                (x - gap - w, y - 7, x - gap, y + 7),
                (x - gap, y),
                ty.right(),
            ),
            ((left, y - 22, left + w, y - 8), (left, y - 15), ty),
            ((left, y + 8, left + w, y + 22), (left, y + 15), ty),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::RGBColor;

    #[test]
    fn a_label_goes_right_then_left_then_above_then_below() {
        let ty = Lettering::new(11.0, RGBColor(0, 0, 0));
        let mut placer = Placer {
            taken: vec![(95, 45, 105, 55)],
            bounds: (0, 0, 300, 200),
        };
        let places = placer.around((100, 50), 40, 9, ty);
        assert_eq!(places[0].0, (109, 43, 149, 57));
        assert!(placer.free(places[0].0));
        placer.taken.push(places[0].0);
        assert!(!placer.free(places[0].0), "a place taken is not free");
        assert_eq!(places[1].0, (51, 43, 91, 57));
        assert!(placer.free(places[1].0));
        // Near the right end, a label above the point is pushed inside the bounds.
        let edge = placer.around((290, 50), 40, 9, ty);
        assert!(!placer.free(edge[0].0), "past the right end");
        assert_eq!(edge[2].0, (260, 28, 300, 42));
    }
}
