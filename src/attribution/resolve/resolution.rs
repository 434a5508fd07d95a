//! Coreference for speakers: clusters the names of each person and
//! organisation, then resolves pronouns and descriptors ("the diplomat")
//! to those clusters. Names inside quoted text are never antecedents.

use std::ops::Range;

use crate::attribution::confidence;
use crate::attribution::speakers::mentions::entity_mention;
use crate::attribution::text::context::Context;
use crate::attribution::text::words::strip_possessive;
use crate::attribution::types::{Found, Mention, MentionKind};
use crate::lexicon::Class;
use crate::lexicon::{gender, lexicon};
use crate::model::Gender;
use crate::model::{EntityLabel, Quote, QuoteKind, Speaker};

/// One person or organisation being tracked.
#[derive(Debug, Default)]
struct Cluster {
    /// Bare name words, lower case, possessive stripped ("john", "smith").
    key: Vec<String>,
    /// Fullest name as written.
    name: String,
    organisation: bool,
    /// The gender its titles, roles and resolved pronouns show.
    gender: Option<Gender>,
    /// The gender a title or role on one of its names shows (`Ms.`).
    titled: Option<Gender>,
    roles: Vec<String>,
    /// Mention token ranges, in text order.
    mentions: Vec<Range<usize>>,
    /// Starts of the mentions outside reported content, in text order.
    salient: Vec<usize>,
    quotes: Vec<usize>,
}

impl Cluster {
    fn last_seen(&self) -> usize {
        self.mentions.last().map_or(0, |m| m.start)
    }

    /// Adds a mention; `reported` marks tokens inside reported content.
    /// Mentions arrive in text order.
    fn push_mention(&mut self, tokens: Range<usize>, reported: &[bool]) {
        if !reported[tokens.start] {
            self.salient.push(tokens.start);
        }
        self.mentions.push(tokens);
    }

    /// Start of the last mention before token `pos`, among all mentions or
    /// only the salient ones.
    fn last_before(&self, pos: usize, salient_only: bool) -> Option<usize> {
        if salient_only {
            self.salient
                .iter()
                .rev()
                .copied()
                .find(|&start| start < pos)
        } else {
            self.mentions
                .iter()
                .rev()
                .map(|m| m.start)
                .find(|&start| start < pos)
        }
    }

    /// The gender its names show, never its pronouns: a title or role on
    /// one of them (`Ms. Jordan Hale`), else the first name when the name
    /// has a surname too (a name alone may be a surname: `Jordan`) and
    /// nearly everyone who bears it is of one sex (the gender lexicon).
    fn name_gender(&self) -> Option<Gender> {
        if self.organisation {
            return None;
        }
        self.titled.or_else(|| match self.key.as_slice() {
            [first, _, ..] => gender::first_name(first),
            _ => None,
        })
    }

    /// Whether the cluster was introduced with `role` or a narrower one.
    fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| {
            r == role
                || lexicon()
                    .role(r)
                    .is_some_and(|known| known.broader.iter().any(|b| b == role))
        })
    }

    fn absorb(&mut self, mention: &Mention, reported: &[bool]) {
        self.gender = self.gender.or(mention.gender);
        self.organisation |= mention.organisation;
        for role in &mention.roles {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
        self.push_mention(mention.tokens.clone(), reported);
    }
}

/// Bare name words of a mention: lower case, possessives and titles gone.
fn name_key(ctx: &Context, mention: &Mention) -> Vec<String> {
    mention
        .name
        .clone()
        .filter(|&i| ctx.tokens[i].is_word())
        .map(|i| {
            let w = ctx.lower(i);
            strip_possessive(&w).unwrap_or(&w).to_owned()
        })
        .filter(|w| lexicon().title(w).is_none() || mention.name.len() == 1)
        .collect()
}

/// Whether two name keys name the same entity: equal, or one is the
/// other's surname, or they share first and last word.
fn same_name(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.ends_with(short)
        || short.len() > 1 && short.first() == long.first() && short.last() == long.last()
}

