//! Speaker mentions: the noun phrase that is the subject of a cue, before
//! it (`X said`) or after it (`said X`), with titles, appositives and
//! parentheticals that belong to it.

use std::ops::Range;

use crate::attribution::text::context::Context;
use crate::attribution::text::words::{
    is_function_word, is_name_joiner, pronoun, strip_possessive,
};
use crate::attribution::types::{Mention, MentionKind};
use crate::lexicon::Class;
use crate::lexicon::{is_day, is_time_word, lexicon};
use crate::model::EntityLabel;

/// Words that may stand between a subject and its verb ("X also said",
/// "X was not"), as written: adverbs in -ly are lower case. Finite forms
/// of "be" count too; "be" and "being" open an infinitive or a
/// participle.
pub fn is_verb_filler(word: &str) -> bool {
    let adverb = word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase);
    let lower = word.to_lowercase();
    lexicon().is(&lower, Class::VerbFiller)
        || lexicon().classes(&lower).has(Class::Be) && !matches!(lower.as_str(), "be" | "being")
        || lower == "on"
        || is_day(&lower)
        || adverb
}

/// The subject mention that ends right before `cue_start`, skipping
/// adverbs and auxiliaries; `floor` is the first token it may use.
pub fn mention_before(ctx: &Context, cue_start: usize, floor: usize) -> Option<Mention> {
    let mut end = cue_start;
    while end > floor && is_verb_filler(ctx.word(end - 1)) {
        end -= 1;
    }
    if end <= floor || ctx.ends_sentence(end - 1) || ctx.in_quote(end - 1) {
        return None;
    }
    // Appositive or relative clause: "X, the ambassador to Baku, said".
    if ctx.word(end - 1) == "," {
        let inner_end = end - 1;
        if let Some(m) = leading_subject(ctx, floor, inner_end) {
            return Some(m);
        }
        let comma = (floor..inner_end)
            .rev()
            .take(25)
            .find(|&i| ctx.word(i) == "," || ctx.ends_sentence(i) || ctx.in_quote(i))
            .filter(|&i| ctx.word(i) == ",")?;
        let head = head_before(ctx, comma, floor)?;
        if head.kind != MentionKind::Name && head.kind != MentionKind::Descriptor {
            return None;
        }
        return Some(with_appositive(ctx, head, comma + 1..inner_end));
    }
    let head = head_before(ctx, end, floor)?;
    before_adjunct(ctx, head, floor)
}

/// The subject before a prepositional phrase when `head` is a descriptor
/// that is that phrase's object (`Trump at the time said`, `The senator in
/// a statement said`), `head` itself
/// otherwise. Only a name, pronoun or role noun stands in for it; a role
/// that owns the phrase keeps it (`Officials at the Pentagon`).
fn before_adjunct(ctx: &Context, head: Mention, floor: usize) -> Option<Mention> {
    let start = head.tokens.start;
    let object = head.kind == MentionKind::Descriptor
        && start > floor
        && ctx.is(start - 1, Class::SubjectAdjunct);
    if !object || owner_phrase(ctx, start, head.tokens.end, floor).is_some() {
        return Some(head);
    }
    let subject = head_before(ctx, start - 1, floor).filter(|m| {
        let date = m
            .tokens
            .clone()
            .any(|i| is_day(ctx.word(i)) || is_time_word(&ctx.lower(i)));
        !date && (matches!(m.kind, MentionKind::Name | MentionKind::Pronoun) || !m.roles.is_empty())
    });
    Some(subject.unwrap_or(head))
}

/// Most tokens of a subject with its appositives and relative clauses.
const MAX_SUBJECT_TOKENS: usize = 45;

