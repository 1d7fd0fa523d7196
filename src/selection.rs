//! What is focused and what is selected, and how keys and clicks change it. Plain data, no DOM.
//!
//! The map follows the WAI-ARIA *toolbar* pattern with toggle buttons (`aria-pressed`):
//! one tab stop for the whole map (a roving `tabindex`), Home/End jump, Enter/Space toggle the
//! focused region, Escape returns to the overview. Because the drawing is two-dimensional, the
//! arrow keys move as in the WAI-ARIA *grid* pattern's navigation (without grid semantics):
//! Up/Down to the region above or below in the drawing, Left/Right to the neighbour on the side,
//! wrapping within the row. Tabs and radio groups were rejected because both demand that
//! something is always selected, and radios select on every arrow press, which would flood
//! screen readers and analytics while a visitor is only looking around.

use crate::regions::{Side, Target, TARGETS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Selection {
    /// Position in [`TARGETS`] of the one region that is in the tab order.
    pub focus: usize,
    pub selected: Option<Target>,
    /// The last side, left or right, the visitor (or the page) chose: "Read about …" keeps it,
    /// even after the psoas (both sides) or a return to the overview.
    pub side: Option<Side>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Select(Target),
    /// A tap, click, Enter or Space: selects the target, or clears it when it is selected.
    Toggle(Target),
    Clear,
    FocusNext,
    FocusPrev,
    FocusUp,
    FocusDown,
    FocusFirst,
    FocusLast,
    /// The pointer or the browser moved focus onto the target at this position.
    FocusAt(usize),
}

/// What an update changed, so the DOM layer touches only that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Changed {
    pub focus: bool,
    pub selection: bool,
}

impl Selection {
    pub fn focused(&self) -> Target {
        TARGETS[self.focus]
    }

    pub fn update(&mut self, msg: Msg) -> Changed {
        let before = *self;
        let last = TARGETS.len() - 1;
        match msg {
            Msg::Select(target) => {
                self.selected = Some(target);
                self.focus = target.position();
                if matches!(target.side, Side::Left | Side::Right) {
                    self.side = Some(target.side);
                }
            }
            Msg::Toggle(target) if self.selected == Some(target) => self.selected = None,
            Msg::Toggle(target) => return self.update(Msg::Select(target)),
            Msg::Clear => self.selected = None,
            Msg::FocusNext => self.focus = step_in_row(self.focus, 1),
            Msg::FocusPrev => self.focus = step_in_row(self.focus, -1),
            Msg::FocusUp => self.focus = step_in_column(self.focus, -1),
            Msg::FocusDown => self.focus = step_in_column(self.focus, 1),
            Msg::FocusFirst => self.focus = 0,
            Msg::FocusLast => self.focus = last,
            Msg::FocusAt(i) => self.focus = i.min(last),
        }
        Changed { focus: self.focus != before.focus, selection: self.selected != before.selected }
    }

    /// The message for a `KeyboardEvent.key` pressed on the map, if the map handles that key.
    /// Escape is left to the page when there is nothing to clear.
    pub fn key_msg(&self, key: &str) -> Option<Msg> {
        Some(match key {
            "ArrowRight" | "Right" => Msg::FocusNext,
            "ArrowLeft" | "Left" => Msg::FocusPrev,
            "ArrowUp" | "Up" => Msg::FocusUp,
            "ArrowDown" | "Down" => Msg::FocusDown,
            "Home" => Msg::FocusFirst,
            "End" => Msg::FocusLast,
            "Enter" | " " | "Spacebar" => Msg::Toggle(self.focused()),
            "Escape" | "Esc" if self.selected.is_some() => Msg::Clear,
            _ => return None,
        })
    }
}

/// Where each target sits in the drawing, as (row, column), in [`TARGETS`] order: the back
/// view's three rows of left and right, and the psoas of the side view beside every row.
const PLACES: [(u8, u8); 7] = [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1), (1, 2)];

fn place(i: usize) -> (u8, u8) {
    PLACES[i]
}

fn at(row: u8, col: u8) -> Option<usize> {
    // The psoas spans every row of the third column.
    PLACES.iter().position(|&(r, c)| c == col && (r == row || c == 2))
}

/// The neighbour on the side, wrapping within the row (the psoas counts for the row it is
/// entered from: leaving it goes back to the top row).
fn step_in_row(i: usize, dir: i8) -> usize {
    let (row, col) = place(i);
    let row = if col == 2 { 0 } else { row };
    let col = (col as i8 + dir).rem_euclid(3) as u8;
    at(row, col).unwrap_or(i)
}

