//! The text as the rules read it: tokens, paired quotation marks, the
//! indexed document ([`context::Context`]), word-level helpers and clause
//! edges. Every pass reads it; it reads no pass.

pub mod clause;
pub mod context;
pub mod marks;
pub mod tokens;
pub mod words;
