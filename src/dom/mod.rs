//! The thin browser layer: draws the core's state with web-sys and turns events into messages.
pub mod analytics;
pub mod drawing;
pub mod el;
pub mod listener;
pub mod read;
pub mod teach;
pub mod view;
pub mod widget;
