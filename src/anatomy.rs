//! The drawing's geometry: SVG path data in one coordinate system (`VIEW_BOX`).
//!
//! Left: the lower back and hips seen from behind, from the lower ribs to the upper thighs, so
//! the person's left is on the viewer's left. Right: a side view of the right hip, which shows
//! the psoas where it really lies, deep and in front of the spine. Absolute commands only.

use crate::regions::{Region, Side, Target};

pub const VIEW_BOX: &str = "0 -34 400 446";
pub const VIEW_WIDTH: f64 = 400.0;

/// Skin outline of the back view.
pub const BACK_SILHOUETTE: &str = "M50 -22C52 20 60 70 62 95C64 125 36 160 32 205C29 250 38 300 44 360L142 360C143 335 146 318 150 306C154 318 157 335 158 360L256 360C262 300 271 250 268 205C264 160 236 125 238 95C240 70 248 20 250 -22Z";
/// Skin outline of the side view: back edge on the left, belly and thigh front on the right.
pub const SIDE_SILHOUETTE: &str = "M326 -22C320 40 312 80 316 110C320 140 306 170 304 200C302 235 312 262 320 290C322 320 322 340 322 360L378 360C380 320 384 290 388 260C392 232 392 212 388 192C394 150 398 110 394 60C392 30 390 0 390 -22Z";

/// The left half of the back view's bones; the right half is its mirror image.
pub const BONES_LEFT: &[&str] = &[
    // ilium, from the sacroiliac joint up to the iliac crest and down to the hip socket
    "M128 150C112 128 92 112 70 114C52 116 44 132 46 150C50 172 70 190 92 200C108 205 122 190 128 174Z",
];
/// The 11th and 12th ribs of the left side; strokes, not shapes.
pub const RIBS_LEFT: &[&str] = &["M137 -12C118 -9 96 -2 78 12", "M137 8C122 12 106 21 94 34"];

/// Vertebrae T12 to L5: (top y, height) of each body; the spine runs down x = 150.
pub const VERTEBRAE: [(f64, f64); 6] = [(-18.0, 18.0), (4.0, 20.0), (28.0, 20.0), (52.0, 21.0), (77.0, 21.0), (102.0, 22.0)];
pub const SACRUM: &str = "M124 130L176 130C174 160 164 192 155 214L145 214C136 192 126 160 124 130Z";
pub const COCCYX: &str = "M146 218L154 218L152 232L148 232Z";

/// Bones of the side view: lumbar bodies, sacrum, ilium, femur.
pub const SIDE_BONES: &[&str] = &[
    "M334 6L350 4L352 24L336 26Z",
    "M336 30L352 28L355 50L339 52Z",
    "M339 56L355 54L357 77L341 78Z",
    "M340 82L356 81L357 104L340 104Z",
    "M338 108L355 108L353 130L335 128Z",
    "M333 132L352 134C350 158 342 180 330 196L322 192C328 174 332 152 333 132Z",
    "M334 136C350 122 374 122 382 140C386 162 374 184 362 196C350 200 338 190 332 172Z",
    "M352 204C356 196 368 196 372 204C374 212 368 218 362 218C356 218 350 212 352 204Z",
    "M356 216L368 214L362 360L346 360Z",
];

/// How a target's clickable area is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hit {
    /// The visible shape is large enough to be its own hit area.
    Shapes,
    /// An invisible circle (cx, cy, r) around a small part.
    Circle(f64, f64, f64),
    /// An invisible, wider outline around a narrow part.
    Path(&'static str),
}

/// The drawing of one selectable target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    pub target: Target,
    /// Visible paths, drawn in this order, as for the left side: the right side mirrors them.
    pub paths: &'static [&'static str],
    pub hit: Hit,
}

impl Shape {
    /// The visible paths where this target is drawn.
    pub fn drawn_paths(&self) -> Vec<String> {
        self.paths.iter().map(|p| self.place(p)).collect()
    }

    /// The invisible hit shape, when the target has one: a path, or a circle (cx, cy, r).
    pub fn hit_path(&self) -> Option<String> {
        match self.hit {
            Hit::Path(p) => Some(self.place(p)),
            _ => None,
        }
    }

    pub fn hit_circle(&self) -> Option<(f64, f64, f64)> {
        match self.hit {
            Hit::Circle(cx, cy, r) if self.target.side == Side::Right => Some((300.0 - cx, cy, r)),
            Hit::Circle(cx, cy, r) => Some((cx, cy, r)),
            _ => None,
        }
    }

    fn place(&self, path: &str) -> String {
        match self.target.side {
            Side::Right => mirror(path),
            _ => String::from(path),
        }
    }
}

