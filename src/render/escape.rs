//! HTML escaping: the one function every piece of article text, id, name
//! and attribute value passes through on its way into a page.

use std::borrow::Cow;

/// Escapes `&`, `<`, `>`, `"` and `'`, so that the result is inert both as
/// element text and inside a quoted attribute value. Borrows when there
/// is nothing to escape.
pub fn escape(text: &str) -> Cow<'_, str> {
    let special = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'');
    let Some(first) = text.find(special) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#""><img src=x onerror='alert(1)'> & <script>"#),
            "&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt; &amp; &lt;script&gt;"
        );
    }

    #[test]
    fn leaves_plain_text_borrowed_and_unicode_intact() {
        assert!(matches!(escape("Hello, world"), Cow::Borrowed(_)));
        assert_eq!(escape("«Olá» — 東京 & co"), "«Olá» — 東京 &amp; co");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn escaped_text_holds_no_markup_characters() {
        let nasty = "</section><script>x</script>\"'&amp;";
        let escaped = escape(nasty);
        assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped}");
        assert_eq!(escaped.matches('&').count(), 9);
    }
}
