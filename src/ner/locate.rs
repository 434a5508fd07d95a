//! Finding the named-entity model folder: `--model`, then
//! `$QUOTELINK_MODEL`, then a folder relative to the executable (an
//! installed or unpacked bundle), then the path the crate was built at.

use std::path::{Path, PathBuf};

use crate::error::{Error, ModelSource, Searched};

/// The environment variable that names a model folder.
pub const MODEL_ENV: &str = "QUOTELINK_MODEL";

/// The files a model folder holds.
pub(super) const CONFIG: &str = "config.json";
pub(super) const TOKENIZER: &str = "tokenizer.json";
pub(super) const WEIGHTS: &str = "model.safetensors";

/// The model folder shipped with the crate, at the path it was built at
/// (the last place [`locate_model`] looks).
pub fn default_model_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("models")
        .join("ner")
}

/// The model folder to load: `flag` (`--model`) if given, else
/// `$QUOTELINK_MODEL` if set; either is then the only place looked at, so
/// that a typo never loads another model silently. Otherwise the first
/// complete folder of `../share/quotelink/models/ner` and `models/ner`
/// relative to the running executable, and the build-time path. Fails with
/// [`Error::ModelNotFound`], naming every place searched.
pub fn locate_model(flag: Option<&Path>) -> Result<PathBuf, Error> {
    let env = std::env::var_os(MODEL_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let exe = std::env::current_exe().ok();
    locate_in(&candidates(flag, env.as_deref(), exe.as_deref()))
}

/// The folders to try, in order, for `--model`, `$QUOTELINK_MODEL` and the
/// executable's path.
fn candidates(
    flag: Option<&Path>,
    env: Option<&Path>,
    exe: Option<&Path>,
) -> Vec<(ModelSource, PathBuf)> {
    if let Some(path) = flag {
        return vec![(ModelSource::Flag, path.to_path_buf())];
    }
    if let Some(path) = env {
        return vec![(ModelSource::Env, path.to_path_buf())];
    }
    let mut out = Vec::new();
    if let Some(bin) = exe.and_then(Path::parent) {
        let prefix = bin.parent().unwrap_or(bin);
        let installed = prefix.join("share/quotelink/models/ner");
        out.push((ModelSource::Installed, installed));
        out.push((ModelSource::Beside, bin.join("models/ner")));
    }
    out.push((ModelSource::BuildTime, default_model_dir()));
    out
}

/// The first candidate that holds a complete model folder.
fn locate_in(candidates: &[(ModelSource, PathBuf)]) -> Result<PathBuf, Error> {
    let mut searched = Vec::new();
    for (source, path) in candidates {
        match problem(path) {
            None => return Ok(path.clone()),
            Some(problem) => searched.push(Searched {
                source: *source,
                path: path.clone(),
                problem,
            }),
        }
    }
    Err(Error::ModelNotFound { searched })
}

/// What keeps `dir` from being a model folder, if anything.
fn problem(dir: &Path) -> Option<String> {
    if !dir.is_dir() {
        return Some("no such folder".into());
    }
    let missing: Vec<&str> = [CONFIG, TOKENIZER, WEIGHTS]
        .into_iter()
        .filter(|name| !dir.join(name).is_file())
        .collect();
    (!missing.is_empty()).then(|| format!("no {}", missing.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model_folder(dir: &Path) -> PathBuf {
        std::fs::create_dir_all(dir).unwrap();
        for name in [CONFIG, TOKENIZER, WEIGHTS] {
            std::fs::write(dir.join(name), b"{}").unwrap();
        }
        dir.to_path_buf()
    }

    #[test]
    fn an_explicit_folder_is_the_only_place_looked_at() {
        let tmp = tempfile::tempdir().unwrap();
        let good = model_folder(&tmp.path().join("good"));
        let missing = tmp.path().join("typo");
        let exe = tmp.path().join("bin/quotelink");
        let flag = candidates(Some(&missing), Some(&good), Some(&exe));
        assert_eq!(flag, [(ModelSource::Flag, missing.clone())]);
        let env = candidates(None, Some(&good), Some(&exe));
        assert_eq!(locate_in(&env).unwrap(), good);
        match locate_in(&flag) {
            Err(Error::ModelNotFound { searched }) => {
                assert_eq!(searched.len(), 1);
                assert_eq!(searched[0].problem, "no such folder");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bundle_finds_its_model_before_the_build_time_path() {
        let tmp = tempfile::tempdir().unwrap();
        let exe = tmp.path().join("bin/quotelink");
        let found = candidates(None, None, Some(&exe));
        let sources: Vec<ModelSource> = found.iter().map(|c| c.0).collect();
        use ModelSource::*;
        assert_eq!(sources, [Installed, Beside, BuildTime]);
        let beside = model_folder(&tmp.path().join("bin/models/ner"));
        assert_eq!(locate_in(&found).unwrap(), beside);
        let installed = model_folder(&tmp.path().join("share/quotelink/models/ner"));
        assert_eq!(locate_in(&found).unwrap(), installed);
    }

    #[test]
    fn the_error_names_every_place_and_what_is_missing() {
        let tmp = tempfile::tempdir().unwrap();
        let partial = tmp.path().join("partial");
        std::fs::create_dir_all(&partial).unwrap();
        std::fs::write(partial.join(CONFIG), b"{}").unwrap();
        let places = [
            (ModelSource::Installed, tmp.path().join("none")),
            (ModelSource::Beside, partial),
        ];
        let error = locate_in(&places).unwrap_err().to_string();
        assert!(error.contains("installed beside the executable"), "{error}");
        assert!(error.contains("none (no such folder)"), "{error}");
        assert!(
            error.contains("(no tokenizer.json, model.safetensors)"),
            "{error}"
        );
    }
}