/// The name that opens a clause at `floor` (after a quote or at a sentence
/// start) with everything up to `inner_end` as its appositives: `"...,"
/// Scott Pruitt, the attorney general of Oklahoma, one of the states suing
/// the EPA, said`. The nearest comma alone would pick "Oklahoma".
fn leading_subject(ctx: &Context, floor: usize, inner_end: usize) -> Option<Mention> {
    let mut start = floor;
    while start < inner_end && (ctx.word(start) == "," || ctx.is_break(start)) {
        start += 1;
    }
    let clause_start = start == 0 || ctx.in_quote(start - 1) || ctx.ends_sentence(start - 1);
    if !clause_start || inner_end - start > MAX_SUBJECT_TOKENS || ctx.in_quote(start) {
        return None;
    }
    let mut head = head_after(ctx, start, inner_end)?;
    if head.kind != MentionKind::Name {
        return None;
    }
    // A possessive name heads a descriptor: "Scott's niece,".
    let mut after = head.tokens.end;
    if strip_possessive(ctx.word(after - 1)).is_some() {
        while after < inner_end
            && after - head.tokens.end < 3
            && lexicon().role(ctx.word(after)).is_some()
        {
            after += 1;
        }
    }
    head.tokens.end = after;
    if ctx.word(after) == "(" {
        after = (after..inner_end).find(|&i| ctx.word(i) == ")")? + 1;
    }
    // A dash or colon ends a dateline or a heading, not an appositive
    // (`BAKU, March 3 — Olena Kovalenko, the ambassador, said`).
    let clean = (start..inner_end).all(|i| {
        !ctx.in_quote(i) && !ctx.ends_sentence(i) && !ctx.is(i, Class::Dash) && ctx.word(i) != ":"
    });
    (ctx.word(after) == "," && after < inner_end && clean)
        .then(|| with_appositive(ctx, head, after + 1..inner_end))
}

/// The subject mention that starts at `start` (after an inverted cue:
/// `said X, the ambassador`), up to `limit`.
pub fn mention_after(ctx: &Context, start: usize, limit: usize) -> Option<Mention> {
    let head = head_after(ctx, start, limit)?;
    Some(with_appositive_after(ctx, head, limit))
}

/// Extends a mention over an appositive that follows it
/// (`X, the ambassador to Baku,`), up to `limit`.
fn with_appositive_after(ctx: &Context, head: Mention, limit: usize) -> Mention {
    let after = head.tokens.end;
    if ctx.word(after) == "," && after + 1 < limit {
        let opener = ctx.lower(after + 1);
        let appositive = matches!(opener.as_str(), "a" | "an" | "the" | "who" | "whose")
            || lexicon().role(&opener).is_some();
        if appositive {
            let end = (after + 1..limit)
                .find(|&i| ctx.word(i) == "," || ctx.ends_sentence(i) || ctx.in_quote(i))
                .unwrap_or(limit);
            return with_appositive(ctx, head, after + 1..end);
        }
    }
    head
}

/// Adds an appositive's tokens and role nouns to a mention.
fn with_appositive(ctx: &Context, mut head: Mention, appositive: Range<usize>) -> Mention {
    for i in appositive.clone() {
        add_role(ctx, &mut head, i);
    }
    // "Their lawyer, Jane Roe,": the name in the appositive names the speaker.
    let names_it = !appositive.is_empty()
        && appositive
            .clone()
            .all(|i| ctx.capitalised(i) || is_name_joiner(ctx, i));
    if head.kind == MentionKind::Descriptor && names_it {
        head.kind = MentionKind::Name;
        head.name = appositive.clone();
    }
    head.tokens = head.tokens.start..appositive.end.max(head.tokens.end);
    head
}

/// Records the role (and gender) a role noun at `i` gives a mention.
fn add_role(ctx: &Context, mention: &mut Mention, i: usize) {
    let word = ctx.lower(i);
    if let Some(role) = lexicon().role(&word) {
        let singular = if lexicon().role(&word).is_some() && !word.ends_with('s') {
            word
        } else {
            word.trim_end_matches('s').to_owned()
        };
        if !mention.roles.contains(&singular) {
            mention.roles.push(singular);
        }
        mention.gender = mention.gender.or(role.gender);
    }
}