const QL_LEFT: &[&str] = &["M132 14L128 126C115 121 100 116 80 116C80 90 82 60 88 40C104 26 118 18 132 14Z"];
const SI_LEFT: &[&str] =
    &["M128 146C132 146 136 156 137 166C138 176 136 182 133 182C130 182 128 172 127 162C126 154 126 146 128 146Z"];
const GLUTES_LEFT: &[&str] = &[
    // gluteus medius, under the iliac crest
    "M50 140C60 124 82 120 100 128C110 134 114 146 113 160C100 172 74 182 50 188C44 172 44 154 50 140Z",
    // gluteus maximus, the buttock
    "M116 178C128 198 140 222 146 250C148 270 146 290 140 302C112 312 70 308 44 292C34 262 36 222 50 192C74 184 100 178 116 178Z",
];
const PSOAS: &[&str] =
    &["M344 10C344 60 350 110 366 168C370 185 366 205 350 238L358 244C378 210 384 188 380 166C372 120 362 70 358 10Z"];
const PSOAS_HIT: &str =
    "M334 4C334 60 340 112 354 170C358 190 350 212 338 238L366 256C394 214 398 186 392 160C384 118 374 66 370 4Z";

/// Every target's drawing, in keyboard order (the order of [`crate::regions::TARGETS`]).
pub const SHAPES: [Shape; 7] = [
    Shape { target: Target::new(Region::Ql, Side::Left), paths: QL_LEFT, hit: Hit::Shapes },
    Shape { target: Target::new(Region::Ql, Side::Right), paths: QL_LEFT, hit: Hit::Shapes },
    Shape { target: Target::new(Region::SiJoint, Side::Left), paths: SI_LEFT, hit: Hit::Circle(131.5, 162.0, 17.5) },
    Shape { target: Target::new(Region::SiJoint, Side::Right), paths: SI_LEFT, hit: Hit::Circle(131.5, 162.0, 17.5) },
    Shape { target: Target::new(Region::Glutes, Side::Left), paths: GLUTES_LEFT, hit: Hit::Shapes },
    Shape { target: Target::new(Region::Glutes, Side::Right), paths: GLUTES_LEFT, hit: Hit::Shapes },
    Shape { target: Target::new(Region::Psoas, Side::Both), paths: PSOAS, hit: Hit::Path(PSOAS_HIT) },
];

/// Text anchors: (x, y) of the back view's "Left" and "Right", and of the views' titles.
pub const LABEL_LEFT: (f64, f64) = (62.0, -16.0);
pub const LABEL_RIGHT: (f64, f64) = (238.0, -16.0);
pub const LABEL_BACK_VIEW: (f64, f64) = (150.0, 388.0);
pub const LABEL_SIDE_VIEW: (f64, f64) = (350.0, -16.0);
/// Back and front of the side view sit on two rows, so longer words in a translation fit.
pub const LABEL_BACK: (f64, f64) = (302.0, 386.0);
pub const LABEL_FRONT: (f64, f64) = (398.0, 406.0);
/// The dashed line between the two views.
pub const DIVIDER: &str = "M298 -30L298 410";

/// A left-half path mirrored about the spine (x = 150) for the right half. Integer arithmetic
/// in tenths keeps float parsing and formatting, and their tables, out of the wasm.
pub fn mirror(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut number = String::new();
    let mut is_x = true;
    let flush = |number: &mut String, out: &mut String, is_x: &mut bool| {
        if number.is_empty() {
            return;
        }
        if *is_x {
            push_tenths(out, 3000 - tenths(number));
        } else {
            out.push_str(number);
        }
        number.clear();
        *is_x = !*is_x;
    };
    for c in path.chars() {
        if c.is_ascii_digit() || c == '.' || (c == '-' && number.is_empty()) {
            number.push(c);
        } else {
            flush(&mut number, &mut out, &mut is_x);
            if c.is_ascii_alphabetic() {
                is_x = true;
            }
            out.push(c);
        }
    }
    flush(&mut number, &mut out, &mut is_x);
    out
}

/// A decimal with at most one digit after the point, in tenths: "-12.5" is -125.
fn tenths(number: &str) -> i32 {
    let (negative, digits) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let mut value = 0i32;
    for b in whole.bytes() {
        value = value * 10 + i32::from(b - b'0');
    }
    value = value * 10 + frac.bytes().next().map_or(0, |b| i32::from(b - b'0'));
    if negative {
        -value
    } else {
        value
    }
}

/// Writes tenths as a decimal: 1315 as "131.5", -20 as "-2".
fn push_tenths(out: &mut String, v: i32) {
    if v < 0 {
        out.push('-');
    }
    let a = v.unsigned_abs() as usize;
    out.push_str(&crate::config::digits(a / 10));
    if !a.is_multiple_of(10) {
        out.push('.');
        out.push((b'0' + (a % 10) as u8) as char);
    }
}

