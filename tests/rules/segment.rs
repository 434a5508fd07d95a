//! The sentence splitter: one case per rule, and properties over arbitrary
//! Unicode text.

use proptest::prelude::*;
use quotelink::segment::SentenceSplitter;

/// This module's tests, run by `main` as `segment::NAME`.
pub const TESTS: &[(&str, fn())] = tests![
    plain_sentences,
    quote_followed_by_attribution_is_one_sentence,
    sentence_ending_inside_a_quote_keeps_its_closing_mark,
    titles_never_end_a_sentence,
    acronyms_and_months_end_a_sentence_only_before_an_opener,
    initials_stay_with_the_name,
    decimals_and_ellipses,
    line_breaks_always_end_a_sentence,
    a_quote_followed_by_its_attribution_is_one_sentence,
    lower_case_continuation_does_not_split,
    a_list_items_number_stays_with_its_item,
    closing_marks_alone_at_a_line_end_stay_with_the_sentence,
    sentences_cover_the_text_without_loss_or_overlap,
];

fn sentences(text: &str) -> Vec<&str> {
    SentenceSplitter
        .split(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[track_caller]
fn splits(text: &str, expected: &[&str]) {
    assert_eq!(sentences(text), expected, "splitting {text:?}");
}

fn a_list_items_number_stays_with_its_item() {
    splits(
        "1. Jesper Ronnback (Sweden) 25.76 points\n12. The GOP is fracturing.",
        &[
            "1. Jesper Ronnback (Sweden) 25.76 points",
            "12. The GOP is fracturing.",
        ],
    );
    // A number that ends a sentence still ends it.
    splits(
        "He was born in 1946. She was not. Turnout fell 3. Why?",
        &[
            "He was born in 1946.",
            "She was not.",
            "Turnout fell 3.",
            "Why?",
        ],
    );
    splits("  7. Chris Christie.", &["7. Chris Christie."]);
}

fn closing_marks_alone_at_a_line_end_stay_with_the_sentence() {
    splits(
        "It made it hard for us . '\nThey left . \" )",
        &["It made it hard for us . '", "They left . \" )"],
    );
    // Mid-line, a detached mark may open the next quotation: the rule
    // holds at the line's end only.
    splits("We won . ' He left .", &["We won .", "' He left ."]);
}

fn plain_sentences() {
    splits(
        "The vote passed. Nobody objected! Was it fair? Yes.",
        &[
            "The vote passed.",
            "Nobody objected!",
            "Was it fair?",
            "Yes.",
        ],
    );
}

fn quote_followed_by_attribution_is_one_sentence() {
    splits("\"We will win,\" he said.", &["\"We will win,\" he said."]);
    splits(
        "“Will we win?” she asked. “Yes!” he replied.",
        &["“Will we win?” she asked.", "“Yes!” he replied."],
    );
}

fn sentence_ending_inside_a_quote_keeps_its_closing_mark() {
    splits(
        "He said: \"We will win.\" Then he left.",
        &["He said: \"We will win.\"", "Then he left."],
    );
    splits(
        "She said: “It is over.” The crowd cheered.",
        &["She said: “It is over.”", "The crowd cheered."],
    );
    splits(
        "He called it ‘absurd.’ Nobody laughed.",
        &["He called it ‘absurd.’", "Nobody laughed."],
    );
}

fn titles_never_end_a_sentence() {
    for title in [
        "Mr.", "Mrs.", "Dr.", "Sen.", "Gov.", "Rep.", "Gen.", "Prof.", "St.",
    ] {
        let text = format!("We met {title} Jones today. He smiled.");
        splits(
            &text,
            &[&format!("We met {title} Jones today."), "He smiled."],
        );
    }
}

fn acronyms_and_months_end_a_sentence_only_before_an_opener() {
    splits(
        "The U.S. Senate voted. It was close.",
        &["The U.S. Senate voted.", "It was close."],
    );
    splits(
        "He moved to the U.K. The move was quiet.",
        &["He moved to the U.K.", "The move was quiet."],
    );
    splits(
        "It opened on Jan. 5 and closed on Dec. 20.",
        &["It opened on Jan. 5 and closed on Dec. 20."],
    );
    splits(
        "He works for Apple Inc. The company agreed.",
        &["He works for Apple Inc.", "The company agreed."],
    );
    splits(
        "Acme Corp. Chief Executive Lee spoke.",
        &["Acme Corp. Chief Executive Lee spoke."],
    );
    splits(
        "It was item No. 4 on the list.",
        &["It was item No. 4 on the list."],
    );
}

fn initials_stay_with_the_name() {
    splits(
        "J. K. Rowling wrote it. John F. Kennedy read it.",
        &["J. K. Rowling wrote it.", "John F. Kennedy read it."],
    );
}

fn decimals_and_ellipses() {
    splits(
        "Growth was 3.5 percent. Prices rose 1.2 points.",
        &["Growth was 3.5 percent.", "Prices rose 1.2 points."],
    );
    splits(
        "He paused... and went on. Then... The end.",
        &["He paused... and went on.", "Then...", "The end."],
    );
    splits("Wait … what happened?", &["Wait … what happened?"]);
}

fn line_breaks_always_end_a_sentence() {
    splits(
        "Headline without a period\nBody text starts here.\n\nSecond paragraph",
        &[
            "Headline without a period",
            "Body text starts here.",
            "Second paragraph",
        ],
    );
}

fn a_quote_followed_by_its_attribution_is_one_sentence() {
    splits(
        "“Who would have believed it?” Trump said, smiling. He left.",
        &[
            "“Who would have believed it?” Trump said, smiling.",
            "He left.",
        ],
    );
    splits(
        "“We won!” The crowd cheered.",
        &["“We won!”", "The crowd cheered."],
    );
}

fn lower_case_continuation_does_not_split() {
    splits(
        "\"Why now?\" asked the senator. \"Because!\" said another.",
        &[
            "\"Why now?\" asked the senator.",
            "\"Because!\" said another.",
        ],
    );
}

proptest! {
    fn sentences_cover_the_text_without_loss_or_overlap(text in "\\PC{0,200}|[a-zA-Z .!?\"“”'’\n]{0,200}") {
        let ranges = SentenceSplitter.split(&text);
        let mut at = 0;
        for range in &ranges {
            prop_assert!(range.start >= at, "overlap or disorder at {:?}", range);
            prop_assert!(range.start < range.end, "empty sentence");
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            prop_assert!(text[at..range.start].trim().is_empty(), "lost text before {:?}", range);
            let sentence = &text[range.clone()];
            prop_assert_eq!(sentence.trim(), sentence, "untrimmed sentence");
            at = range.end;
        }
        prop_assert!(text[at..].trim().is_empty(), "lost text at the end");
    }
}
