//! The module graph of `src/` imports one way: no cycle between the
//! top-level modules, and none among the files and folders of any one
//! folder. Read from the sources (every `crate::`, `super::`, `self::` and
//! `quotelink::` path outside test code and comments), so a new import
//! that closes a cycle fails here with the cycle named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path from the crate root: `["attribution", "text", "context"]`.
type ModulePath = Vec<String>;

/// For each folder (by module path), its children and the edges between
/// them: child -> the children it imports.
type FolderGraphs = BTreeMap<ModulePath, BTreeMap<String, BTreeSet<String>>>;

/// Every Rust source of `src/` but the crate roots and test-only files,
/// with its module path.
fn modules() -> BTreeMap<ModulePath, PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).expect("under src");
            let mut parts: ModulePath = relative
                .iter()
                .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
                .collect();
            let last = parts.last().cloned().unwrap_or_default();
            if last == "mod" {
                parts.pop();
            }
            let root = parts.len() == 1 && (last == "lib" || last == "main");
            if !root && last != "tests" {
                found.insert(parts, path);
            }
        }
    }
    found
}

/// `source` without comments and without the `#[cfg(test)]` items (test
/// modules and test helpers).
fn non_test_code(source: &str) -> String {
    let code: String = source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = String::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        rest = &rest[at + "#[cfg(test)]".len()..];
        // Skip the item: up to its `;` or its balanced `{ ... }`.
        let mut depth = 0usize;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The paths in `code` that start at the crate, a parent or this module,
/// as segment lists with their head (`crate`, `super`, `self`,
/// `quotelink`); groups are expanded (`use super::{a, b::c}` gives `super::a`
/// and `super::b::c`).
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for head in ["crate::", "super::", "self::", "quotelink::"] {
        for (at, _) in code.match_indices(head) {
            let starts_word = at == 0 || {
                let b = bytes[at - 1];
                !(b.is_ascii_alphanumeric() || b == b'_' || b == b':')
            };
            if starts_word {
                let mut prefix = vec![head.trim_end_matches(':').to_owned()];
                expand(&code[at + head.len()..], &mut prefix, &mut found);
            }
        }
    }
    found
}

/// Reads the path (or group of paths) at the start of `rest` onto
/// `prefix`, pushing each complete path to `found`.
fn expand(rest: &str, prefix: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0usize;
        let mut item_start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    expand_item(&group[item_start..i], prefix, found);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_item(&group[item_start..i], prefix, found);
                    item_start = i + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let end = rest.find(|c| !is_ident(c)).unwrap_or(rest.len());
    if end == 0 {
        found.push(prefix.clone());
        return;
    }
    prefix.push(rest[..end].to_owned());
    match rest[end..].strip_prefix("::") {
        Some(more) if more.starts_with(|c: char| is_ident(c) || c == '{') => {
            expand(more, prefix, found)
        }
        _ => found.push(prefix.clone()),
    }
    prefix.pop();
}

/// One item of a group: `self` names the group's own path.
fn expand_item(item: &str, prefix: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
    let item = item.trim();
    if item.is_empty() {
        return;
    }
    if item == "self" || item.starts_with("self ") {
        found.push(prefix.clone());
    } else {
        expand(item, prefix, found);
    }
}

/// The module a path written in `module` names: its head resolved (a
/// folder's `mod.rs` is the folder's module, so `super::` is its parent
/// there too), then as many segments as are modules.
fn resolve(module: &ModulePath, path: &[String], known: &BTreeSet<ModulePath>) -> ModulePath {
    let mut at: ModulePath = match path[0].as_str() {
        "crate" | "quotelink" => Vec::new(),
        "self" => module.clone(),
        _ => module[..module.len() - 1].to_vec(),
    };
    let mut rest = &path[1..];
    if path[0] == "super" {
        // `super::super::x`
        while rest.first().is_some_and(|s| s == "super") {
            at.pop();
            rest = &rest[1..];
        }
    }
    for segment in rest {
        let mut next = at.clone();
        next.push(segment.clone());
        if !known.contains(&next) {
            break;
        }
        at = next;
    }
    at
}

