//! The last passes: content that belongs to one quote only
//! ([`exclusive`]), and the resolution of each speaker mention to a
//! canonical person or organisation ([`resolution`]).

pub mod exclusive;
pub mod resolution;
