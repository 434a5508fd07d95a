//! A structure-aware generator of news-like documents for fuzzing: quotes
//! with cues and speakers built from templates, then stressed with every
//! kind of quotation mark (balanced or not), titles, dashes, colons, line
//! breaks, very long runs, non-Latin scripts, combining marks, right-to-left
//! text, emoji and the control characters that pass the binary check.

use fastrand::Rng;

const NAMES: &[&str] = &[
    "Maria Delgado",
    "Smith",
    "John O'Neill",
    "Zoë Šimić",
    "Jean-Luc Picard",
    "Li Wei",
    "Владимир Путин",
    "محمد علي",
    "Ms. Warren",
    "Dr. Anand",
    "Nguyễn Văn An",
    "MacDonald",
    "the United Nations",
    "Acme Inc.",
    "U.S. Senate",
    "Sen. Bernie Sanders",
    "the senator",
    "a spokesman",
    "officials",
    "the diplomat",
    "President Obama",
    "Gov. Jerry Brown Jr.",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They", "it", "I", "we"];
const CUES: &[&str] = &[
    "said",
    "says",
    "told reporters",
    "added",
    "argued",
    "wrote",
    "believes",
    "claimed",
    "insisted",
    "asked",
    "noted",
    "explained",
    "warned",
    "according to",
    "stated",
    "tweeted",
    "said in a statement",
    "is expected to",
    "appears to",
    "declared",
];
const WORDS: &[&str] = &[
    "the",
    "vote",
    "will",
    "pass",
    "we",
    "never",
    "back",
    "down",
    "on",
    "tax",
    "policy",
    "it",
    "was",
    "a",
    "mistake",
    "and",
    "people",
    "who",
    "close",
    "schools",
    "Jan.",
    "U.S.",
    "3.5",
    "1,000",
    "percent",
    "e.g.",
    "Mr.",
    "No.",
    "St.",
    "it's",
    "don't",
    "'90s",
    "rock'n'roll",
    "Washington",
    "Tuesday",
    "campaign",
    "election",
    "win",
    "lose",
    "that",
    "about",
    "...",
    "—",
    "–",
    "-",
    ":",
    ";",
    "(",
    ")",
    "[",
    "]",
    "?",
    "!",
    "…",
    "&",
    "%",
    "$5",
    "@user",
    "#tag",
];
const FOREIGN: &[&str] = &[
    "他说，“我们会赢。”",
    "「これは問題だ」と彼は言った。",
    "«Мы победим», — сказал он.",
    "قال الرئيس: \"سننتصر\".",
    "\u{5d0}\u{5de}\u{5e8} \u{5d4}\u{5e9}\u{5e8}",
    "नमस्ते दुनिया",
    "สวัสดีครับ",
    "Ελλάδα είπε",
    "„Wir schaffen das“, sagte sie.",
    "‚Ja‘, sagte er.",
    "« Nous gagnerons », a-t-il dit.",
    "Ça va? Ça ira!",
    "한국어 문장입니다.",
];
const MARKS: &[&str] = &[
    "\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "『", "』", "″", "`",
    "``", "''", "‛", "‟", "❝", "❞", "＂",
];
const PAIRS: &[(&str, &str)] = &[
    ("\"", "\""),
    ("“", "”"),
    ("'", "'"),
    ("‘", "’"),
    ("«", "»"),
    ("„", "“"),
    ("‹", "›"),
    ("「", "」"),
    ("``", "''"),
    ("« ", " »"),
    ("»", "«"),
    ("”", "“"),
];
/// Characters outside the Latin script, or that stress offsets: combining
/// marks, bidi controls, emoji sequences, C1 controls, odd spaces.
const ODD: &[&str] = &[
    "e\u{301}",
    "o\u{308}\u{304}",
    "\u{300}",
    "\u{200d}",
    "\u{200b}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{202c}",
    "\u{2066}",
    "\u{2069}",
    "\u{feff}",
    "\u{ad}",
    "\u{85}",
    "\u{9c}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "\u{2009}",
    "👍🏽",
    "👨‍👩‍👧",
    "🇺🇸",
    "❤️",
    "🙂",
    "\u{fffd}",
    "\u{10ffff}",
    "𝐀𝐁",
    "ﬁ",
    "Ⅻ",
    "ǅ",
    "İ",
    "ß",
    "ẞ",
    "\t",
    "\x0c",
    "\r",
    "\r\n",
];
const BREAKS: &[&str] = &[
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\x0c", "\u{2029}",
];

/// Generates one document from `rng`.
pub fn document(rng: &mut Rng) -> String {
    let mut out = String::new();
    let paragraphs = 1 + rng.usize(..6);
    for p in 0..paragraphs {
        if p > 0 {
            out.push_str(pick(rng, BREAKS));
        }
        let sentences = 1 + rng.usize(..4);
        for s in 0..sentences {
            if s > 0 {
                out.push_str(if rng.u8(..10) == 0 { "  " } else { " " });
            }
            sentence(rng, &mut out);
        }
    }
    if rng.u8(..20) == 0 {
        long_run(rng, &mut out);
    }
    for _ in 0..rng.usize(..4) {
        mutate(rng, &mut out);
    }
    out
}

/// One sentence from a template.
fn sentence(rng: &mut Rng, out: &mut String) {
    let (open, close) = pick(rng, PAIRS);
    let speaker = speaker(rng);
    let cue = pick(rng, CUES);
    let a = clause(rng);
    let b = clause(rng);
    let text = match rng.u8(..14) {
        0 => format!("{open}{a},{close} {cue} {speaker}."),
        1 => format!("{open}{a},{close} {speaker} {cue}."),
        2 => format!("{speaker} {cue} that {a}."),
        3 => format!("{open}{a},{close} {speaker} {cue}, {open}{b}.{close}"),
        4 => format!("According to {speaker}, {a}."),
        5 => format!("{speaker}: {open}{a}{close}"),
        6 => format!("{speaker} {cue} {open}{a}{close} — {b}."),
        7 => format!("{open}{a}"),
        8 => format!("{a}{close} {cue} {speaker}"),
        9 => format!("{speaker} {cue}, {open}{a} {open}{b}{close} {a}.{close}"),
        10 => pick(rng, FOREIGN).to_string(),
        11 => format!("{}: {a}", a.to_uppercase()),
        12 => format!("{speaker}, {a}, {cue}: {b}?"),
        _ => format!("{a}."),
    };
    out.push_str(&text);
}

fn speaker(rng: &mut Rng) -> String {
    match rng.u8(..3) {
        0 => pick(rng, PRONOUNS).to_string(),
        _ => pick(rng, NAMES).to_string(),
    }
}

/// A few words, with now and then a stray mark, name or odd character.
fn clause(rng: &mut Rng) -> String {
    let mut words = Vec::new();
    for _ in 0..1 + rng.usize(..12) {
        let word = match rng.u8(..20) {
            0 => pick(rng, MARKS).to_string(),
            1 => pick(rng, NAMES).to_string(),
            2 => pick(rng, ODD).to_string(),
            3 => pick(rng, FOREIGN).to_string(),
            4 => pick(rng, CUES).to_string(),
            5 => format!("{}{}", pick(rng, WORDS), pick(rng, ODD)),
            _ => pick(rng, WORDS).to_string(),
        };
        words.push(word);
    }
    let sep = if rng.u8(..15) == 0 {
        pick(rng, ODD)
    } else {
        " "
    };
    words.join(sep)
}

/// A very long run of one piece: marks, dots, letters, spaces, breaks or
/// a repeated quote.
fn long_run(rng: &mut Rng, out: &mut String) {
    let piece = match rng.u8(..7) {
        0 => pick(rng, MARKS).to_string(),
        1 => ".".to_string(),
        2 => "a".to_string(),
        3 => pick(rng, BREAKS).to_string(),
        4 => "\"We will win,\" he said. ".to_string(),
        5 => pick(rng, ODD).to_string(),
        _ => " ".to_string(),
    };
    let times = 200 + rng.usize(..20_000 / piece.len().max(1));
    let at = boundary(rng, out);
    out.insert_str(at, &piece.repeat(times));
}

/// Inserts, deletes or duplicates something at a random char boundary.
fn mutate(rng: &mut Rng, out: &mut String) {
    let at = boundary(rng, out);
    match rng.u8(..4) {
        0 => out.insert_str(at, pick(rng, MARKS)),
        1 => out.insert_str(at, pick(rng, ODD)),
        2 => out.insert_str(at, pick(rng, BREAKS)),
        _ => {
            if let Some(c) = out[at..].chars().next() {
                out.replace_range(at..at + c.len_utf8(), "");
            }
        }
    }
}

/// A random char boundary of `text` (its length included).
fn boundary(rng: &mut Rng, text: &str) -> usize {
    let mut at = rng.usize(..=text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}
