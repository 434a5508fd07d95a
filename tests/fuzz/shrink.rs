//! Shrinks a failing document to a small one that still fails, so that a
//! fuzz failure reads as a regression test.

/// The shortest text found by deleting runs of characters from `text`
/// while `fails` still holds.
pub fn shrink(text: &str, fails: impl Fn(&str) -> bool) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut size = chars.len().div_ceil(2).max(1);
    loop {
        let mut progress = false;
        let mut at = 0;
        while at < chars.len() {
            let mut candidate = chars.clone();
            candidate.drain(at..(at + size).min(chars.len()));
            let candidate_text: String = candidate.iter().collect();
            if !candidate_text.trim().is_empty() && fails(&candidate_text) {
                chars = candidate;
                progress = true;
            } else {
                at += size;
            }
        }
        if !progress {
            if size == 1 {
                return chars.into_iter().collect();
            }
            size = size.div_ceil(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shrink;

    #[test]
    fn keeps_only_what_the_failure_needs() {
        let fails = |t: &str| t.contains('x') && t.contains('"');
        assert_eq!(shrink("a long \"text with an x in it", fails), "\"x");
    }
}
