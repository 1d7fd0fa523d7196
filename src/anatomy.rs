//! The drawing's geometry: SVG path data in one coordinate system (`VIEW_BOX`), integers only.
//!
//! Left part (x 0..250): the lower back and hips seen from behind, from the lower ribs to the
//! upper thighs, so the person's left is on the viewer's left. Right part (x 262..440): the same
//! body seen from its right side (back to the left, front to the right), which shows the psoas
//! where it really lies, deep and in front of the spine. Both views share one vertical scale
//! (about 6.5 units to the centimetre): the top of the iliac crest is at y = 130 in both.
//!
//! Paths of the back view are written for the person's left half; the right half is their
//! mirror image about the spine ([`mirror`]). Absolute commands (M, L, C, Z) only.
//!
//! Layers, back to front, as an anatomist would paint them: skin, bones, the deep muscles (QL,
//! psoas), the erector spinae (context, not selectable), gluteus medius, gluteus maximus, the
//! skin outline. Each target's hit area is one or two invisible rectangles, sized for thumbs
//! and disjoint from every other target's ([`Shape::hits`]), so the visible shapes can overlap
//! as anatomy wants while a tap is never ambiguous.

use crate::regions::{Region, Side, Target};
use alloc::string::String;

/// Width of the back view, the gap with the divider, and the side view: the label rows above
/// and below the drawing use these as their grid columns (`drawing.css`).
pub const BACK_W: i32 = 250;
pub const GAP_W: i32 = 12;
pub const SIDE_W: i32 = 178;
pub const VIEW_W: i32 = BACK_W + GAP_W + SIDE_W;
pub const VIEW_H: i32 = 356;
pub const VIEW_BOX: &str = "0 0 440 356";
/// The spine of the back view: the axis of [`mirror`].
pub const MID: i32 = 125;

/// Skin of the back view's left half; it runs 1 unit past the spine so the halves leave no seam.
pub const BACK_SKIN: &str = "M126 0L33 0C35 40 44 66 41 90C38 116 22 132 18 160C14 186 7 206 8 232C9 268 16 310 22 356L114 356C116 330 119 306 125 293L126 293Z";
/// The outline drawn over everything: the left flank and the inner thigh (not the crop edges).
pub const BACK_OUTLINE: &str =
    "M33 0C35 40 44 66 41 90C38 116 22 132 18 160C14 186 7 206 8 232C9 268 16 310 22 356M114 356C116 330 119 306 125 293";
/// The side view's skin: the back with its inward lumbar curve and the buttock on the left,
/// the belly and the front of the thigh on the right. About 0.7 times as deep as the back
/// view is wide, at the waist and at the hips.
pub const SIDE_SKIN: &str = "M272 0C276 30 292 58 292 90C292 120 284 150 276 176C268 200 262 222 264 248C266 270 274 284 280 294C283 316 285 336 286 356L404 356C408 330 412 300 412 276C412 258 406 240 408 228C414 206 420 184 420 158C420 120 412 80 410 40L410 0Z";
pub const SIDE_OUTLINE: &str = "M272 0C276 30 292 58 292 90C292 120 284 150 276 176C268 200 262 222 264 248C266 270 274 284 280 294C283 316 285 336 286 356M404 356C408 330 412 300 412 276C412 258 406 240 408 228C414 206 420 184 420 158C420 120 412 80 410 40L410 0";
/// The dashed line between the two views.
pub const DIVIDER: &str = "M256 10L256 346";

/// Ribs 10 to 12 of the left half: strokes, drawn twice (outline, then bone) for a flat rib.
pub const RIBS_LEFT: &[&str] = &["M96 2C78 10 60 20 46 28", "M116 8C94 18 68 32 49 50", "M118 26C100 34 78 48 62 62"];
/// The left ilium from behind: the iliac crest arching from the PSIS up and out, inside the
/// waist outline, and its wing down to the hip socket.
pub const ILIUM_LEFT: &str =
    "M101 168C96 148 78 128 56 127C42 127 34 137 32 152C31 172 41 196 55 214C67 228 87 229 96 217C101 203 103 185 101 168Z";
