//! Who speaks: the mentions a cue's frame names ([`mentions`]), the
//! subject of a clause ([`subjects`]), and the fallback that gives a quote
//! without a frame the speaker of its neighbours ([`fallback`]).

pub mod fallback;
pub mod mentions;
pub mod subjects;
