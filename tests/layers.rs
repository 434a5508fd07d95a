//! The rule stage's modules form layers: no two sibling files of
//! `src/attribution` import each other, directly or through others. Read
//! from the sources, so a new import that closes a cycle fails here with
//! the cycle named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module of `src/attribution` (but `mod.rs`) with the sibling modules
/// it names through `super::` (`use super::{a, b::c}`, `super::a::f()`).
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/attribution");
    let sources: BTreeMap<String, String> = std::fs::read_dir(&dir)
        .expect("src/attribution is readable")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_stem()?.to_str()?.to_owned();
            let rust = path.extension().is_some_and(|e| e == "rs") && name != "mod";
            rust.then(|| Some((name, std::fs::read_to_string(&path).ok()?)))?
        })
        .collect();
    sources
        .iter()
        .map(|(module, source)| {
            let mut names = BTreeSet::new();
            for (at, _) in source.match_indices("super::") {
                let rest = &source[at + "super::".len()..];
                // A group names several modules: `super::{a, b::c}`.
                let is_name = |c: char| c.is_ascii_lowercase() || c == '_';
                let items = match rest.strip_prefix('{') {
                    Some(group) => &group[..group.find('}').unwrap_or(group.len())],
                    None => &rest[..rest.find(|c| !is_name(c)).unwrap_or(rest.len())],
                };
                for item in items.split(',') {
                    let head: String = item.trim().chars().take_while(|&c| is_name(c)).collect();
                    if sources.contains_key(&head) && head != *module {
                        names.insert(head);
                    }
                }
            }
            (module.clone(), names)
        })
        .collect()
}

/// A cycle reachable from `module`, if one exists: a depth-first search
/// along `path`; `done` holds the modules already known to reach none.
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    module: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|m| m == module) {
        let mut cycle = path[at..].to_vec();
        cycle.push(module.to_owned());
        return Some(cycle);
    }
    if done.contains(module) {
        return None;
    }
    path.push(module.to_owned());
    for next in &graph[module] {
        if let Some(cycle) = cycle_from(graph, next, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(module.to_owned());
    None
}

#[test]
fn attribution_modules_import_one_way() {
    let graph = imports();
    assert!(graph.len() > 10, "read the modules: {graph:?}");
    assert!(graph["cues"].contains("types"), "imports are found");
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, module, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn leaf_modules_import_nothing_above_them() {
    let graph = imports();
    let allowed: &[(&str, &[&str])] = &[
        ("classes", &[]),
        ("confidence", &[]),
        ("tokens", &[]),
        ("lexicon", &["classes"]),
        ("types", &["lexicon"]),
        ("words", &["classes", "context", "lexicon"]),
    ];
    for (module, may) in allowed {
        let extra: Vec<_> = graph[*module]
            .iter()
            .filter(|m| !may.contains(&m.as_str()))
            .collect();
        assert!(extra.is_empty(), "{module} imports {extra:?}");
    }
}
