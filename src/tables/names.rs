//! Speaker names across documents: the normalised key that merges
//! spellings (titles dropped; case, diacritics and punctuation folded), and
//! the joining of a surname alone or a shortened name to the one full name
//! of the corpus it can belong to.

use std::collections::{HashMap, HashSet};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::lexicon::{lexicon, Class};

/// Words dropped from the end of a person's name.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The key that merges spellings of one name: lower case, without
/// diacritics, periods or apostrophes (`J.D.` is `jd`, `O'Neil` is
/// `oneil`), other punctuation as spaces, a possessive `'s` dropped, and
/// for persons titles before and `Jr.`-like suffixes after the name
/// dropped. Empty when nothing is left.
pub fn normalise(name: &str, person: bool) -> String {
    let folded: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let mut words: Vec<String> = folded
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’')))
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.replace(['.', '\'', '’'], "")
        })
        .filter(|w| !w.is_empty())
        .collect();
    if person {
        let titles = words
            .iter()
            .take_while(|w| lexicon().is(w, Class::Drop))
            .count()
            .min(words.len().saturating_sub(1));
        words.drain(..titles);
        while words.len() > 1 && SUFFIXES.contains(&words[words.len() - 1].as_str()) {
            words.pop();
        }
    }
    words.join(" ")
}

/// Whether `short` is `long` shortened: its words appear in `long` in
/// order and it ends with `long`'s last word (`clinton`, `hillary clinton`
/// for `hillary rodham clinton`), or it is a person's first name alone
/// (`hillary`).
fn shortens(short: &[&str], long: &[&str], person: bool) -> bool {
    if short.len() >= long.len() {
        return false;
    }
    if person && short.len() == 1 && short[0] == long[0] {
        return true;
    }
    if short.last() != long.last() {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

/// For each key, the key it joins (itself when none): a key joins the one
/// longer key of the same group (`group[i]`, e.g. the entity label) that
/// it shortens, following chains (`clinton` to `hillary clinton` to
/// `hillary rodham clinton`); a key that could belong to two different
/// full names joins none. `person[i]` allows first names alone.
pub fn join_short_names<G: Eq>(keys: &[String], group: &[G], person: &[bool]) -> Vec<usize> {
    let words: Vec<Vec<&str>> = keys.iter().map(|k| k.split(' ').collect()).collect();
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        if let (Some(first), Some(last)) = (w.first(), w.last()) {
            by_last.entry(last).or_default().push(i);
            by_first.entry(first).or_default().push(i);
        }
    }
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(words[i].len()));
    let mut target: Vec<usize> = (0..keys.len()).collect();
    for i in order {
        let w = &words[i];
        let (Some(first), Some(last)) = (w.first(), w.last()) else {
            continue;
        };
        let candidates = by_last[last].iter().chain(&by_first[first]);
        let targets: HashSet<usize> = candidates
            .filter(|&&j| group[j] == group[i] && shortens(w, &words[j], person[i]))
            .map(|&j| target[j])
            .collect();
        if targets.len() == 1 {
            target[i] = targets.into_iter().next().expect("one target");
        }
    }
    target
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_punctuation_and_titles() {
        assert_eq!(normalise("Sen. Elizabeth Warren", true), "elizabeth warren");
        assert_eq!(normalise("José  Ramírez-Núñez", true), "jose ramirez nunez");
        assert_eq!(normalise("Mr. Trump's", true), "trump");
        assert_eq!(normalise("Donald J. Trump Jr.", true), "donald j trump");
        assert_eq!(normalise("J.D. O'Neil", true), "jd oneil");
        assert_eq!(normalise("General Motors", false), "general motors");
        assert_eq!(
            normalise("President", true),
            "president",
            "a title alone stays"
        );
        assert_eq!(normalise("...", true), "");
    }

    fn joined(keys: &[&str]) -> Vec<String> {
        let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        let n = keys.len();
        let target = join_short_names(&keys, &vec![0; n], &vec![true; n]);
        target.iter().map(|&t| keys[t].clone()).collect::<Vec<_>>()
    }

    #[test]
    fn a_short_name_joins_its_one_full_name() {
        let keys = [
            "trump",
            "donald trump",
            "hillary",
            "clinton",
            "hillary clinton",
        ];
        assert_eq!(
            joined(&keys),
            [
                "donald trump",
                "donald trump",
                "hillary clinton",
                "hillary clinton",
                "hillary clinton"
            ]
        );
    }

    #[test]
    fn chains_follow_to_the_fullest_name() {
        let keys = ["clinton", "hillary clinton", "hillary rodham clinton"];
        assert_eq!(joined(&keys), ["hillary rodham clinton"; 3]);
    }

    #[test]
    fn an_ambiguous_short_name_joins_none() {
        let keys = [
            "trump",
            "donald trump",
            "ivanka trump",
            "scott",
            "rick scott",
            "scott walker",
        ];
        assert_eq!(
            joined(&keys),
            [
                "trump",
                "donald trump",
                "ivanka trump",
                "scott",
                "rick scott",
                "scott walker"
            ]
        );
    }

    #[test]
    fn names_join_only_within_their_group() {
        let keys: Vec<String> = ["clinton", "clinton foundation", "bill clinton"]
            .map(String::from)
            .to_vec();
        let target = join_short_names(&keys, &["PER", "ORG", "PER"], &[true, false, true]);
        assert_eq!(target, [2, 1, 2]);
    }
}