/// The region above or below in the same column; at the top or bottom, focus stays.
fn step_in_column(i: usize, dir: i8) -> usize {
    let (row, col) = place(i);
    match row.checked_add_signed(dir) {
        Some(r) if r <= 2 && col != 2 => at(r, col).unwrap_or(i),
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regions::{Region, Side};

    fn press(s: &mut Selection, key: &str) -> Changed {
        let msg = s.key_msg(key).expect(key);
        s.update(msg)
    }

    #[test]
    fn starts_on_the_first_region_with_nothing_selected() {
        let s = Selection::default();
        assert_eq!(s.focused(), TARGETS[0]);
        assert_eq!(s.selected, None);
    }

    fn key(t: &str) -> usize {
        TARGETS.iter().position(|x| x.key() == t).unwrap()
    }

    #[test]
    fn left_and_right_move_to_the_neighbour_on_the_side_and_wrap_in_the_row() {
        let mut s = Selection::default();
        assert_eq!(press(&mut s, "ArrowRight"), Changed { focus: true, selection: false });
        assert_eq!(s.focus, key("ql-right"));
        press(&mut s, "ArrowRight");
        assert_eq!(s.focus, key("psoas-both"), "the side view is to the right of the back view");
        press(&mut s, "ArrowRight");
        assert_eq!(s.focus, key("ql-left"), "wraps within the row");
        press(&mut s, "ArrowLeft");
        assert_eq!(s.focus, key("psoas-both"));
        press(&mut s, "ArrowLeft");
        assert_eq!(s.focus, key("ql-right"));
        s.update(Msg::FocusAt(key("glutes-left")));
        press(&mut s, "ArrowRight");
        assert_eq!(s.focus, key("glutes-right"));
        assert_eq!(s.selected, None, "moving focus selects nothing");
    }

    #[test]
    fn up_and_down_move_through_the_drawing_and_stop_at_its_edges() {
        let mut s = Selection::default();
        assert_eq!(press(&mut s, "ArrowUp"), Changed::default(), "nothing above the QL");
        press(&mut s, "ArrowDown");
        assert_eq!(s.focus, key("si-joint-left"));
        press(&mut s, "ArrowDown");
        assert_eq!(s.focus, key("glutes-left"));
        assert_eq!(press(&mut s, "ArrowDown"), Changed::default(), "nothing below the glutes");
        s.update(Msg::FocusAt(key("si-joint-right")));
        press(&mut s, "ArrowUp");
        assert_eq!(s.focus, key("ql-right"));
        s.update(Msg::FocusAt(key("psoas-both")));
        assert_eq!(press(&mut s, "ArrowDown"), Changed::default(), "the psoas is one column of its own");
    }

    #[test]
    fn every_target_is_reachable_with_the_arrows() {
        for (start, target) in TARGETS.iter().enumerate() {
            let mut seen = vec![false; TARGETS.len()];
            let mut todo = vec![start];
            while let Some(i) = todo.pop() {
                if std::mem::replace(&mut seen[i], true) {
                    continue;
                }
                todo.extend([step_in_row(i, 1), step_in_row(i, -1), step_in_column(i, 1), step_in_column(i, -1)]);
            }
            assert!(seen.iter().all(|s| *s), "from {}", target.key());
        }
    }

    #[test]
    fn home_and_end_jump() {
        let mut s = Selection { focus: 3, ..Selection::default() };
        press(&mut s, "End");
        assert_eq!(s.focused(), Target::new(Region::Psoas, Side::Both));
        press(&mut s, "Home");
        assert_eq!(s.focused(), Target::new(Region::Ql, Side::Left));
        assert_eq!(press(&mut s, "Home"), Changed::default(), "no change reported when nothing moved");
    }

    #[test]
    fn enter_and_space_toggle_the_focused_region() {
        let mut s = Selection::default();
        press(&mut s, "ArrowRight");
        assert_eq!(press(&mut s, "Enter"), Changed { focus: false, selection: true });
        assert_eq!(s.selected, Some(Target::new(Region::Ql, Side::Right)));
        press(&mut s, "ArrowDown");
        press(&mut s, " ");
        assert_eq!(s.selected, Some(Target::new(Region::SiJoint, Side::Right)));
        assert_eq!(press(&mut s, " "), Changed { focus: false, selection: true }, "again: back to the overview");
        assert_eq!(s.selected, None);
        assert_eq!(s.focused(), Target::new(Region::SiJoint, Side::Right), "focus stays");
    }

    #[test]
    fn a_second_tap_on_the_selected_region_clears_it_and_select_never_does() {
        let mut s = Selection::default();
        let glute = Target::new(Region::Glutes, Side::Left);
        s.update(Msg::Toggle(glute));
        assert_eq!(s.selected, Some(glute));
        assert_eq!(s.update(Msg::Select(glute)), Changed::default(), "code and links only select");
        s.update(Msg::Toggle(glute));
        assert_eq!(s.selected, None);
    }

    #[test]
    fn escape_clears_and_is_left_to_the_page_when_nothing_is_selected() {
        let mut s = Selection::default();
        assert_eq!(s.key_msg("Escape"), None);
        s.update(Msg::Select(TARGETS[2]));
        assert_eq!(press(&mut s, "Escape"), Changed { focus: false, selection: true });
        assert_eq!(s.selected, None);
    }

    #[test]
    fn selecting_by_click_or_code_moves_the_tab_stop_there() {
        let mut s = Selection::default();
        let glute = Target::new(Region::Glutes, Side::Right);
        assert_eq!(s.update(Msg::Select(glute)), Changed { focus: true, selection: true });
        assert_eq!(s.focused(), glute);
        assert_eq!(s.update(Msg::Clear), Changed { focus: false, selection: true });
        assert_eq!(s.selected, None);
        assert_eq!(s.focused(), glute, "clearing keeps the tab stop");
    }

    #[test]
    fn other_keys_are_left_to_the_browser() {
        let s = Selection::default();
        for key in ["Tab", "a", "PageDown"] {
            assert_eq!(s.key_msg(key), None);
        }
    }

    #[test]
    fn focus_at_is_clamped() {
        let mut s = Selection::default();
        s.update(Msg::FocusAt(99));
        assert_eq!(s.focus, TARGETS.len() - 1);
    }
}
