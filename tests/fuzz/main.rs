//! Fuzzing the sentence splitter and the rule stage, in process and
//! without the model, on generated documents (see `generate.rs`). A
//! stand-in recogniser marks capitalised words as entities so that the
//! rules that need names run too.
//!
//! `cargo test --test fuzz` runs 10^4 documents from a fixed seed;
//! `scripts/fuzz.sh N [SEED]` runs N from any seed (the ignored test,
//! reading `QUOTELINK_FUZZ_CASES` and `QUOTELINK_FUZZ_SEED`). A failure
//! names the seed of the failing document: rerun it alone with
//! `scripts/fuzz.sh 1 SEED`.

mod generate;
mod invariants;
mod shrink;

use quotelink::corpus::{annotate_each, decode_text, DEFAULT_MAX_BYTES};
use quotelink::model::{Entity, EntityLabel};
use quotelink::ner::EntityRecognizer;
use quotelink::output::DocumentRecord;
use quotelink::{Document, Error, Pipeline};

/// Documents annotated together, as the corpus driver does.
const BATCH: u64 = 64;

#[test]
fn ten_thousand_generated_documents() {
    let seed = env_u64("QUOTELINK_FUZZ_SEED").unwrap_or(0x5eed_f022);
    fuzz(seed, 10_000);
}

/// Shrunk documents that once broke an invariant, one per bug fixed.
const REGRESSIONS: &[&str] = &[
    // A single-mark span around a double quote: parts outside the quote.
    "'s \"س\"o J’",
    // A multi-paragraph quote starting inside a report, joined to it:
    // parts overlapped.
    "l told„n“e t w 0 s s l d\n'″'",
];

#[test]
fn past_failures_keep_the_invariants() {
    let pipeline = Pipeline::without_model().with_recognizer(Box::new(CapitalisedNames));
    for text in REGRESSIONS {
        let found = problems_in(&pipeline, text);
        assert!(found.is_empty(), "{text:?}: {}", found.join("\n"));
    }
}

#[test]
#[ignore = "long: run through scripts/fuzz.sh N"]
fn n_generated_documents() {
    let seed = env_u64("QUOTELINK_FUZZ_SEED").unwrap_or_else(|| fastrand::u64(..));
    let cases = env_u64("QUOTELINK_FUZZ_CASES").unwrap_or(10_000);
    fuzz(seed, cases);
}

fn env_u64(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .parse()
            .unwrap_or_else(|e| panic!("{name}={value}: {e}")),
    )
}

/// Runs `cases` documents, the one numbered `i` generated from seed
/// `seed + i`, on one rayon thread and on three, and checks the
/// invariants and that both runs agree.
fn fuzz(seed: u64, cases: u64) {
    eprintln!("fuzz: {cases} documents from seed {seed}");
    let pipeline = Pipeline::without_model().with_recognizer(Box::new(CapitalisedNames));
    let pools = [1, 3].map(|n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("thread pool")
    });
    let mut checked = 0u64;
    for first in (0..cases).step_by(BATCH as usize) {
        let seeds: Vec<u64> = (first..cases.min(first + BATCH))
            .map(|i| seed.wrapping_add(i))
            .collect();
        let texts: Vec<String> = seeds
            .iter()
            .map(|&s| generate::document(&mut fastrand::Rng::with_seed(s)))
            .collect();
        let [one, three] = [&pools[0], &pools[1]].map(|pool| {
            let mut docs = documents(&seeds, &texts);
            let outcomes = pool.install(|| annotate_each(&pipeline, &mut docs));
            (docs, outcomes)
        });
        for (i, (doc, outcome)) in one.0.iter().zip(&one.1).enumerate() {
            let case_seed: u64 = doc.id.parse().expect("the id is the seed");
            let fail = |what: String, text: &str| -> ! {
                panic!(
                    "document from seed {case_seed} (run {seed}): {what}\ntext: {text:?}\nrerun: scripts/fuzz.sh 1 {case_seed}"
                )
            };
            let found = problems(doc, outcome);
            if !found.is_empty() {
                let small = shrink::shrink(&doc.text, |t| !problems_in(&pipeline, t).is_empty());
                let what = problems_in(&pipeline, &small).join("\n");
                fail(
                    format!("{}\nshrunk to: {small:?}: {what}", found.join("\n")),
                    &doc.text,
                );
            }
            let other = DocumentRecord::from(&three.0[i]);
            if DocumentRecord::from(doc) != other {
                fail("1 and 3 threads differ".into(), &doc.text);
            }
            checked += 1;
        }
    }
    eprintln!(
        "fuzz: {checked} documents checked ({} skipped as empty)",
        cases - checked
    );
}

/// What is wrong with an annotated document.
fn problems(doc: &Document, outcome: &Result<(), Error>) -> Vec<String> {
    match outcome {
        Err(error) => vec![error.to_string()],
        Ok(()) => invariants::violations(doc, &DocumentRecord::from(doc)),
    }
}

/// What is wrong with `text` once annotated on its own.
fn problems_in(pipeline: &Pipeline, text: &str) -> Vec<String> {
    let mut docs = [Document::new("shrink", text)];
    let outcome = annotate_each(pipeline, &mut docs).remove(0);
    problems(&docs[0], &outcome)
}

/// The generated texts that pass the input checks, as documents whose id
/// is their seed. Only empty ones may fail: the generator uses no control
/// character that the binary check rejects.
fn documents(seeds: &[u64], texts: &[String]) -> Vec<Document> {
    seeds
        .iter()
        .zip(texts)
        .filter_map(|(seed, text)| {
            match decode_text(text.clone().into_bytes(), DEFAULT_MAX_BYTES) {
                Ok(text) => Some(Document::new(seed.to_string(), text)),
                Err(Error::Empty) => None,
                Err(error) => {
                    panic!("seed {seed}: the generator made invalid input: {error}\n{text:?}")
                }
            }
        })
        .collect()
}

/// A stand-in for the model: each run of capitalised words inside a
/// sentence is an entity, labelled by its length and first letter.
struct CapitalisedNames;

impl EntityRecognizer for CapitalisedNames {
    fn recognize(&self, docs: &mut [Document]) -> Result<(), Error> {
        for doc in docs {
            let mut entities = Vec::new();
            for sentence in &doc.sentences {
                let start = sentence.byte.start;
                let mut run: Option<(usize, usize)> = None;
                let words = doc.text[sentence.byte.clone()].split_whitespace();
                for word in words {
                    let at = word.as_ptr() as usize - doc.text.as_ptr() as usize;
                    let capital = word.chars().next().is_some_and(char::is_uppercase);
                    match (capital, run) {
                        (true, Some((s, _))) => run = Some((s, at + word.len())),
                        (true, None) => run = Some((at, at + word.len())),
                        (false, Some(r)) => entities.push(entity(doc, r)),
                        (false, None) => {}
                    }
                    debug_assert!(at >= start);
                }
                if let Some(r) = run {
                    entities.push(entity(doc, r));
                }
            }
            doc.entities = entities;
        }
        Ok(())
    }
}

fn entity(doc: &Document, (start, end): (usize, usize)) -> Entity {
    let text = &doc.text[start..end];
    let label = EntityLabel::ALL[(text.len() + text.chars().count()) % 4];
    Entity {
        span: doc.span(start..end),
        label,
        score: 0.9,
    }
}