/// A pronoun, name or descriptor ending right before `end`.
fn head_before(ctx: &Context, end: usize, floor: usize) -> Option<Mention> {
    if end <= floor {
        return None;
    }
    let last = end - 1;
    let word = ctx.word(last);
    if word == ")" {
        // "Sen. Jane Roe (D-Ill.) said": skip the parenthetical.
        let open = (floor..last).rev().take(8).find(|&i| ctx.word(i) == "(")?;
        let mut mention = head_before(ctx, open, floor)?;
        mention.tokens.end = end;
        return Some(mention);
    }
    if !ctx.tokens[last].is_word() {
        return None;
    }
    if let Some(gender) = pronoun(word) {
        return Some(Mention::simple(last..end, MentionKind::Pronoun, gender));
    }
    if let Some((range, label)) = ctx.entity_ending_at(end).cloned() {
        // Places and other names rarely speak: "Breitbart California
        // observed" is read as a capitalised run instead.
        let speaks = matches!(label, EntityLabel::Per | EntityLabel::Org);
        if range.start >= floor && speaks {
            let named = with_article(ctx, labelled(ctx, range, label, floor), floor);
            return Some(with_owner_phrase(ctx, named, floor));
        }
    }
    if ctx.capitalised(last) && !is_function_word(&ctx.lower(last)) {
        let mut start = last;
        while start > floor
            && (ctx.capitalised(start - 1) || is_name_joiner(ctx, start - 1))
            && !ctx.ends_sentence(start - 1)
        {
            start -= 1;
        }
        while is_function_word(&ctx.lower(start)) && start < last {
            start += 1;
        }
        if ctx.is(start, Class::Determiner) {
            start += 1;
        }
        return Some(with_article(
            ctx,
            name_mention(ctx, start..end, floor),
            floor,
        ));
    }
    descriptor_before(ctx, end, floor)
}

/// A name that completes a descriptor before it (`Lawyers for Halvern
/// Inc.`, `a spokesman for the ministry`): the descriptor speaks, not
/// the name.
fn with_owner_phrase(ctx: &Context, named: Mention, floor: usize) -> Mention {
    let start = named.tokens.start;
    let person_before = start >= floor + 2
        && lexicon()
            .role(&ctx.lower(start - 2))
            .is_some_and(|r| !r.organisation);
    if !person_before {
        return named;
    }
    owner_phrase(ctx, start, named.tokens.end, floor).unwrap_or(named)
}

/// The descriptor before a "for"/"of"/"at" right before `start`, stretched
/// to `end` (`a spokesman for the ministry`, `the mother of three`).
fn owner_phrase(ctx: &Context, start: usize, end: usize, floor: usize) -> Option<Mention> {
    if start < floor + 2 || !matches!(ctx.lower(start - 1).as_str(), "for" | "of" | "at") {
        return None;
    }
    let mut outer = descriptor_before(ctx, start - 1, floor)?;
    outer.tokens.end = end;
    Some(outer)
}

/// A common-noun phrase ending before `end`: back to its determiner,
/// through one "of"/"for" attachment ("a spokesman for the ministry").
fn descriptor_before(ctx: &Context, end: usize, floor: usize) -> Option<Mention> {
    let mut start = end;
    let mut steps = 0;
    while start > floor && steps < 6 {
        let w = ctx.lower(start - 1);
        if !ctx.tokens[start - 1].is_word() || ctx.in_quote(start - 1) {
            break;
        }
        start -= 1;
        steps += 1;
        if ctx.is(start, Class::Determiner) {
            break;
        }
        if is_function_word(&w) || lexicon().verbs(&w).iter().any(|_| w.ends_with("ed")) {
            start += 1;
            break;
        }
    }
    if start >= end {
        return None;
    }
    // "a spokesman for the ministry", "the mother of three": the phrase
    // before the preposition is the head.
    if let Some(outer) = owner_phrase(ctx, start, end, floor) {
        return Some(outer);
    }
    let head_word = ctx.lower(end - 1);
    let plausible = lexicon().role(&head_word).is_some()
        || ctx.is(start, Class::Determiner)
        || head_word.ends_with('s');
    if !plausible {
        return None;
    }
    let mut m = Mention::simple(start..end, MentionKind::Descriptor, None);
    for i in start..end {
        add_role(ctx, &mut m, i);
    }
    m.organisation = lexicon().role(&head_word).is_some_and(|r| r.organisation);
    Some(m)
}