/// Writes a coordinate, rounded to tenths, without `core::fmt`.
pub fn push_number(out: &mut String, v: f64) {
    let t = v * 10.0;
    push_tenths(out, (if t < 0.0 { t - 0.5 } else { t + 0.5 }) as i32);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The on-curve points of an absolute path (control points are skipped), for size checks.
    fn points(path: &str) -> Vec<(f64, f64)> {
        let mut pts = Vec::new();
        let mut nums: Vec<f64> = Vec::new();
        let mut cmd = 'M';
        let flush = |cmd: char, nums: &mut Vec<f64>, pts: &mut Vec<(f64, f64)>| {
            let per = if cmd == 'C' { 6 } else { 2 };
            for chunk in nums.chunks(per) {
                if chunk.len() == per {
                    pts.push((chunk[per - 2], chunk[per - 1]));
                }
            }
            nums.clear();
        };
        let mut number = String::new();
        for c in path.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_digit() || c == '.' || (c == '-' && number.is_empty()) {
                number.push(c);
                continue;
            }
            if !number.is_empty() {
                nums.push(number.parse().unwrap());
                number.clear();
            }
            if c == '-' {
                number.push(c);
            } else if c.is_ascii_alphabetic() {
                flush(cmd, &mut nums, &mut pts);
                cmd = c;
            }
        }
        flush(cmd, &mut nums, &mut pts);
        pts
    }

    /// Width and height of the box around a set of points.
    fn extent(pts: &[(f64, f64)]) -> (f64, f64) {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in pts {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        (x1 - x0, y1 - y0)
    }

    #[test]
    fn numbers_are_written_in_tenths() {
        let mut s = String::new();
        for v in [131.5, -12.0, 0.04, 17.5, -0.5, 299.96] {
            push_number(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "131.5 -12 0 17.5 -0.5 300 ");
    }
    use crate::regions::TARGETS;

    /// The map is this wide in a 320 px widget: 12 px padding and a 1 px border a side.
    const MAP_PX_AT_320: f64 = 294.0;

    fn hit_extent(s: &Shape) -> (f64, f64) {
        if let Some((_, _, r)) = s.hit_circle() {
            return (2.0 * r, 2.0 * r);
        }
        let paths = s.hit_path().map(|p| vec![p]).unwrap_or_else(|| s.drawn_paths());
        extent(&paths.iter().flat_map(|p| points(p)).collect::<Vec<_>>())
    }

    #[test]
    fn shapes_follow_the_keyboard_order() {
        let order: Vec<Target> = SHAPES.iter().map(|s| s.target).collect();
        assert_eq!(order, TARGETS.to_vec());
    }

    #[test]
    fn every_hit_area_is_at_least_24_css_px_at_320_px() {
        let scale = MAP_PX_AT_320 / VIEW_WIDTH;
        for s in &SHAPES {
            let (w, h) = hit_extent(s);
            assert!(w * scale >= 24.0 && h * scale >= 24.0, "{} is {w}x{h} units", s.target.key());
        }
    }

    #[test]
    fn left_shapes_sit_on_the_viewers_left_in_the_back_view() {
        for s in SHAPES.iter().filter(|s| s.target.side != Side::Both) {
            let pts: Vec<_> = s.drawn_paths().iter().flat_map(|p| points(p)).collect();
            let mean = pts.iter().map(|p| p.0).sum::<f64>() / pts.len() as f64;
            match s.target.side {
                Side::Left => assert!(mean < 150.0, "{}", s.target.key()),
                _ => assert!(mean > 150.0 && mean < 298.0, "{}", s.target.key()),
            }
        }
        let psoas = points(SHAPES[6].paths[0]);
        assert!(psoas.iter().all(|p| p.0 > 298.0), "the psoas is in the side view");
    }

    #[test]
    fn the_right_side_mirrors_the_left() {
        assert_eq!(mirror("M131.5 -2L10 20C1 2 3 4 5 6Z"), "M168.5 -2L290 20C299 2 297 4 295 6Z");
        assert_eq!(mirror(&mirror(GLUTES_LEFT[1])), GLUTES_LEFT[1]);
        let (l, r) = (SHAPES[2].hit_circle().unwrap(), SHAPES[3].hit_circle().unwrap());
        assert_eq!((l.0 + r.0, l.1, l.2), (300.0, r.1, r.2));
        assert!(r.0 - l.0 > 2.0 * l.2, "the two SI hit circles do not overlap");
    }

    #[test]
    fn points_skip_control_points() {
        assert_eq!(points("M0 0C5 5 6 6 10 -10L3 4Z"), vec![(0.0, 0.0), (10.0, -10.0), (3.0, 4.0)]);
    }
}