/// The spinous processes of T12 to L5, the bony ridge in the groove between the erectors: one
/// line, dashed (`drawing.css`: 4 on, 22 off, round caps) into one knob per vertebra.
pub const SPINOUS: &str = "M125 11L125 148";
/// The sacrum, a downward-pointing triangle between the hip bones, and the coccyx at its tip.
pub const SACRUM: &str = "M95 152C110 147 140 147 155 152C153 186 139 214 129 234L121 234C111 214 97 186 95 152Z";
pub const COCCYX: &str = "M121 237L129 237L127 251L123 251Z";
/// The left row of sacral foramina, as short strokes.
pub const FORAMINA_LEFT: &str = "M108 166L114 167M110 182L115 183M113 198L117 199M116 213L119 214";

/// Bones of the side view: T12 to L5 (body, then the arch and spinous process behind it)
/// following the lumbar curve, well inside the body, then the sacrum and coccyx.
pub const SIDE_BONES: &[&str] = &[
    "M313 7L340 1L343 19L316 25Z",
    "M313 10L303 11L292 18L292 30L298 30L306 24L315 20Z",
    "M318 31L345 26L348 45L321 50Z",
    "M318 34L308 35L297 42L297 55L303 55L311 49L320 45Z",
    "M322 54L350 50L352 70L324 74Z",
    "M322 57L312 57L301 63L300 78L306 78L314 72L324 69Z",
    "M325 78L353 77L353 98L325 99Z",
    "M325 81L315 80L303 85L300 100L306 101L315 96L325 94Z",
    "M325 102L353 105L351 126L323 123Z",
    "M325 105L315 103L303 107L298 122L304 123L313 119L324 118Z",
    "M322 128L349 132L346 152L319 148Z",
    "M321 131L311 128L299 132L294 145L300 147L309 143L319 143Z",
    // sacrum and coccyx, mostly behind the hip bone
    "M317 153L346 157C342 186 328 214 306 236L298 234C298 208 306 178 317 153Z",
    "M299 237L306 238L312 250L305 251Z",
];
/// The intervertebral discs between T12 and the sacrum, drawn under the vertebral bodies.
pub const SIDE_DISCS: &str = "M317 24L343 18L345 27L319 32ZM322 49L348 44L350 51L323 55ZM325 73L352 69L353 78L326 79ZM326 98L353 97L353 106L326 103ZM324 122L351 125L349 133L323 129ZM320 147L346 151L346 157L318 154Z";
/// The right hip bone seen from the side, shaded as the far layer: the iliac crest from the
/// PSIS to the ASIS, the deep greater sciatic notch, the ischium, the pubis, and the obturator
/// foramen cut out (even-odd).
pub const HIP_BONE: &str = "M303 168C302 148 318 129 342 126C368 123 389 135 396 155C397 163 394 168 390 171C393 178 392 187 387 191C382 195 377 197 374 201C382 210 394 222 398 236C401 248 396 258 388 260C374 263 360 266 346 270C334 274 322 272 318 262C315 252 318 240 322 234C318 228 316 222 318 216L322 212C328 204 324 192 314 188C307 185 303 178 303 168ZM348 242C352 234 370 234 376 242C380 250 372 258 360 257C350 256 344 249 348 242Z";
/// The rim of the iliac crest, the pelvic brim (which the psoas runs over) and the rim of the
/// hip socket.
pub const SIDE_LINES: &str = "M305 164C306 146 320 131 342 129C364 126 384 138 392 155M328 170C344 180 362 194 376 206C384 214 392 226 396 236M336 211C337 201 345 195 354 195C363 195 370 201 371 210";
/// The femur: head in the socket, neck, greater trochanter behind it, the lesser trochanter on
/// the inner back side, and the shaft running down and slightly forward.
pub const FEMUR: &str = "M346 204C350 200 358 200 362 204C367 209 367 218 363 222C360 225 356 226 352 226C346 228 342 234 340 244L356 356L334 356L322 266C318 264 316 258 320 254C316 248 314 240 314 230C314 222 317 214 322 211C326 209 330 210 331 214C336 212 341 208 346 204Z";

