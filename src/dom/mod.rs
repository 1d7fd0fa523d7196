//! The thin browser layer: draws the core's state with web-sys and turns events into messages.
pub mod analytics;
mod booking_link;
pub mod drawing;
pub mod el;
mod host;
mod input;
pub mod listener;
pub mod read;
mod settings;
pub mod teach;
pub mod view;
pub mod widget;
