//! The casing feature: the uncased encoder sees each word piece's casing
//! class as its token type id.

/// The casing class of a whitespace-delimited chunk of text, judged on its
/// alphabetic characters only. The training script (`scripts/train_ner.py`)
/// computes exactly the same classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseClass {
    /// No letters ("1996", "--"), mixed case ("McDonald", "iPhone"), and
    /// the special tokens.
    Other = 0,
    /// All letters lower-case ("said").
    Lower = 1,
    /// First letter upper-case, the rest lower-case ("Smith,", "A").
    Title = 2,
    /// At least two letters, all upper-case ("NATO", "U.S.").
    Upper = 3,
}

impl CaseClass {
    /// Classifies one whitespace-delimited chunk.
    pub fn of(chunk: &str) -> CaseClass {
        let mut letters = chunk.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            return CaseClass::Other;
        };
        let (mut rest_lower, mut rest_upper, mut rest_len) = (true, true, 0);
        for c in letters {
            rest_lower &= c.is_lowercase();
            rest_upper &= c.is_uppercase();
            rest_len += 1;
        }
        match (first.is_uppercase(), first.is_lowercase()) {
            (false, true) if rest_lower => CaseClass::Lower,
            (true, _) if rest_lower => CaseClass::Title,
            (true, _) if rest_upper && rest_len >= 1 => CaseClass::Upper,
            _ => CaseClass::Other,
        }
    }

    /// The token type id fed to the model.
    pub fn type_id(self) -> i64 {
        self as i64
    }
}

/// The casing class of every byte offset's whitespace chunk in `text`:
/// returns `(chunk start, class)` pairs sorted by start, for lookup with
/// [`class_at`].
pub fn chunk_classes(text: &str) -> Vec<(usize, CaseClass)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, CaseClass::of(&text[s..i])));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// The class of the chunk containing byte `offset`.
pub fn class_at(chunks: &[(usize, CaseClass)], offset: usize) -> CaseClass {
    match chunks.partition_point(|&(start, _)| start <= offset) {
        0 => CaseClass::Other,
        i => chunks[i - 1].1,
    }
}

#[cfg(test)]
mod tests {
    use super::CaseClass::{self, *};
    use super::*;

    #[test]
    fn classes_follow_the_training_definition() {
        let cases = [
            ("said", Lower),
            ("Smith,", Title),
            ("A", Title),
            ("NATO", Upper),
            ("U.S.", Upper),
            ("McDonald", Other),
            ("iPhone", Other),
            ("1996", Other),
            ("Zoë", Title),
        ];
        for (chunk, class) in cases {
            assert_eq!(CaseClass::of(chunk), class, "{chunk}");
        }
    }

    #[test]
    fn lookup_finds_the_enclosing_chunk() {
        let text = "The U.S. said";
        let chunks = chunk_classes(text);
        assert_eq!(class_at(&chunks, 0), Title);
        assert_eq!(class_at(&chunks, 6), Upper);
        assert_eq!(class_at(&chunks, 10), Lower);
    }
}
