//! Quotes and their content: direct quotes and the cue that frames them
//! ([`direct`]), indirect and mixed reports ([`indirect`]), headlines
//! ([`headline`]), and reports nested in others ([`nesting`]).

pub mod direct;
pub mod headline;
pub mod indirect;
pub mod nesting;
