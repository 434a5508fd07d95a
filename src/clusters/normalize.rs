//! Quote text to the word tokens the matching compares: case folded,
//! apostrophes inside a word dropped (`don't`, `don’t` and `DONT` are one
//! token), every other mark a separator, so that curly or straight
//! quotation marks, ellipses, dashes and the edges' punctuation all
//! vanish; each token is kept as a 64-bit hash (FNV-1a, stable across
//! runs and machines).

/// FNV-1a's offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a's prime.
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Apostrophes, straight and curly, that join the two halves of a word.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

/// The hashed tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in lower.encode_utf8(&mut buf).as_bytes() {
                    hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                }
            }
            in_word = true;
            continue;
        }
        let joins = is_apostrophe(c) && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if in_word && !joins {
            out.push(hash);
            hash = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        out.push(hash);
    }
    out
}

/// A 64-bit mix (splitmix64's finaliser): spreads the bits of `x`.
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One hash of a whole token sequence (and of `extra`, such as a speaker,
/// where the key needs it): equal for texts that normalise alike.
pub fn key(tokens: &[u64], extra: Option<&str>) -> u64 {
    let mut h = FNV_OFFSET;
    for &t in tokens {
        h = mix(h ^ t);
    }
    if let Some(extra) = extra {
        h = mix(h ^ 0x5bd1_e995);
        for t in self::tokens(extra) {
            h = mix(h ^ t);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_case_and_apostrophes_fold() {
        let plain = tokens("we don't want it. we will win");
        assert_eq!(plain.len(), 7);
        assert_eq!(
            tokens("“We DON’T want it … we will win,”"),
            plain,
            "curly marks, case, an ellipsis and the edges' punctuation vanish"
        );
        assert_eq!(tokens("\"We don't want it -- we will win.\""), plain);
        assert_ne!(tokens("we do not want it. we will win"), plain);
    }

    #[test]
    fn edge_apostrophes_and_other_marks_separate() {
        assert_eq!(tokens("'hello' world's"), tokens("hello worlds"));
        assert_eq!(tokens("well-known"), tokens("well known"));
        assert!(tokens(" … -- ").is_empty());
        assert_eq!(tokens("Ünïcode"), tokens("ünïcode"));
    }

    #[test]
    fn keys_follow_tokens_and_the_extra() {
        let a = tokens("We will win");
        assert_eq!(key(&a, None), key(&tokens("“we will WIN”"), None));
        assert_ne!(key(&a, None), key(&tokens("we will lose"), None));
        assert_ne!(key(&a, Some("Jane Smith")), key(&a, Some("Tom Brown")));
        assert_eq!(key(&a, Some("Jane Smith")), key(&a, Some("jane  smith")));
        assert_ne!(key(&a, None), key(&a, Some("Jane Smith")));
    }
}
