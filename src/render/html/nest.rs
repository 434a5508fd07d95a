//! Turns overlapping character spans into valid nested HTML: a sorted list
//! of span boundaries is walked once, and a span that crosses another is
//! closed and reopened around it, so every element closes inside its
//! parent.

use crate::render::escape::escape;

/// One span to wrap in an element. Offsets are code points, half-open.
#[derive(Debug, Clone)]
pub struct Mark {
    /// Start, inclusive.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Breaks ties between spans with the same range: lower is outer.
    pub rank: u8,
    /// The opening tag of the span's first piece.
    pub open: String,
    /// The opening tag of any later piece, after a split.
    pub reopen: String,
    /// The closing tag.
    pub close: &'static str,
}

/// Writes `text`, escaped, with every mark wrapped around its span. Marks
/// that are empty or reach past the end of the text are left out.
pub fn nest(text: &str, marks: &[Mark], out: &mut String) {
    let len = text.chars().count();
    let mut order: Vec<usize> = (0..marks.len())
        .filter(|&i| marks[i].start < marks[i].end && marks[i].end <= len)
        .collect();
    // Outer spans first: earlier start, then later end, then lower rank.
    order.sort_by_key(|&i| {
        let m = &marks[i];
        (m.start, std::cmp::Reverse(m.end), m.rank, i)
    });
    let mut bounds: Vec<usize> = order
        .iter()
        .flat_map(|&i| [marks[i].start, marks[i].end])
        .chain([0, len])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let bytes = byte_offsets(text, &bounds);

    // `open` is the stack of open marks, always sorted like `order`: a mark
    // that starts later sorts after every mark already open.
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0;
    for (b, &at) in bounds.iter().enumerate() {
        // Close every mark from the first one that ends here, then reopen
        // the ones above it that go on.
        if let Some(cut) = open.iter().position(|&i| marks[i].end == at) {
            for &i in open[cut..].iter().rev() {
                out.push_str(marks[i].close);
            }
            let above: Vec<usize> = open.drain(cut..).collect();
            for i in above.into_iter().filter(|&i| marks[i].end > at) {
                out.push_str(&marks[i].reopen);
                open.push(i);
            }
        }
        while next < order.len() && marks[order[next]].start == at {
            out.push_str(&marks[order[next]].open);
            open.push(order[next]);
            next += 1;
        }
        if let Some(&end) = bytes.get(b + 1) {
            out.push_str(&escape(&text[bytes[b]..end]));
        }
    }
    debug_assert!(open.is_empty());
}

/// The byte offset of each code-point offset in `sorted`.
fn byte_offsets(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut want = sorted.iter().peekable();
    for (chars, (byte, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
        while want.next_if(|&&c| c == chars).is_some() {
            out.push(byte);
        }
        if want.peek().is_none() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn mark(start: usize, end: usize, name: &str) -> Mark {
        Mark {
            start,
            end,
            rank: 0,
            open: format!("<{name}>"),
            reopen: format!("<{name}+>"),
            close: Box::leak(format!("</{name}>").into_boxed_str()),
        }
    }

    fn render(text: &str, marks: &[Mark]) -> String {
        let mut out = String::new();
        nest(text, marks, &mut out);
        out
    }

    #[test]
    fn nested_spans_stay_nested() {
        let marks = [mark(0, 11, "q"), mark(4, 7, "m")];
        assert_eq!(render("one two six", &marks), "<q>one <m>two</m> six</q>");
    }

    #[test]
    fn crossing_spans_are_split_and_reopened() {
        let marks = [mark(0, 7, "a"), mark(4, 11, "b")];
        assert_eq!(
            render("one two six", &marks),
            "<a>one <b>two</b></a><b+> six</b>"
        );
    }

    #[test]
    fn an_inner_span_that_ends_first_closes_alone() {
        let marks = [mark(0, 3, "m"), mark(0, 7, "q"), mark(8, 11, "c")];
        assert_eq!(
            render("one two six", &marks),
            "<q><m>one</m> two</q> <c>six</c>"
        );
    }

    #[test]
    fn escapes_text_and_counts_code_points() {
        let marks = [mark(1, 3, "q")];
        assert_eq!(render("é<b>é", &marks), "é<q>&lt;b</q>&gt;é");
    }

    #[test]
    fn leaves_out_empty_and_overlong_marks() {
        let marks = [mark(2, 2, "e"), mark(1, 99, "x")];
        assert_eq!(render("abc", &marks), "abc");
    }

    /// Checks that tags balance and returns the text with tags removed.
    fn strip_balanced(html: &str) -> Result<String, String> {
        let mut stack = Vec::new();
        let mut text = String::new();
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            text.push_str(&rest[..lt]);
            let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
            let tag = &rest[lt + 1..gt];
            match tag.strip_prefix('/') {
                Some(name) => match stack.pop() {
                    Some(open) if open == name => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                },
                None => stack.push(tag.trim_end_matches('+').to_owned()),
            }
            rest = &rest[gt + 1..];
        }
        text.push_str(rest);
        match stack.is_empty() {
            true => Ok(text),
            false => Err(format!("left open: {stack:?}")),
        }
    }

    proptest! {
        #[test]
        fn any_spans_give_balanced_markup_around_the_whole_text(
            text in "[a-c é<&]{0,30}",
            spans in prop::collection::vec((0usize..32, 0usize..32), 0..8),
        ) {
            let marks: Vec<Mark> = spans
                .iter()
                .enumerate()
                .map(|(i, &(a, b))| mark(a.min(b), a.max(b), &format!("t{i}")))
                .collect();
            let html = render(&text, &marks);
            let stripped = strip_balanced(&html).map_err(TestCaseError::fail)?;
            prop_assert_eq!(stripped, escape(&text).into_owned());
            let len = text.chars().count();
            for (i, m) in marks.iter().enumerate() {
                let shown = m.start < m.end && m.end <= len;
                prop_assert_eq!(html.contains(&format!("<t{i}>")), shown);
            }
        }
    }
}