/// A pronoun, name or descriptor starting at `start`, before `limit`.
pub fn head_after(ctx: &Context, start: usize, limit: usize) -> Option<Mention> {
    if start >= limit || !ctx.tokens[start].is_word() {
        return None;
    }
    if let Some(gender) = pronoun(ctx.word(start)) {
        return Some(Mention::simple(
            start..start + 1,
            MentionKind::Pronoun,
            gender,
        ));
    }
    if let Some((range, label)) = ctx.entity_starting_at(start).cloned() {
        return Some(labelled(
            ctx,
            range.start..range.end.min(limit),
            label,
            start,
        ));
    }
    // Lower-case modifiers before a name: "former Vermont governor Jane
    // Roe", "former secretary of state Hillary Clinton".
    let first_capital = (start..limit.min(start + MAX_NAME_MODIFIERS))
        .take_while(|&i| {
            ctx.tokens[i].is_word()
                && (!is_function_word(&ctx.lower(i))
                    || ctx.lower(i) == "of" && i > start && is_role_word(ctx, i - 1))
        })
        .find(|&i| ctx.capitalised(i))
        .unwrap_or(start);
    let mut end = first_capital;
    while end < limit
        && (ctx.capitalised(end)
            || is_name_joiner(ctx, end)
            || end > first_capital && is_role_word(ctx, end))
    {
        end += 1;
    }
    while end > first_capital && !ctx.capitalised(end - 1) {
        end -= 1;
    }
    if end > start {
        // The lower-case modifiers belong to the mention, not the name.
        let mut m = name_mention(ctx, first_capital..end, first_capital);
        m.tokens.start = start;
        for i in start..end {
            add_role(ctx, &mut m, i);
        }
        return Some(m);
    }
    if ctx.is(start, Class::DescriptorOpener) {
        let mut end = start + 1;
        while end < limit && ctx.tokens[end].is_word() && !is_function_word(&ctx.lower(end)) {
            end += 1;
        }
        if end > start + 1 {
            return Some(descriptor(ctx, start..end));
        }
    }
    None
}

/// Most lower-case words before a name that still belong to its mention.
const MAX_NAME_MODIFIERS: usize = 6;

/// A descriptor mention ("the former ambassador") with the roles of its
/// words; it names an organisation when its head noun is one.
pub fn descriptor(ctx: &Context, tokens: Range<usize>) -> Mention {
    let head = tokens.end - 1;
    let mut m = Mention::simple(tokens.clone(), MentionKind::Descriptor, None);
    for i in tokens {
        add_role(ctx, &mut m, i);
    }
    m.organisation = lexicon()
        .role(&ctx.lower(head))
        .is_some_and(|r| r.organisation);
    m
}

/// The mention of a named entity at `range`: titles before it and an
/// appositive after it included.
pub fn entity_mention(ctx: &Context, range: Range<usize>, label: EntityLabel) -> Mention {
    let floor = range.start.saturating_sub(6);
    let head = labelled(ctx, range, label, floor);
    let limit = (head.tokens.end..ctx.tokens.len())
        .find(|&i| ctx.ends_sentence(i))
        .unwrap_or(ctx.tokens.len());
    with_appositive_after(ctx, head, limit)
}

/// Whether token `i` is a lower-case role noun inside a name phrase
/// ("Vermont governor Jane Roe").
fn is_role_word(ctx: &Context, i: usize) -> bool {
    lexicon().role(ctx.word(i)).is_some()
}

/// The name mention of an entity with its label: organisations keep
/// their whole name ("Agriculture Ministry"), people lose their titles.
fn labelled(ctx: &Context, range: Range<usize>, label: EntityLabel, floor: usize) -> Mention {
    let mut m = name_mention(ctx, range.clone(), floor);
    m.organisation = label == EntityLabel::Org;
    if m.organisation {
        m.name = range;
    }
    m
}

/// Extends a mention over a "the" right before it ("the Agriculture
/// Ministry").
fn with_article(ctx: &Context, mut m: Mention, floor: usize) -> Mention {
    if m.tokens.start > floor && ctx.lower(m.tokens.start - 1) == "the" {
        m.tokens.start -= 1;
    }
    m
}

/// The mention that opens a sentence at `start`, before `limit`: a
/// pronoun or name, or an article with role nouns and names after it ("The
/// governor", "The Clinton campaign").
pub fn sentence_subject(ctx: &Context, start: usize, limit: usize) -> Option<Mention> {
    if ctx.is(start, Class::DescriptorOpener) {
        let end = (start + 1..limit)
            .find(|&i| !(ctx.capitalised(i) || is_role_word(ctx, i)))
            .unwrap_or(limit);
        if end == start + 1 {
            return None;
        }
        return Some(descriptor(ctx, start..end));
    }
    // A capitalised function word opens an adverbial, not a name ("In
    // 2012, ...", "When ..."), and a sentence may open with an
    // interjection or a lone adverb ("Wait, ...", "Ever since ...").
    let opener = is_function_word(&ctx.lower(start))
        || matches!(ctx.word(start + 1), "," | "’s" | "'s")
        || strip_possessive(ctx.word(start)).is_some();
    if opener {
        return None;
    }
    mention_after(ctx, start, limit).filter(|m| m.tokens.start == start)
}

