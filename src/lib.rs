pub mod config;
pub mod content;
pub mod links;
pub mod regions;
pub mod selection;
