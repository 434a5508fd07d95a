//! Tests of the page: markup for quotes, cues and mentions, the legend and
//! contents, and escaping of everything that comes from the input.

use super::*;
use crate::output::{DocumentRecord, ErrorRecord};
use crate::{corpus, Document, Pipeline};

/// The rule stage's record for `text` (no model: names from capitals).
fn annotate(id: &str, text: &str) -> DocumentRecord {
    let mut docs = [Document::new(id, text)];
    corpus::annotate(&Pipeline::without_model(), &mut docs).unwrap();
    DocumentRecord::from(&docs[0])
}

fn page(docs: &[(&str, &str)]) -> String {
    let mut out = Vec::new();
    let mut sink = HtmlSink::new(&mut out);
    for (id, text) in docs {
        let record = Record::Document(annotate(id, text));
        sink.record(&record, Some(text)).unwrap();
    }
    sink.finish().unwrap();
    String::from_utf8(out).unwrap()
}

const MAYOR: &str = "\"We will win,\" said Jane Smith, the mayor of Springfield. \
She said that the budget would pass. The bill is expected to pass, officials \
said. \"It is done,\" Tom Brown told reporters. Sanders appears to have a lead. \
\"Tom Brown knows it,\" Smith said.";

/// The part of the page between `<main>` and `</main>`.
fn main_part(page: &str) -> &str {
    let start = page.find("<main>").unwrap();
    let end = page.find("</main>").unwrap();
    &page[start..end]
}

#[test]
fn a_document_section_marks_quotes_cues_and_mentions() {
    let html = page(&[("mayor.txt", MAYOR)]);
    insta::assert_snapshot!(main_part(&html));
}

#[test]
fn every_quote_has_one_focusable_highlight_and_tags_balance() {
    let record = annotate("mayor.txt", MAYOR);
    let html = page(&[("mayor.txt", MAYOR)]);
    let main = main_part(&html);
    assert!(record.quotes.len() >= 3, "{:?}", record.quotes);
    assert_eq!(main.matches("tabindex=\"0\">").count(), record.quotes.len());
    assert_eq!(
        main.matches("<mark ").count(),
        main.matches("</mark>").count()
    );
    assert_eq!(
        main.matches("<span ").count(),
        main.matches("</span>").count()
    );
    let unattributed = record
        .quotes
        .iter()
        .filter(|q| q.speaker_id.is_none())
        .count();
    assert_eq!(main.matches("class=\"q none\"").count(), unattributed);
}

#[test]
fn contents_appear_with_several_documents_only() {
    let one = page(&[("a.txt", MAYOR)]);
    assert!(!one.contains("<nav class=\"contents\""));
    assert!(one.contains("<title>quotelink: a.txt</title>"));
    let two = page(&[("a.txt", MAYOR), ("b.txt", "Nothing was said here.")]);
    assert!(two.contains("<nav class=\"contents\""));
    assert!(two
        .contains("<a href=\"#d2\">b.txt</a> <span class=\"facts\">0 quotes · 0 speakers</span>"));
    assert!(two.contains("<section class=\"doc\" id=\"d2\">"));
}

const PAYLOADS: [&str; 4] = [
    "<script>window.pwned = 1</script>",
    "\"><img src=x onerror=\"window.pwned = 2\">",
    "'><svg onload='window.pwned = 3'>",
    "</mark></section><iframe src=\"javascript:window.pwned = 4\"></iframe>",
];

#[test]
fn input_text_and_ids_are_escaped_everywhere() {
    let text: String = PAYLOADS
        .iter()
        .map(|p| format!("\"{p} is it,\" said Jane {p} Smith. "))
        .collect();
    let mut out = Vec::new();
    let mut sink = HtmlSink::new(&mut out);
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let id = format!("{payload}{i}");
        let record = Record::Document(annotate(&id, &text));
        sink.record(&record, Some(&text)).unwrap();
        let error = ErrorRecord {
            id: id.clone(),
            error: format!("bad {payload}"),
            meta: None,
        };
        sink.record(&Record::Error(error), None).unwrap();
    }
    sink.finish().unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(html.contains("class=\"q "), "quotes were found");
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    for tag in ["<img", "<svg", "<iframe", "</section><"] {
        assert!(!html.contains(tag), "{tag} got through");
    }
    assert_eq!(
        html.matches("<section").count(),
        html.matches("</section>").count()
    );
    assert!(html.contains("&lt;script&gt;window.pwned = 1&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;"));
}

#[test]
fn a_record_that_does_not_fit_its_text_is_reported_not_drawn() {
    let record = Record::Document(annotate("a.txt", MAYOR));
    let mut out = Vec::new();
    let mut sink = HtmlSink::new(&mut out);
    sink.record(&record, Some("Too short.")).unwrap();
    sink.record(&record, None).unwrap();
    assert_eq!(sink.failed_renders(), 2);
    sink.finish().unwrap();
    let html = String::from_utf8(out).unwrap();
    let expected = format!(
        "not shown: the text has 10 code points but the record says {}",
        MAYOR.chars().count()
    );
    assert!(html.contains(&expected), "{html}");
    assert!(html.contains("not shown: the document&#39;s text is missing"));
    assert!(!html.contains("<mark"));
}

#[test]
fn quotes_carried_by_other_documents_link_to_their_cluster() {
    let quote = "\"We will rebuild the bridge before the winter comes, and nobody will pay more,\"";
    let a = format!("{quote} Jane Smith said.");
    let b = "Jane Smith said on Monday. \"We will rebuild the bridge before the winter comes.\""
        .to_owned();
    let c = "\"It is late,\" Tom Brown said.".to_owned();
    let html = page(&[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)]);
    let main = main_part(&html);
    assert_eq!(main.matches("<section class=\"repeated\"").count(), 1);
    let listed = main.split("<section class=\"doc\"").next().unwrap();
    assert!(listed.contains("2 documents"), "{listed}");
    assert!(
        listed.contains("href=\"#d1-q") && listed.contains("href=\"#d2-q"),
        "{listed}"
    );
    assert!(!listed.contains("#d3-"), "c.txt's quote is its own");
    assert_eq!(
        main.matches("<a class=\"carried\" href=\"#c1\">also in 1 other document</a>")
            .count(),
        2
    );
    assert!(!page(&[("a.txt", &a)]).contains("class=\"repeated\""));
}
