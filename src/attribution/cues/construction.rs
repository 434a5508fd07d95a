//! [`Construction`]: one way a report is written, as a cue to find and the
//! report it governs. The registry (`CONSTRUCTIONS` in the stage's root)
//! lists them in the order their cues are tried; adding one is a file that
//! implements the trait and a line there.

use crate::attribution::text::context::Context;
use crate::attribution::types::{Cue, CueKind, Found};

/// A construction: how its cue is written and how the report it cues is
/// read.
pub trait Construction: Sync {
    /// A cue of this construction starting at word token `i`, outside
    /// quotes.
    fn cue_at(&self, ctx: &Context, i: usize) -> Option<Cue>;

    /// Whether it reads the reports of cues of `kind` (the first
    /// construction in the registry that does, reads them).
    fn reads(&self, _kind: CueKind) -> bool {
        false
    }

    /// The report of a cue of a kind it [`reads`](Construction::reads),
    /// when the cue governs one that no direct quote took.
    fn report(&self, _ctx: &Context, _cue: &Cue) -> Option<Found> {
        None
    }
}

/// The cue the constructions find at word token `i`: the first that has
/// one, in registry order.
pub fn cue_at(constructions: &[&dyn Construction], ctx: &Context, i: usize) -> Option<Cue> {
    constructions.iter().find_map(|c| c.cue_at(ctx, i))
}

/// The report of `cue`, read by the first construction that reads its
/// kind; none when no construction does (colons and dashes frame direct
/// quotes only).
pub fn report(constructions: &[&dyn Construction], ctx: &Context, cue: &Cue) -> Option<Found> {
    let reader = constructions.iter().find(|c| c.reads(cue.kind))?;
    reader.report(ctx, cue)
}
