//! Quotes and their content: direct quotes and the cue that frames them
//! ([`direct`]), indirect and mixed reports ([`indirect`]), headlines
//! ([`headline`]), reports nested in others ([`nesting`]), and the words
//! before a cue that belong to its content ([`extent`]).

pub mod direct;
pub mod extent;
pub mod headline;
pub mod indirect;
pub mod nesting;