/// A short phrase without article or capital ("court filings") from
/// `start` to `limit`, as a descriptor: the source after "according to".
pub fn bare_noun_phrase(ctx: &Context, start: usize, limit: usize) -> Option<Mention> {
    (limit - start <= MAX_BARE_PHRASE_WORDS)
        .then(|| noun_phrase(ctx, start, limit))
        .flatten()
}

/// Most words of a bare noun phrase.
const MAX_BARE_PHRASE_WORDS: usize = 5;

/// The words from `start` to `limit` (at least one, all words or `%`) as
/// a descriptor mention.
pub fn noun_phrase(ctx: &Context, start: usize, limit: usize) -> Option<Mention> {
    let words = (start..limit).all(|i| ctx.tokens[i].is_word() || ctx.word(i) == "%");
    (words && limit > start).then(|| Mention::simple(start..limit, MentionKind::Descriptor, None))
}

/// A name mention over `range`, extended left over titles ("Agriculture
/// Minister Dr. X") down to `floor`; titles give roles and gender.
pub fn name_mention(ctx: &Context, range: Range<usize>, floor: usize) -> Mention {
    let is_title = |i: usize| lexicon().title(ctx.word(i)).is_some();
    let mut start = range.start;
    // Back over titles, and a capitalised word that qualifies one ("Ohio
    // Gov.", "Agriculture Minister").
    while start > floor
        && (is_title(start - 1) && ctx.capitalised(start - 1)
            || is_name_joiner(ctx, start - 1)
            || ctx.capitalised(start - 1) && is_title(start) && !ctx.ends_sentence(start - 1))
    {
        start -= 1;
    }
    let mut m = Mention::simple(start..range.end, MentionKind::Name, None);
    // Titles inside the entity ("Sen. Roe"), and what qualifies them
    // ("Arkansas Gov. Mike Huckabee"), are not part of the bare name.
    let name_start = (range.start..range.end - 1)
        .rev()
        .find(|&i| lexicon().title(ctx.word(i)).is_some())
        .map_or(range.start, |t| t + 1);
    m.name = name_start..range.end;
    for i in start..name_start {
        if let Some(gender) = lexicon().title(ctx.word(i)) {
            m.gender = m.gender.or(gender);
        }
        add_role(ctx, &mut m, i);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::text::context::testing::with_context;
    use crate::model::Gender;

    #[test]
    fn an_inverted_subject_keeps_its_appositive() {
        let text = "\"We will not retreat,\" said Jane Roe, the mayor of Eastbridge.";
        with_context(text, &[("Jane Roe", EntityLabel::Per)], |ctx| {
            let m = mention_after(ctx, ctx.at("said") + 1, ctx.tokens.len()).expect("a subject");
            assert_eq!(ctx.slice(&m.tokens), "Jane Roe, the mayor of Eastbridge");
            assert_eq!(ctx.slice(&m.name), "Jane Roe");
            assert_eq!(m.kind, MentionKind::Name);
            assert_eq!(m.roles, ["mayor"]);
        });
    }

    #[test]
    fn pronouns_and_descriptors_before_the_verb() {
        with_context("She said the talks failed.", &[], |ctx| {
            let m = mention_before(ctx, ctx.at("said"), 0).expect("a subject");
            assert_eq!(m.kind, MentionKind::Pronoun);
            assert_eq!(m.gender, Some(Gender::Female));
        });
        with_context("The ambassador said the talks failed.", &[], |ctx| {
            let m = mention_before(ctx, ctx.at("said"), 0).expect("a subject");
            assert_eq!(ctx.slice(&m.tokens), "The ambassador");
            assert_eq!(m.kind, MentionKind::Descriptor);
            assert_eq!(m.roles, ["ambassador"]);
        });
    }
}
