//! The quote tagger's spans in the rule stage: its content spans become
//! reports ([`merge`]), framed by the rules' cues and subjects or the
//! tagger's own cue and source spans ([`link`]), read as merged runs
//! ([`runs`]).

pub mod link;
pub mod merge;
pub mod runs;