/// An invisible hit rectangle: x, y, width, height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

const fn rect(x: i32, y: i32, w: i32, h: i32) -> Rect {
    Rect { x, y, w, h }
}

/// The drawing of one selectable target. Paths are for the left side; the right mirrors them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    pub target: Target,
    /// The muscle (or, for the SI joint, the dimple over it), in paint order.
    pub muscles: &'static [&'static str],
    /// Thin lines that hint at the fibre direction.
    pub fibres: &'static str,
    /// Context drawn over this target and not selectable: the erector spinae over the QL.
    pub cover: &'static [&'static str],
    pub cover_fibres: &'static str,
    /// The focus ring, when it is not the muscles' own outline.
    pub ring: &'static str,
    /// Where a tap selects this target: the first rectangle is at least [`MIN_HIT`] square.
    pub hits: &'static [Rect],
}

/// The smallest hit rectangle side, in view units: 44 CSS px when the map is 270 px wide
/// (a 300 px container, minus the widget's padding, with some to spare).
pub const MIN_HIT: i32 = 72;

/// The quadratus lumborum: four-sided, from the 12th rib and the lumbar transverse processes
/// down to the back of the iliac crest. Mostly under the erector spinae; its outer edge shows
/// beyond them, between the lowest rib and the pelvis.
const QL: &[&str] = &["M110 28C92 36 74 48 60 62C53 84 48 108 46 128C64 127 86 134 100 142C98 110 98 60 110 28Z"];
const QL_FIBRES: &str = "M96 44L56 100M98 76L52 118M98 106L66 130";
/// The erector spinae: a thick column beside the spine, from above the view to the sacrum.
const ERECTOR: &[&str] =
    &["M119 0L119 150C119 190 121 214 123 232C114 214 106 190 100 166C92 146 70 130 63 108C58 88 60 50 66 0Z"];
const ERECTOR_FIBRES: &str = "M76 0L75 100M90 0L90 136M104 0L105 164M113 0L114 196";
/// The dimple over the posterior superior iliac spine, where the SI joint is felt.
const DIMPLE: &[&str] = &["M94 159C98 159 101 164 101 170C101 177 99 182 97 182C93 182 91 177 91 171C91 165 91 159 94 159Z"];
const DIMPLE_RING: &str = "M96 155C102 155 106 162 106 170C106 178 102 185 96 185C90 185 86 178 86 170C86 162 90 155 96 155Z";
/// Gluteus medius (a fan from below the crest to the greater trochanter), then gluteus
/// maximus over its lower part (from the sacrum and coccyx down and out to the thigh).
const GLUTES: &[&str] = &[
    "M84 146C78 136 62 132 50 134C40 136 33 144 31 158C28 180 26 210 30 238C46 230 72 208 94 194C84 182 80 164 84 146Z",
    "M104 190C112 212 119 234 122 254C124 268 124 280 123 290C110 306 80 322 48 326C38 328 30 326 28 318C22 300 19 272 24 250C44 228 72 204 104 190Z",
];
const GLUTES_FIBRES: &str = "M82 164L40 228M76 141L36 228M62 136L34 228M48 138L33 226M37 150L32 222M108 204L36 250M114 222L30 276M119 240L32 300M122 258L48 312M123 276L76 304";
/// The psoas: from the lumbar vertebrae, down and forward over the pelvic brim, in front of
/// the hip joint, to the lesser trochanter on the inner upper femur.
const PSOAS: &[&str] = &["M336 8C338 40 342 90 346 120C350 150 362 176 368 200C372 220 362 238 348 248C340 254 332 256 326 258L330 264C342 262 356 258 368 250C384 238 392 220 390 200C386 176 376 150 370 120C364 90 356 44 348 8Z"];
const PSOAS_FIBRES: &str = "M342 16C346 70 352 120 364 160C374 190 382 214 370 236M352 60C358 110 368 150 380 184";

