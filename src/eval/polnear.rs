//! Quote attribution measured on PolNeAR (brat standoff annotations).

use std::path::Path;

use crate::error::Error;
use crate::pipeline::Pipeline;

/// Accuracy of quote attribution on one PolNeAR split.
#[derive(Debug, Clone, Default)]
pub struct PolnearReport {}

impl PolnearReport {
    /// The report as Markdown, for the committed `reports/` file.
    pub fn to_markdown(&self) -> String {
        String::new()
    }
}

impl std::fmt::Display for PolnearReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_markdown())
    }
}

/// Runs `pipeline` over `dir/text` and scores it against `dir/attributions`.
pub fn evaluate(dir: &Path, _pipeline: &Pipeline) -> Result<PolnearReport, Error> {
    Err(Error::EvalData {
        path: dir.to_path_buf(),
        message: "PolNeAR evaluation is not implemented yet".into(),
    })
}
