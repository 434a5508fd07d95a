//! What each command of the `quotelink` binary takes and does, one file per
//! command: [`run`] (the default: annotate and write JSON Lines or text),
//! [`html`], [`eval`], [`tables`] (`speakers` and `table`) and
//! [`clusters`]. The options
//! that several of them share are here and in [`input`] and [`model`].
//!
//! Binary side: errors are `anyhow` here, the library's matchable
//! [`quotelink::Error`] underneath.

pub mod clusters;
pub mod eval;
pub mod html;
pub mod input;
pub mod model;
pub mod run;
pub mod tables;

use std::io::Write;

/// Every document succeeded (or every line was tabulated).
pub const SUCCESS: u8 = 0;
/// Some documents failed, each with an error record in its place (or some
/// lines were skipped).
pub const SOME_FAILED: u8 = 1;
/// A usage error, or nothing could run.
pub const USAGE: u8 = 2;

/// Ends the process with `code` once standard output is flushed, without
/// running the C++ static destructors of libtorch, which the binary links:
/// they only tear down operator tables the process no longer needs, and
/// took tens of milliseconds of every run, the shortest included. Every
/// Rust value has been dropped by then (each command returns first), so
/// files are closed and temporary files removed.
pub fn exit(code: u8) -> ! {
    // Nothing is left to report an error to.
    let _ = std::io::stdout().flush();
    // SAFETY: `_exit` ends the process at once; no Rust code runs after.
    unsafe { libc::_exit(i32::from(code)) }
}