/// Resolves the speakers of `found` and builds the document's quotes and
/// speakers.
pub fn resolve(ctx: &Context, found: Vec<Found>) -> (Vec<Quote>, Vec<Speaker>) {
    // Events in text order: named entities outside quotes, and speakers.
    let mut events: Vec<(usize, Option<usize>, Mention)> = ctx
        .entities
        .iter()
        .filter(|(r, l)| matches!(l, EntityLabel::Per | EntityLabel::Org) && !ctx.in_quote(r.start))
        .map(|(r, l)| (r.start, None, entity_mention(ctx, r.clone(), *l)))
        .collect();
    for (q, f) in found.iter().enumerate() {
        if let Some(m) = &f.speaker {
            events.push((m.tokens.start, Some(q), m.clone()));
        }
    }
    events.sort_by_key(|(pos, q, _)| (*pos, q.is_some()));

    let mut reported = vec![false; ctx.tokens.len() + 1];
    for part in found.iter().flat_map(|f| &f.parts) {
        reported[part.clone()].fill(true);
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut quote_cluster: Vec<Option<usize>> = vec![None; found.len()];
    for (pos, quote, mention) in &events {
        let target = match mention.kind {
            MentionKind::Name => Some(name_cluster(ctx, &mut clusters, mention, &reported)),
            MentionKind::Pronoun => pronoun_cluster(ctx, &clusters, mention, *pos),
            MentionKind::Descriptor => Some(descriptor_cluster(ctx, &mut clusters, mention)),
        };
        let Some(c) = target else { continue };
        if mention.kind != MentionKind::Name {
            clusters[c].gender = clusters[c].gender.or(mention.gender);
            clusters[c].push_mention(mention.tokens.clone(), &reported);
        }
        if let Some(q) = quote {
            quote_cluster[*q] = Some(c);
            clusters[c].quotes.push(*q);
        }
    }
    build(ctx, found, &clusters, &quote_cluster)
}

/// The cluster a name belongs to, created when new.
fn name_cluster(
    ctx: &Context,
    clusters: &mut Vec<Cluster>,
    mention: &Mention,
    reported: &[bool],
) -> usize {
    let key = name_key(ctx, mention);
    let slice = ctx.slice(&mention.name);
    // The canonical name drops a possessive (`Mr. Trump's decision`).
    let written = strip_possessive(slice).unwrap_or(slice).to_owned();
    let existing = clusters
        .iter()
        .rposition(|c| !c.key.is_empty() && same_name(&c.key, &key));
    let c = existing.unwrap_or_else(|| {
        clusters.push(Cluster::default());
        clusters.len() - 1
    });
    let cluster = &mut clusters[c];
    if key.len() > cluster.key.len() {
        cluster.key = key;
        cluster.name = written;
    }
    cluster.titled = cluster.titled.or(mention.gender);
    cluster.absorb(mention, reported);
    c
}

/// The person (or organisation, for "they"/"it") a pronoun at `pos`
/// refers to: the gender-compatible cluster last mentioned outside any
/// reported content (a speaker or narrative subject), else last mentioned
/// at all. When that person's first name says the other gender ("he"
/// after `Anna Lindqvist`), the pronoun goes instead to the latest named
/// person whose names show its gender (a title or role, or the first
/// name), if there is one; else it stays.
fn pronoun_cluster(
    ctx: &Context,
    clusters: &[Cluster],
    mention: &Mention,
    pos: usize,
) -> Option<usize> {
    // "they", "its", ...: the pronouns that may stand for an organisation.
    let plural_or_neuter = ctx.is(mention.tokens.start, Class::Collective);
    let fits = |c: &Cluster| {
        if plural_or_neuter {
            c.organisation
        } else {
            !c.organisation
                && (mention.gender.is_none() || c.gender.is_none() || c.gender == mention.gender)
        }
    };
    let latest = |fitting: &dyn Fn(&Cluster) -> bool| {
        clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| fitting(c) && c.last_before(pos, false).is_some())
            .max_by_key(|(_, c)| (c.last_before(pos, true), c.last_before(pos, false)))
            .map(|(i, _)| i)
    };
    let best = latest(&fits)?;
    let named_other = |c: &Cluster| {
        let named = c.name_gender();
        mention.gender.is_some() && named.is_some() && named != mention.gender
    };
    if plural_or_neuter || !named_other(&clusters[best]) {
        return Some(best);
    }
    let known_fit = |c: &Cluster| fits(c) && !c.key.is_empty() && c.name_gender() == mention.gender;
    latest(&known_fit).or(Some(best))
}