/// Hit areas. Back view, left half: the QL above, the SI joint below it beside the spine, the
/// glutes below that, plus a strip beside the SI rectangle over the upper gluteus medius.
const QL_HITS: &[Rect] = &[rect(25, 0, 98, 134)];
const SI_HITS: &[Rect] = &[rect(51, 136, 72, 72)];
const GLUTES_HITS: &[Rect] = &[rect(4, 209, 119, 121), rect(4, 136, 45, 72)];
const PSOAS_HITS: &[Rect] = &[rect(318, 4, 88, 276)];

const fn shape(target: Target, muscles: &'static [&'static str], fibres: &'static str, hits: &'static [Rect]) -> Shape {
    Shape { target, muscles, fibres, cover: &[], cover_fibres: "", ring: "", hits }
}

const QL_SHAPE: Shape =
    Shape { cover: ERECTOR, cover_fibres: ERECTOR_FIBRES, ..shape(Target::new(Region::Ql, Side::Left), QL, QL_FIBRES, QL_HITS) };
const SI_SHAPE: Shape = Shape { ring: DIMPLE_RING, ..shape(Target::new(Region::SiJoint, Side::Left), DIMPLE, "", SI_HITS) };
const GLUTES_SHAPE: Shape = shape(Target::new(Region::Glutes, Side::Left), GLUTES, GLUTES_FIBRES, GLUTES_HITS);

const fn right(s: Shape) -> Shape {
    Shape { target: Target::new(s.target.region, Side::Right), ..s }
}

/// Every target's drawing, in keyboard order (the order of [`crate::regions::TARGETS`]), which
/// is also the paint order: QL (with the erectors over it), SI dimples, glutes, psoas.
pub const SHAPES: [Shape; 7] = [
    QL_SHAPE,
    right(QL_SHAPE),
    SI_SHAPE,
    right(SI_SHAPE),
    GLUTES_SHAPE,
    right(GLUTES_SHAPE),
    shape(Target::new(Region::Psoas, Side::Both), PSOAS, PSOAS_FIBRES, PSOAS_HITS),
];

impl Shape {
    /// A path of this target, placed on its side of the drawing.
    pub fn place(&self, path: &str) -> String {
        match self.target.side {
            Side::Right => mirror(path),
            _ => String::from(path),
        }
    }

    /// The hit rectangles, placed on this target's side.
    pub fn hit_rects(&self) -> impl Iterator<Item = Rect> + '_ {
        let right = self.target.side == Side::Right;
        self.hits.iter().map(move |r| if right { Rect { x: 2 * MID - r.x - r.w, ..*r } } else { *r })
    }
}

/// The areas where pain is felt, for the "where it is felt" overlay: (id, left-half path), the
/// right ones mirrored. Hatched, hidden until the view marks them.
pub const FELT: [(&str, &str, Side); 4] = [
    ("lower-back-left", LOWER_BACK_FELT, Side::Left),
    ("lower-back-right", LOWER_BACK_FELT, Side::Right),
    ("dimple-left", DIMPLE_FELT, Side::Left),
    ("dimple-right", DIMPLE_FELT, Side::Right),
];
/// The ids of [`FELT`], for the view.
pub const FELT_IDS: [&str; 4] = [FELT[0].0, FELT[1].0, FELT[2].0, FELT[3].0];
const LOWER_BACK_FELT: &str = "M116 30C98 34 76 44 58 62C52 84 48 106 47 126C66 128 92 136 116 146Z";
const DIMPLE_FELT: &str = "M96 150C107 150 112 160 112 171C112 182 105 192 96 192C87 192 80 182 80 171C80 160 85 150 96 150Z";