/// The import edges of every folder among its own children.
fn folder_graphs() -> FolderGraphs {
    let modules = modules();
    let known: BTreeSet<ModulePath> = modules.keys().cloned().collect();
    let mut graphs = FolderGraphs::new();
    for module in &known {
        let (parent, name) = module.split_at(module.len() - 1);
        graphs
            .entry(parent.to_vec())
            .or_default()
            .entry(name[0].clone())
            .or_default();
    }
    for (module, file) in &modules {
        let source = std::fs::read_to_string(file).expect("a readable source");
        for path in paths(&non_test_code(&source)) {
            let target = resolve(module, &path, &known);
            let shared = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if shared < module.len() && shared < target.len() {
                graphs
                    .entry(module[..shared].to_vec())
                    .or_default()
                    .entry(module[shared].clone())
                    .or_default()
                    .insert(target[shared].clone());
            }
        }
    }
    graphs
}

/// A cycle reachable from `node`, if one exists: a depth-first search
/// along `path`; `done` holds the nodes already known to reach none.
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    node: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|m| m == node) {
        let mut cycle = path[at..].to_vec();
        cycle.push(node.to_owned());
        return Some(cycle);
    }
    if done.contains(node) {
        return None;
    }
    path.push(node.to_owned());
    for next in graph.get(node).into_iter().flatten() {
        if let Some(cycle) = cycle_from(graph, next, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(node.to_owned());
    None
}

/// `folder`'s name as a path in `src/`.
fn folder_name(folder: &ModulePath) -> String {
    match folder.is_empty() {
        true => "src".to_owned(),
        false => format!("src/{}", folder.join("/")),
    }
}

#[test]
fn no_folder_has_an_import_cycle() {
    let graphs = folder_graphs();
    let mut cycles = Vec::new();
    for (folder, graph) in &graphs {
        let mut done = BTreeSet::new();
        for node in graph.keys() {
            if let Some(cycle) = cycle_from(graph, node, &mut Vec::new(), &mut done) {
                cycles.push(format!("{}: {}", folder_name(folder), cycle.join(" -> ")));
                break;
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_graph_is_read_from_the_sources() {
    let graphs = folder_graphs();
    let top = &graphs[&Vec::new()];
    let attribution = &graphs[&vec!["attribution".to_owned()]];
    // Imports through a group, `crate::` and `super::` are all seen.
    assert!(top["attribution"].contains("lexicon"), "{top:?}");
    assert!(top["attribution"].contains("document"), "{top:?}");
    assert!(attribution["quotes"].contains("cues"), "{attribution:?}");
    assert!(attribution["cues"].contains("text"), "{attribution:?}");
    assert!(attribution["speakers"].contains("types"), "{attribution:?}");
}

#[test]
fn a_cycle_is_found_and_named() {
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(from, to)| (from.to_owned(), BTreeSet::from([to.to_owned()])))
        .collect();
    let cycle = cycle_from(&graph, "a", &mut Vec::new(), &mut BTreeSet::new());
    assert_eq!(
        cycle,
        Some(
            vec!["a", "b", "c", "a"]
                .into_iter()
                .map(String::from)
                .collect()
        )
    );
}

#[test]
fn paths_expand_groups_and_skip_test_code() {
    let code = non_test_code(
        "use super::{a, b::{c, d}};\n// crate::e\nfn f() { crate::g::h(); }\n\
         #[cfg(test)]\nmod tests { use crate::x; }\n",
    );
    let found: Vec<String> = paths(&code).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        found,
        ["crate::g::h", "super::a", "super::b::c", "super::b::d"]
    );
}

#[test]
fn the_rule_stage_is_in_folders_by_pass() {
    let graphs = folder_graphs();
    let root = &graphs[&vec!["attribution".to_owned()]];
    let folders: Vec<&String> = root
        .keys()
        .filter(|name| graphs.contains_key(&vec!["attribution".to_owned(), (*name).clone()]))
        .collect();
    assert!(folders.len() >= 5, "attribution's folders: {folders:?}");
    let files = root.len() - folders.len();
    // mod.rs is not a child: with it, at most six files at the root.
    assert!(files < 6, "{files} files at the root of src/attribution");
}
