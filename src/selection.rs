//! What is focused and what is selected, and how keys and clicks change it. Plain data, no DOM.
//!
//! The map follows the WAI-ARIA *toolbar* pattern with toggle buttons (`aria-pressed`):
//! one tab stop for the whole map (a roving `tabindex`), arrow keys move focus, Home/End jump,
//! Enter/Space select. Tabs and radio groups were rejected because both demand that something
//! is always selected, and radios select on every arrow press, which would flood screen readers
//! and analytics while a visitor is only looking around.

use crate::regions::{Target, TARGETS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Selection {
    /// Position in [`TARGETS`] of the one region that is in the tab order.
    pub focus: usize,
    pub selected: Option<Target>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Select(Target),
    Clear,
    FocusNext,
    FocusPrev,
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
            }
            Msg::Clear => self.selected = None,
            Msg::FocusNext => self.focus = if self.focus == last { 0 } else { self.focus + 1 },
            Msg::FocusPrev => self.focus = if self.focus == 0 { last } else { self.focus - 1 },
            Msg::FocusFirst => self.focus = 0,
            Msg::FocusLast => self.focus = last,
            Msg::FocusAt(i) => self.focus = i.min(last),
        }
        Changed { focus: self.focus != before.focus, selection: self.selected != before.selected }
    }

    /// The message for a `KeyboardEvent.key` pressed on the map, if the map handles that key.
    pub fn key_msg(&self, key: &str) -> Option<Msg> {
        Some(match key {
            "ArrowRight" | "ArrowDown" | "Right" | "Down" => Msg::FocusNext,
            "ArrowLeft" | "ArrowUp" | "Left" | "Up" => Msg::FocusPrev,
            "Home" => Msg::FocusFirst,
            "End" => Msg::FocusLast,
            "Enter" | " " | "Spacebar" => Msg::Select(self.focused()),
            _ => return None,
        })
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

    #[test]
    fn arrows_walk_the_keyboard_order_and_wrap() {
        let mut s = Selection::default();
        let mut seen = vec![s.focused()];
        for _ in 1..TARGETS.len() {
            assert_eq!(press(&mut s, "ArrowRight"), Changed { focus: true, selection: false });
            seen.push(s.focused());
        }
        assert_eq!(seen, TARGETS.to_vec());
        press(&mut s, "ArrowDown");
        assert_eq!(s.focus, 0, "wraps forward to the first");
        press(&mut s, "ArrowLeft");
        assert_eq!(s.focus, TARGETS.len() - 1, "wraps back to the last");
        press(&mut s, "ArrowUp");
        assert_eq!(s.focus, TARGETS.len() - 2);
        assert_eq!(s.selected, None, "moving focus selects nothing");
    }

    #[test]
    fn home_and_end_jump() {
        let mut s = Selection { focus: 3, selected: None };
        press(&mut s, "End");
        assert_eq!(s.focused(), Target::new(Region::Psoas, Side::Both));
        press(&mut s, "Home");
        assert_eq!(s.focused(), Target::new(Region::Ql, Side::Left));
        assert_eq!(press(&mut s, "Home"), Changed::default(), "no change reported when nothing moved");
    }

    #[test]
    fn enter_and_space_select_the_focused_region() {
        let mut s = Selection::default();
        press(&mut s, "ArrowRight");
        assert_eq!(press(&mut s, "Enter"), Changed { focus: false, selection: true });
        assert_eq!(s.selected, Some(Target::new(Region::Ql, Side::Right)));
        press(&mut s, "ArrowRight");
        press(&mut s, " ");
        assert_eq!(s.selected, Some(Target::new(Region::SiJoint, Side::Left)));
        assert_eq!(press(&mut s, " "), Changed::default(), "selecting it again changes nothing");
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
        for key in ["Tab", "a", "Escape", "PageDown"] {
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