/// A left-half path of the back view mirrored about the spine ([`MID`]) for the right half.
/// Coordinates are non-negative integers, so this needs no number parsing or formatting beyond
/// decimal digits (and keeps float code out of the wasm).
pub fn mirror(path: &str) -> String {
    fn flush(out: &mut String, number: &mut Option<usize>, is_x: &mut bool) {
        if let Some(n) = number.take() {
            out.push_str(&crate::config::digits(if *is_x { (2 * MID as usize).saturating_sub(n) } else { n }));
            *is_x = !*is_x;
        }
    }
    let mut out = String::with_capacity(path.len() + 8);
    let mut number: Option<usize> = None;
    let mut is_x = true;
    for c in path.chars() {
        if let Some(d) = c.to_digit(10) {
            number = Some(number.unwrap_or(0) * 10 + d as usize);
            continue;
        }
        flush(&mut out, &mut number, &mut is_x);
        if c.is_ascii_alphabetic() {
            is_x = true;
        }
        out.push(c);
    }
    flush(&mut out, &mut number, &mut is_x);
    out
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
    use crate::regions::TARGETS;

    /// The end points of an absolute path's segments (control points are skipped).
    fn points(path: &str) -> Vec<(i32, i32)> {
        let mut pts = Vec::new();
        let mut nums: Vec<i32> = Vec::new();
        let mut cmd = 'M';
        let flush = |cmd: char, nums: &mut Vec<i32>, pts: &mut Vec<(i32, i32)>| {
            let per = if cmd == 'C' { 6 } else { 2 };
            for chunk in nums.chunks(per) {
                if chunk.len() == per {
                    pts.push((chunk[per - 2], chunk[per - 1]));
                }
            }
            nums.clear();
        };
        let mut number = String::new();
        for c in path.chars().chain(core::iter::once(' ')) {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            if !number.is_empty() {
                nums.push(number.parse().unwrap());
                number.clear();
            }
            if c.is_ascii_alphabetic() {
                flush(cmd, &mut nums, &mut pts);
                cmd = c;
            } else {
                assert!(c == ' ', "only integers and M L C Z: {c:?} in {path}");
            }
        }
        flush(cmd, &mut nums, &mut pts);
        pts
    }

    /// Every coordinate of a path, control points included.
    fn coordinates(path: &str) -> Vec<(i32, i32)> {
        let nums: Vec<i32> =
            path.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
        nums.chunks(2).map(|c| (c[0], c[1])).collect()
    }

    fn every_path() -> Vec<String> {
        let mut all: Vec<String> =
            [BACK_SKIN, BACK_OUTLINE, ILIUM_LEFT, FORAMINA_LEFT].iter().flat_map(|p| [p.to_string(), mirror(p)]).collect();
        all.extend(RIBS_LEFT.iter().flat_map(|p| [p.to_string(), mirror(p)]));
        all.extend(
            [SIDE_SKIN, SIDE_OUTLINE, DIVIDER, SPINOUS, SACRUM, COCCYX, SIDE_LINES, HIP_BONE, FEMUR, SIDE_DISCS]
                .map(String::from),
        );
        all.extend(SIDE_BONES.iter().map(|p| p.to_string()));
        for s in &SHAPES {
            for p in s.muscles.iter().chain(s.cover).chain([&s.fibres, &s.cover_fibres, &s.ring]) {
                all.push(s.place(p));
            }
        }
        all.extend(FELT.iter().map(|(_, p, side)| if *side == Side::Right { mirror(p) } else { p.to_string() }));
        all
    }

    /// The map's width in CSS px at which every hit rectangle must still be 44 px: the brief's
    /// 276 px (a 300 px container less the widget's padding and border), with 6 px to spare.
    const MAP_PX: i32 = 270;

    #[test]
    fn view_box_matches_the_view_widths() {
        let expected = ["0", "0", &crate::config::digits(VIEW_W as usize), &crate::config::digits(VIEW_H as usize)].join(" ");
        assert_eq!(VIEW_BOX, expected);
        assert_eq!(VIEW_W, 440);
        assert_eq!(2 * MID, BACK_W, "the spine is the back view's middle");
    }

    #[test]
    fn the_label_grid_follows_the_view_widths() {
        // drawing.css lays the label rows out in columns as wide as the two views.
        let css = include_str!("dom/drawing.css");
        let columns = [
            "minmax(0, ",
            &crate::config::digits(BACK_W as usize),
            "fr) minmax(0, ",
            &crate::config::digits(GAP_W as usize),
            "fr) minmax(0, ",
            &crate::config::digits(SIDE_W as usize),
            "fr)",
        ]
        .concat();
        assert!(css.contains(&columns), "drawing.css should say grid-template-columns: {columns}");
    }

    #[test]
    fn everything_is_inside_the_view_box_and_in_integers() {
        for p in every_path() {
            for (x, y) in coordinates(&p) {
                assert!((0..=VIEW_W).contains(&x) && (0..=VIEW_H).contains(&y), "({x}, {y}) in {p}");
            }
            points(&p); // panics on anything but integers and M L C Z
        }
        for s in &SHAPES {
            for r in s.hit_rects() {
                assert!(r.x >= 0 && r.y >= 0 && r.x + r.w <= VIEW_W && r.y + r.h <= VIEW_H, "{r:?}");
            }
        }
    }

    #[test]
    fn back_view_paths_stay_in_the_back_view_and_side_view_paths_in_the_side_view() {
        let back: Vec<String> = SHAPES[..6].iter().flat_map(|s| s.muscles.iter().chain(s.cover).map(|p| s.place(p))).collect();
        for p in back.iter().map(String::as_str).chain([BACK_SKIN, ILIUM_LEFT, SACRUM, SPINOUS]) {
            assert!(coordinates(p).iter().all(|&(x, _)| x <= BACK_W), "{p}");
        }
        for p in SIDE_BONES.iter().chain(PSOAS).chain([&SIDE_SKIN, &HIP_BONE, &FEMUR, &SIDE_DISCS]) {
            assert!(coordinates(p).iter().all(|&(x, _)| x >= BACK_W + GAP_W), "{p}");
        }
    }

    #[test]
    fn shapes_follow_the_keyboard_order() {
        let order: Vec<Target> = SHAPES.iter().map(|s| s.target).collect();
        assert_eq!(order, TARGETS.to_vec());
    }

    /// Checked by breaking it: with MIN_HIT at 68 or the SI rectangle 70 wide this fails.
    #[test]
    fn every_hit_area_is_at_least_44_css_px_at_270_px() {
        for s in &SHAPES {
            let main = s.hit_rects().next().expect("every target has a hit rectangle");
            let (w, h) = (main.w * MAP_PX, main.h * MAP_PX);
            assert!(w >= 44 * VIEW_W && h >= 44 * VIEW_W, "{} is {}x{} units", s.target.key(), main.w, main.h);
            assert!(main.w >= MIN_HIT && main.h >= MIN_HIT, "{}", s.target.key());
        }
    }

    /// Checked by breaking it: moving the SI rectangle up by 3 units makes it touch the QL's.
    #[test]
    fn hit_rectangles_of_different_targets_are_disjoint() {
        let all: Vec<(Target, Rect)> = SHAPES.iter().flat_map(|s| s.hit_rects().map(move |r| (s.target, r))).collect();
        for (i, (ta, a)) in all.iter().enumerate() {
            for (tb, b) in &all[i + 1..] {
                if ta == tb {
                    continue;
                }
                let apart = a.x + a.w < b.x || b.x + b.w < a.x || a.y + a.h < b.y || b.y + b.h < a.y;
                assert!(apart, "{} {a:?} and {} {b:?} touch", ta.key(), tb.key());
            }
        }
    }

    #[test]
    fn each_target_is_inside_its_own_hit_area_where_it_matters() {
        // The dimple, the visible SI target, lies inside the SI rectangle; the QL's outer edge,
        // the part of it that shows, lies inside the QL's.
        for s in &SHAPES {
            let r = s.hit_rects().next().unwrap();
            let inside = |(x, y): (i32, i32)| x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
            let pts: Vec<_> = s.muscles.iter().flat_map(|p| points(&s.place(p))).collect();
            match s.target.region {
                Region::SiJoint | Region::Psoas => assert!(pts.iter().all(|&p| inside(p)), "{}", s.target.key()),
                Region::Ql => assert!(pts.iter().filter(|p| p.1 < r.y + r.h).count() * 10 >= pts.len() * 8),
                Region::Glutes => {}
            }
        }
    }

    #[test]
    fn left_shapes_sit_on_the_viewers_left_in_the_back_view() {
        for s in SHAPES.iter().filter(|s| s.target.side != Side::Both) {
            let pts: Vec<_> = s.muscles.iter().flat_map(|p| points(&s.place(p))).collect();
            let mean = pts.iter().map(|p| p.0).sum::<i32>() / pts.len() as i32;
            match s.target.side {
                Side::Left => assert!(mean < MID, "{}", s.target.key()),
                _ => assert!(mean > MID && mean < BACK_W, "{}", s.target.key()),
            }
        }
    }

    #[test]
    fn the_psoas_is_in_the_side_view_in_front_of_the_spine_down_to_the_femur() {
        let psoas = &SHAPES[6];
        assert_eq!(psoas.target.region, Region::Psoas);
        let pts = points(psoas.muscles[0]);
        assert!(pts.iter().all(|p| p.0 > BACK_W + GAP_W), "the psoas is in the side view");
        // It starts at the lumbar bodies (y < 20 at T12) and ends below the hip joint (y 214),
        // at the inner upper femur; its front edge passes in front of the femoral head.
        assert!(pts.iter().any(|p| p.1 < 20) && pts.iter().any(|p| p.1 > 250));
        assert!(pts.iter().any(|p| p.1 > 190 && p.1 < 240 && p.0 > 366), "in front of the hip joint");
    }

    #[test]
    fn the_side_view_torso_is_believably_deep() {
        // Depth at the waist (y 90) and the hips (y 240) against the back view's width there.
        let side = coordinates(SIDE_SKIN);
        let back = coordinates(BACK_SKIN);
        let near = |pts: &[(i32, i32)], y: i32, pick: fn(i32, i32) -> i32| {
            pts.iter().filter(|p| (p.1 - y).abs() <= 12).map(|p| p.0).reduce(pick).unwrap()
        };
        for y in [90, 240] {
            let depth = near(&side, y, i32::max) - near(&side, y, i32::min);
            let width = 2 * (MID - near(&back, y, i32::min));
            assert!(depth * 100 >= width * 58 && depth * 100 <= width * 77, "at y {y}: {depth} deep, {width} wide");
        }
    }

    #[test]
    fn the_right_side_mirrors_the_left() {
        assert_eq!(mirror("M131 2L10 20C1 2 3 4 5 6Z"), "M119 2L240 20C249 2 247 4 245 6Z");
        assert_eq!(mirror("M1 2M3 4L5 6"), "M249 2M247 4L245 6");
        assert_eq!(mirror(&mirror(GLUTES[1])), GLUTES[1]);
        let (l, r) = (SHAPES[2].hit_rects().next().unwrap(), SHAPES[3].hit_rects().next().unwrap());
        assert_eq!((l.x + l.w + r.x, l.y, l.w), (2 * MID, r.y, r.w));
    }

    #[test]
    fn felt_ids_are_unique_and_named_by_side() {
        for (i, id) in FELT_IDS.iter().enumerate() {
            assert_eq!(FELT_IDS.iter().filter(|o| o == &id).count(), 1);
            assert!(id.ends_with(FELT[i].2.id()));
        }
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

    #[test]
    fn points_skip_control_points() {
        assert_eq!(points("M0 0C5 5 6 6 10 10L3 4Z"), vec![(0, 0), (10, 10), (3, 4)]);
    }
}
