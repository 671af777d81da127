//! The verbal frame: a reporting verb and its source and content.
//!
//! Owns `analyse`, which places source and content around one verb cue: post-posed
//! (`CONTENT, SOURCE said`), inverted (`CONTENT, said SOURCE`), pre-posed (`SOURCE said (that)
//! CONTENT`), complement verbs ("accused", "urged"), beliefs, "X (was) quoted (by Y) as
//! saying", ", saying …" with the sentence's subject, passives, "X seems to C", and the
//! "according to X" cue itself (its merging with a neighbour is in `according`); with the
//! addressee skipped after "told"-type verbs (`after_object`) and the clause a belief verb
//! needs (`belief_clause`).

use super::super::lexicon::{self, Cue, Frame};
use super::{Ctx, Found};

impl<'a, 't> Ctx<'a, 't> {
    pub(super) fn analyse(&self, c0: usize, cue: &Cue, prev: Option<&Found>) -> Option<Found> {
        let mut c1 = c0 + cue.words.len();
        let s = self.sentence(c0);
        let (s0, s1) = (s.start, s.end);
        if cue.frame == Frame::According {
            let src_end = self.np_right(c1, s1)?;
            let source = c1..src_end;
            let before_words = (s0..c0).filter(|&i| self.is_word(i)).count();
            let content = if before_words <= 1 {
                // "According to X, C."
                let mut k = src_end;
                while k < s1 && matches!(self.tok(k), "," | ":") {
                    k += 1;
                }
                let e = self.content_end(k, s1);
                if e <= k {
                    return None;
                }
                self.start(k)..self.end(e - 1)
            } else {
                self.content_left(c0 - 1, s0)?
            };
            let mut f = self.found(c0..c1, Some(source), content);
            f.according = true;
            return Some(f);
        }
        if !self.verbal(c0, cue, s0) {
            return None;
        }
        // "the two sides trade blame for …": the cue is "trade blame", its source before it
        let c0 = if self.noun_form(c0, cue) {
            self.light_verb_before(c0, s0).unwrap_or(c0)
        } else {
            c0
        };
        let mut cited = Vec::new();
        // "X (was) quoted (by Y) as saying …": the cue runs to "saying", Y is credited.
        if cue.lemma == "quote" {
            let mut j = c1;
            let by = j < s1 && self.low(j) == "by";
            if by {
                let e = self.np_right(j + 1, s1).unwrap_or(j + 1);
                cited.push(j + 1..e);
                j = e;
            }
            if !(j < s1 && self.low(j) == "as") {
                return None;
            }
            j += 1;
            if j < s1 && matches!(self.low(j), "saying" | "telling" | "writing" | "stating") {
                j += 1;
            }
            c1 = j;
        }
        let frame = cue.frame;
        // Skip auxiliaries and adverbs between source and cue.
        let mut l = self.skip_fillers(c0, s0);
        // "the media in Azerbaijan, quoted by the Reuters agency, reported …": the aside names
        // who relayed it (cited), and the source stands before it.
        if let Some((comma, relay)) = self.relay_aside(l, s0) {
            cited.push(relay);
            l = self.skip_fillers(comma, s0);
        }
        let be = (l..c0).any(|i| {
            matches!(
                self.low(i),
                "was" | "were" | "is" | "are" | "been" | "be" | "being"
            )
        });
        let passive = be
            && !self.low(c0).ends_with("ing")
            && !matches!(
                cue.lemma,
                "say" | "add" | "tell" | "write" | "note" | "quote" | "continue"
            );
        if passive && c1 < s1 && self.low(c1) == "by" && frame != Frame::Seem {
            // "The nominee has been endorsed by dozens of papers": the agent speaks about the
            // subject.
            let e = self.np_right(c1 + 1, s1)?;
            let a = self.np_left(l, s0)?;
            let content = self.start(a)..self.end(l - 1);
            return Some(self.found(c0..c1, Some(c1 + 1..e), content));
        }
        if passive && frame == Frame::Complement {
            // "Mariano's diagnosis was confirmed": no source; the subject is the content.
            let a = self.np_left(l, s0)?;
            if lexicon::is_in(self.low(a), lexicon::PRONOUNS) {
                return None;
            }
            let content = self.start(a)..self.end(l - 1);
            return Some(self.found(c0..c1, None, content));
        }
        if matches!(frame, Frame::To | Frame::Seem) && !(c1 < s1 && self.low(c1) == "to") {
            return None;
        }
        if frame == Frame::Seem {
            // "Clinton appeared to have the most to gain": no source; the content is the
            // subject and the infinitive.
            let a = self.np_left(l, s0)?;
            let e = self.content_end(c1, s1);
            if e <= c1 {
                return None;
            }
            let subject = self.start(a)..self.end(l - 1);
            let rest = self.start(c1)..self.end(e - 1);
            let mut f = self.found(c0..c1, None, subject.start..rest.end);
            f.pieces = vec![subject, rest];
            return Some(f);
        }
        // Sentence-initial inverted: "Said Ellis: “…”".
        if frame == Frame::Speech && c0 == s0 && !cue.participle {
            if let Some(e) = self.np_right(c1, s1) {
                if e < s1 && matches!(self.tok(e), ":" | ",") && self.is_cap(c1) {
                    let content = self.content_right(e + 1, s1, frame)?;
                    let content = self.extend_quote(content);
                    return Some(self.found(c0..c1, Some(c1..e), content));
                }
            }
        }
        // Inverted: "…,” said Peskov." / "…, added Smith."
        if frame == Frame::Speech
            && !cue.participle
            && l == c0
            && c0 > s0
            && self.is_boundary(c0 - 1)
        {
            if let Some(e) = self.np_right(c1, s1) {
                let ends = e >= s1
                    || matches!(self.tok(e), "," | "." | ";" | "!" | "?" | "(")
                    || self.is_final_punct(e);
                // "…, R-Ky., said Tuesday.": a time word after the cue is not its source
                if (self.is_cap(c1) || lexicon::is_in(self.low(c1), lexicon::DETERMINERS))
                    && !(self.is_time(c1) || self.is_time(e - 1))
                    && e - c1 <= 8
                    && ends
                    && self.rest_is_adjunct(
                        e,
                        s1,
                        frame,
                        self.closing_before(c0 - 1),
                        self.opening_quote_before(c0 - 1),
                    )
                {
                    let content = self.content_left(c0 - 1, s0)?;
                    let (content, pieces) = self.extend_after(content, e, s1, false);
                    let mut f = self.found(c0..c1, Some(c1..e), content);
                    f.pieces = pieces;
                    f.cited = cited;
                    return Some(f);
                }
            }
        }
        let mut src = if passive { None } else { self.np_left(l, s0) };
        if cue.participle {
            // "…, saying": the speaker is the clause's subject, unless a name or pronoun
            // stands right before ("with Minister X saying …").
            if let Some(a) = src {
                let named = (self.is_cap(a) && !self.is_time(a))
                    || lexicon::is_in(self.low(a), lexicon::PRONOUNS);
                // "Worse, the ministry stayed silent for days, saying …": a source that
                // spans a comma is a clause, not a name
                let clause = (a..l).any(|i| self.tok(i) == ",");
                if !named || l < c0 || clause {
                    src = None;
                }
            }
        }
        let mut f = match src {
            Some(a) => {
                let source = a..l;
                let post_ok = frame != Frame::Belief
                    && !lexicon::is_in(self.low(a), &["who", "which", "that"])
                    && a > s0
                    && self.is_boundary(a - 1)
                    && self.rest_is_adjunct(
                        self.after_object(c1, s1, frame),
                        s1,
                        frame,
                        self.closing_before(a - 1),
                        self.opening_quote_before(a - 1),
                    );
                // '“Why …?” Vitter demanded.' may come out as a sentence of its own.
                let after_quote = a == s0
                    && s0 > 0
                    && frame != Frame::Belief
                    && self.closes(s0 - 1).is_some_and(|q| {
                        // the quote is the whole previous sentence
                        let ps = self.sentence(s0 - 1).start;
                        let first = (ps..s0).find(|&i| self.is_word(i)).unwrap_or(ps);
                        self.quotes[q].range.start <= self.start(first)
                    })
                    && self
                        .sent_of
                        .get(s0 - 1)
                        .and_then(|&x| self.sents.get(x as usize))
                        .map(|x| x.paragraph)
                        == self
                            .sents
                            .get(self.sent_of[s0] as usize)
                            .map(|x| x.paragraph)
                    && self.rest_is_adjunct(
                        self.after_object(c1, s1, frame),
                        s1,
                        frame,
                        true,
                        true,
                    );
                let post = if post_ok {
                    self.content_left(a - 1, s0)
                } else if after_quote {
                    let ps = self.sentence(s0 - 1).start;
                    self.content_left(s0 - 1, ps)
                } else {
                    None
                };
                if let Some(content) = post {
                    let (content, pieces) =
                        self.extend_after(content, self.after_object(c1, s1, frame), s1, true);
                    let mut f = self.found(c0..c1, Some(source), content);
                    f.pieces = pieces;
                    f
                } else {
                    if frame == Frame::Belief && !self.belief_clause(c1, s1) {
                        return None;
                    }
                    let content = self.content_right(c1, s1, frame)?;
                    let content = self.extend_quote(content);
                    self.found(c0..c1, Some(source), content)
                }
            }
            None => {
                let before = if l > s0 { self.low(l - 1) } else { "" };
                if !passive
                    && (cue.participle || matches!(before, "and" | "but"))
                    && (frame != Frame::Belief || self.belief_clause(c1, s1))
                {
                    // ", saying …" / ", adding that …" / "… and said …": the speaker of the
                    // attribution before it in the sentence, else the sentence's subject.
                    let content = self.content_right(c1, s1, frame)?;
                    let content = self.extend_quote(content);
                    let source = match prev {
                        Some(p)
                            if p.source.is_some()
                                && p.cue.as_ref().is_some_and(|c| c.end <= c0) =>
                        {
                            p.source.clone()
                        }
                        _ if cue.participle && self.fronted_participle(s0, l) => {
                            // "In defending himself …, Trump said …", "Lamenting their luck,
                            // Mexicans …": the subject of the main clause after the comma
                            let after = self.token_before(content.end) + 1;
                            (after..s1)
                                .find(|&k| self.tok(k) == "," && self.tok_quote[k].is_none())
                                .and_then(|k| self.subject(k + 1, s1))
                        }
                        _ => self.subject(s0, c0),
                    };
                    self.found(c0..c1, source, content)
                } else if passive {
                    if frame == Frame::Belief && !self.belief_clause(c1, s1) {
                        return None;
                    }
                    // "it was reported that …"
                    let content = self.content_right(c1, s1, frame)?;
                    self.found(c0..c1, None, content)
                } else {
                    return None;
                }
            }
        };
        f.cited = cited;
        Some(f)
    }

    /// Where the right side of a cue starts once an addressee object is skipped ("told
    /// reporters", "told CNN's Chris Cuomo").
    pub(super) fn after_object(&self, c1: usize, s1: usize, frame: Frame) -> usize {
        if frame != Frame::Object {
            return c1;
        }
        let mut j = c1;
        if lexicon::is_in(
            self.low(j),
            &["the", "a", "an", "his", "her", "their", "its"],
        ) {
            j += 1;
        }
        let first = j;
        while j < s1
            && (j == first || self.is_cap(j) || matches!(self.low(j), "'s" | "\u{2019}s"))
            && self.is_word(j)
            && self.low(j) != "that"
        {
            j += 1;
        }
        j.min(s1)
    }

    /// A belief verb has a clause after it ("believes (that) …", not "believes in").
    fn belief_clause(&self, c1: usize, s1: usize) -> bool {
        if c1 >= s1 {
            return false;
        }
        let n = self.low(c1);
        n == "that"
            || n == "to"
            || self.is_cap(c1)
            || lexicon::is_in(n, lexicon::CLAUSE_STARTS) && n != "a" && n != "an"
    }
}