/// The cluster a descriptor names: one introduced with its role (or a
/// narrower one), else the latest speaker of the same kind, else a cluster
/// of its own.
fn descriptor_cluster(ctx: &Context, clusters: &mut Vec<Cluster>, mention: &Mention) -> usize {
    let head = mention.roles.last().cloned();
    // `officials`, `analysts`: a group, not one of the people named.
    let plural = head.as_ref().is_some_and(|role| {
        mention.tokens.clone().any(|i| {
            let w = ctx.lower(i);
            w.strip_suffix('s')
                .is_some_and(|stem| stem == role || stem.strip_suffix('e') == Some(role))
        })
    });
    if let Some(role) = head.as_ref().filter(|_| !plural) {
        let by_role = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.key.is_empty() && c.has_role(role))
            .max_by_key(|(_, c)| c.last_seen())
            .map(|(i, _)| i);
        let by_kind = || {
            clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.key.is_empty() && !c.quotes.is_empty())
                .filter(|(_, c)| c.organisation == mention.organisation)
                .max_by_key(|(_, c)| c.last_seen())
                .map(|(i, _)| i)
        };
        let definite = ctx.lower(mention.tokens.start) == "the";
        if let Some(c) = by_role.or_else(|| definite.then(by_kind).flatten()) {
            let cluster = &mut clusters[c];
            for role in &mention.roles {
                if !cluster.roles.contains(role) {
                    cluster.roles.push(role.clone());
                }
            }
            return c;
        }
    }
    // Unresolved: descriptors with the same words share a cluster.
    let text = ctx.slice(&mention.tokens).to_lowercase();
    if let Some(c) = clusters
        .iter()
        .position(|c| c.key.is_empty() && c.name.to_lowercase() == text)
    {
        return c;
    }
    clusters.push(Cluster {
        name: ctx.slice(&mention.tokens).to_owned(),
        organisation: mention.organisation,
        gender: mention.gender,
        roles: mention.roles.clone(),
        ..Cluster::default()
    });
    clusters.len() - 1
}

/// Turns found quotes and clusters into the document's output types;
/// only clusters with quotes become speakers.
fn build(
    ctx: &Context,
    found: Vec<Found>,
    clusters: &[Cluster],
    quote_cluster: &[Option<usize>],
) -> (Vec<Quote>, Vec<Speaker>) {
    let mut speaker_index = vec![None; clusters.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    for (c, cluster) in clusters.iter().enumerate() {
        if cluster.quotes.is_empty() {
            continue;
        }
        speaker_index[c] = Some(speakers.len());
        let mut mentions: Vec<_> = cluster.mentions.iter().map(|m| ctx.span(m)).collect();
        mentions.sort_by_key(|s| s.byte.start);
        mentions.dedup();
        speakers.push(Speaker {
            name: cluster.name.clone(),
            label: if cluster.organisation {
                EntityLabel::Org
            } else {
                EntityLabel::Per
            },
            mentions,
            quotes: cluster.quotes.clone(),
        });
    }
    let quotes = found
        .into_iter()
        .zip(quote_cluster)
        .map(|(f, c)| {
            let parts: Vec<_> = f.parts.iter().map(|p| ctx.span(p)).collect();
            let first = parts.first().expect("a quote has a part").byte.start;
            let last = parts.last().expect("a quote has a part").byte.end;
            let speaker_id = c.and_then(|c| speaker_index[c]);
            let confidence = match speaker_id {
                Some(_) => f.confidence,
                None if f.kind == QuoteKind::Direct => {
                    f.confidence * confidence::UNRESOLVED_DIRECT_FACTOR
                }
                None => confidence::UNATTRIBUTED_REPORT,
            };
            Quote {
                span: ctx.doc_span(first..last),
                parts,
                kind: f.kind,
                cue: f.cue.as_ref().map(|r| ctx.span(r)),
                cue_class: f.cue.as_ref().and(f.cue_sense).map(|s| s.class),
                negated: f.cue.as_ref().and(f.cue_sense).is_some_and(|s| s.negated),
                speaker: f.speaker.as_ref().map(|m| ctx.span(&m.tokens)),
                speaker_id,
                confidence,
            }
        })
        .collect();
    (quotes, speakers)
}
