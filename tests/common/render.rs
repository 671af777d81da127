//! The readable goldens: a report rendered as small text files, one per article plus the merged
//! entities and the comparison, and a fingerprint (SHA-256) of the whole JSON report.
//!
//! Shared by the native golden test (`tests/golden.rs`, which writes the files) and the wasm
//! boundary tests (`tests/wasm_shared.rs.in`, which render what crossed the boundary and compare
//! it with the same files). Pure: no I/O, so it builds for wasm32 too.
//!
//! The line format shows texts, kinds, speakers, values and relations, not UTF-16 offsets (the
//! fingerprint covers every byte of the report, offsets included). Text is written as a Rust
//! string literal (`{:?}`), so a line break or a tab shows as `\n` or `\t`.
//!
//! A line whose first non-blank characters are `# FIXME` records known-wrong output. Checks
//! ignore such lines ([`without_fixmes`]) and a rewrite keeps them ([`keep_fixmes`]), each after
//! the line it followed.

use corroborate::report::{Claim, Group, Quantity, Report};
use std::fmt::Write;

/// The seed articles in name order, each with the short name of its golden file.
pub const SEED_GOLDENS: &[(&str, &str)] = &[
    ("000_76fbd4d35457b39a.txt", "000_putin_calls_for_calm.txt"),
    ("001_85bd904379b59906.txt", "001_war_breaks_out_again.txt"),
    (
        "002_54f16a7348e356d7.txt",
        "002_russia_calls_for_an_end.txt",
    ),
    ("003_4f3b3c6ebe94948a.txt", "003_border_clashes_kill_99.txt"),
    ("004_3737467c3f90d56b.txt", "004_pashinyan_49_soldiers.txt"),
];

/// The merged entities' golden.
pub const ENTITIES: &str = "entities.txt";
/// The comparison's golden.
pub const COMPARE: &str = "compare.txt";
/// The fingerprint's file.
pub const FINGERPRINT: &str = "report.fingerprint";

/// Entity types shown among an article's figures rather than its names.
const FIGURE_TYPES: &[&str] = &["date", "time", "quantity", "money", "percent"];

const HOW: &str =
    "# Rewrite: UPDATE_GOLDEN=1 cargo test --test golden (keeps `# FIXME` lines); review the diff.\n";

/// Every readable golden of `report` as (file name, text): one per document (named by
/// [`SEED_GOLDENS`] when the document is a seed, else by its index), then [`ENTITIES`] and
/// [`COMPARE`].
pub fn readable(report: &Report) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = (0..report.documents.len())
        .map(|d| (golden_name(report, d), article(report, d)))
        .collect();
    files.push((ENTITIES.to_string(), entities(report)));
    files.push((COMPARE.to_string(), compare(report)));
    files
}

/// The golden file name of document `d`.
pub fn golden_name(report: &Report, d: usize) -> String {
    let name = &report.documents[d].name;
    SEED_GOLDENS
        .iter()
        .find(|(seed, _)| seed == name)
        .map_or_else(|| format!("{d:03}.txt"), |(_, short)| short.to_string())
}

/// The contents of [`FINGERPRINT`] for a report: the SHA-256 of its JSON exactly as the CLI
/// prints it, `pretty` (the default) and `compact` (`--compact`, what the wasm `analyzeJson`
/// returns, plus the CLI's final newline).
pub fn fingerprint(report: &Report) -> String {
    let pretty = serde_json::to_string_pretty(report).expect("a report serialises") + "\n";
    let compact = serde_json::to_string(report).expect("a report serialises") + "\n";
    format!(
        "# SHA-256 of the seeds' report JSON exactly as the CLI prints it: any byte change of the\n\
         # report changes them. Check by hand, from seeds/:\n\
         #   cargo run -q --bin corroborate -- *.txt | sha256sum\n\
         #   cargo run -q --bin corroborate -- --compact *.txt | sha256sum\n\
         pretty {}\n\
         compact {}\n",
        sha256_hex(pretty.as_bytes()),
        sha256_hex(compact.as_bytes())
    )
}

/// The `compact` hash of a [`FINGERPRINT`] file's contents.
pub fn compact_hash(fingerprint: &str) -> Option<&str> {
    fingerprint.lines().find_map(|l| l.strip_prefix("compact "))
}

/// One article: its document entry, the names it mentions, its claims, its figures.
pub fn article(report: &Report, d: usize) -> String {
    let doc = &report.documents[d];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Article {d} ({}) as the seeds' report tells it: names, claims, figures.",
        doc.name
    );
    out.push_str(HOW);
    let _ = writeln!(out, "title {:?}", doc.title);
    let _ = writeln!(
        out,
        "outlet {}",
        doc.outlet
            .as_ref()
            .map_or("-".into(), |o| format!("{:?}", o.text))
    );
    let _ = writeln!(out, "length {}", doc.length);
    for b in &doc.boilerplate {
        let _ = writeln!(out, "boilerplate {} {:?}", b.kind, b.span.text);
    }

    let mentioned: Vec<_> = report
        .entities
        .iter()
        .filter_map(|e| {
            let here: Vec<&str> = e
                .mentions
                .iter()
                .filter(|m| m.doc as usize == d)
                .map(|m| m.text.as_str())
                .collect();
            (!here.is_empty()).then_some((e, here))
        })
        .collect();

    out.push_str("\n## entities: id type name, then each form as written here ×times\n");
    for (e, here) in mentioned
        .iter()
        .filter(|(e, _)| !FIGURE_TYPES.contains(&e.kind.as_str()))
    {
        let _ = writeln!(out, "{} {} {:?}: {}", e.id, e.kind, e.name, forms(here));
    }

    out.push_str("\n## claims: id kind speaker source cue, then the content and its figures\n");
    for c in report.claims.iter().filter(|c| c.doc as usize == d) {
        claim_lines(&mut out, report, c, "");
    }

    out.push_str("\n## figures: dates, times and numbers named as entities, with their value\n");
    for (e, here) in mentioned
        .iter()
        .filter(|(e, _)| FIGURE_TYPES.contains(&e.kind.as_str()))
    {
        let _ = writeln!(
            out,
            "{} {} {:?} = {}: {}",
            e.id,
            e.kind,
            e.name,
            e.value.as_deref().unwrap_or("?"),
            forms(here)
        );
    }
    out
}

/// The merged entities (the chips): type, name, aliases, roles, value, country, and the
/// articles mentioning each with how often.
pub fn entities(report: &Report) -> String {
    let mut out = String::new();
    out.push_str("# The merged entities (the page's chips), most mentioned first.\n");
    out.push_str("# id type name (aliases; roles; value; country), then `in` article ×mentions.\n");
    out.push_str(HOW);
    documents_legend(&mut out, report);
    out.push('\n');
    for e in &report.entities {
        let mut line = format!("{} {} {:?}", e.id, e.kind, e.name);
        if !e.aliases.is_empty() {
            let _ = write!(line, " aka {}", quoted(&e.aliases));
        }
        if !e.roles.is_empty() {
            let _ = write!(line, " roles {}", quoted(&e.roles));
        }
        if let Some(v) = &e.value {
            let _ = write!(line, " value {v}");
        }
        if let Some(c) = &e.country {
            let _ = write!(line, " country {}", entity_name(report, c));
        }
        let counts: Vec<String> = e
            .docs
            .iter()
            .map(|&d| {
                let n = e.mentions.iter().filter(|m| m.doc == d).count();
                format!("{d}×{n}")
            })
            .collect();
        let _ = writeln!(out, "{line}\n    in {}", counts.join(" "));
    }
    out
}

/// The comparison: every group (relation, why, conflicts, quote diffs, member claims by
/// article), then the article pairs, what each article omits and cites, and the notes.
pub fn compare(report: &Report) -> String {
    let mut out = String::new();
    let count = |r: &str| {
        report
            .groups
            .iter()
            .filter(|g| g.relation.as_str() == r)
            .count()
    };
    let _ = writeln!(
        out,
        "# The comparison: {} claims in {} groups ({} agree, {} reworded, {} conflict, {} unique).",
        report.claims.len(),
        report.groups.len(),
        count("agree"),
        count("reworded"),
        count("conflict"),
        count("unique")
    );
    out.push_str("# Each group: id relation, the articles carrying it, why; then its conflicts,\n");
    out.push_str("# quote diffs and member claims by article ([doc] id kind speaker: content).\n");
    out.push_str(HOW);
    documents_legend(&mut out, report);
    for g in &report.groups {
        out.push('\n');
        group_lines(&mut out, report, g);
    }

    out.push_str("\n## pairs: articles a–b, groups shared, overlap\n");
    for p in &report.pairs {
        // rounded: the exact value is in the fingerprint (and a JSON read-back may differ in
        // the last bit)
        let _ = writeln!(
            out,
            "{}–{} shared {} overlap {:.3}",
            p.a, p.b, p.shared, p.overlap
        );
    }
    out.push_str("\n## articles: groups each omits (carried by n), outlets it cites (claims)\n");
    for a in &report.articles {
        let omits: Vec<String> = a
            .omits
            .iter()
            .map(|o| format!("{} ({})", o.group, o.carried_by))
            .collect();
        let _ = writeln!(
            out,
            "[{}] omits {}",
            a.doc,
            if omits.is_empty() {
                "-".into()
            } else {
                omits.join(", ")
            }
        );
        for c in &a.cites {
            let _ = writeln!(
                out,
                "[{}] cites {:?}{} ({})",
                a.doc,
                c.name,
                c.entity.as_ref().map_or(String::new(), |e| format!(" {e}")),
                c.claims.join(" ")
            );
        }
    }
    out.push_str("\n## notes\n");
    for n in &report.notes {
        let _ = writeln!(out, "{n:?}");
    }
    out
}

fn group_lines(out: &mut String, report: &Report, g: &Group) {
    let docs: Vec<String> = g.docs.iter().map(u32::to_string).collect();
    let _ = writeln!(out, "{} {} in {}", g.id, g.relation, docs.join(" "));
    let _ = writeln!(out, "  why {:?}", g.reason);
    for c in &g.conflicts {
        let values: Vec<String> = c
            .values
            .iter()
            .map(|v| format!("[{}] {} {:?}", v.doc, v.claim, v.text))
            .collect();
        let _ = writeln!(
            out,
            "  conflict {} about {:?} ({}: {}): {}",
            c.kind,
            c.about,
            if c.may_hold {
                "may hold"
            } else {
                "cannot all hold"
            },
            c.note,
            values.join(" / ")
        );
    }
    for d in &g.diffs {
        let ops: Vec<String> = d
            .ops
            .iter()
            .map(|o| {
                let sign = match o.op.as_str() {
                    "same" => "=",
                    "removed" => "-",
                    "added" => "+",
                    other => other,
                };
                format!("{sign}{:?}", o.text)
            })
            .collect();
        let _ = writeln!(out, "  diff {} → {}: {}", d.from, d.to, ops.join(" "));
    }
    for id in &g.claims {
        let Some(c) = report.claims.iter().find(|c| &c.id == id) else {
            let _ = writeln!(out, "  {id} (not among the claims)");
            continue;
        };
        let _ = write!(out, "  [{}] {} {}", c.doc, c.id, c.kind);
        if let Some(s) = &c.speaker {
            let _ = write!(out, " {}", entity_name(report, s));
        }
        let held = g.pieces.iter().find(|h| &h.claim == id);
        match held {
            Some(h) => {
                let texts: Vec<String> = h.spans.iter().map(|s| format!("{:?}", s.text)).collect();
                let _ = writeln!(out, ": pieces {}", texts.join(" … "));
            }
            None => {
                let _ = writeln!(out, ": {:?}", c.content.text);
            }
        }
    }
}

fn claim_lines(out: &mut String, report: &Report, c: &Claim, indent: &str) {
    let _ = write!(out, "{indent}{} {}", c.id, c.kind);
    if let Some(s) = &c.speaker {
        let _ = write!(out, " speaker {}", entity_name(report, s));
    }
    if let Some(s) = &c.source {
        let _ = write!(out, " source {:?}", s.text);
    }
    if let Some(s) = &c.cue {
        let _ = write!(out, " cue {:?}", s.text);
    }
    for s in &c.cited {
        let _ = write!(out, " cites {:?}", s.text);
    }
    out.push('\n');
    if c.pieces.len() > 1 {
        let texts: Vec<String> = c.pieces.iter().map(|s| format!("{:?}", s.text)).collect();
        let _ = writeln!(out, "{indent}    pieces {}", texts.join(" … "));
    } else {
        let _ = writeln!(out, "{indent}    {:?}", c.content.text);
    }
    if c.sentence.text != c.content.text {
        let _ = writeln!(out, "{indent}    in {:?}", c.sentence.text);
    }
    for q in &c.quantities {
        let _ = writeln!(out, "{indent}    figure {}", quantity(q));
    }
}

fn quantity(q: &Quantity) -> String {
    let num = |v: Option<f64>| v.map_or("-".to_string(), |x| x.to_string());
    let mut s = format!(
        "{:?} value {} low {} high {}",
        q.span.text,
        num(q.value),
        num(q.low),
        num(q.high)
    );
    if q.unknown {
        s.push_str(" unknown");
    }
    if let Some(x) = &q.qualifier {
        let _ = write!(s, " qualifier {x:?}");
    }
    if let Some(x) = &q.unit {
        let _ = write!(s, " unit {x:?}");
    }
    if let Some(x) = &q.event {
        let _ = write!(s, " event {x}");
    }
    s
}

fn documents_legend(out: &mut String, report: &Report) {
    for (d, doc) in report.documents.iter().enumerate() {
        let _ = writeln!(out, "# [{d}] {} {:?}", golden_name(report, d), doc.title);
    }
}

/// `e3 "Vladimir Putin"`, or the bare id when no entity has it.
fn entity_name(report: &Report, id: &str) -> String {
    report
        .entities
        .iter()
        .find(|e| e.id == id)
        .map_or_else(|| id.to_string(), |e| format!("{id} {:?}", e.name))
}

/// Distinct forms in first-seen order, each with its count when above one.
fn forms(texts: &[&str]) -> String {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for t in texts {
        match seen.iter_mut().find(|(s, _)| s == t) {
            Some((_, n)) => *n += 1,
            None => seen.push((t, 1)),
        }
    }
    let parts: Vec<String> = seen
        .iter()
        .map(|(t, n)| {
            if *n > 1 {
                format!("{t:?}×{n}")
            } else {
                format!("{t:?}")
            }
        })
        .collect();
    parts.join(" ")
}

fn quoted(list: &[String]) -> String {
    let parts: Vec<String> = list.iter().map(|s| format!("{s:?}")).collect();
    parts.join(" ")
}

/// Whether `line` records known-wrong output.
pub fn is_fixme(line: &str) -> bool {
    line.trim_start().starts_with("# FIXME")
}

/// `text` without its `# FIXME` lines: what a check compares with the rendering.
pub fn without_fixmes(text: &str) -> String {
    text.split_inclusive('\n')
        .filter(|l| !is_fixme(l))
        .collect()
}

/// `rendered` with the `# FIXME` lines of `old` put back, each run of them after the line it
/// followed in `old` (found by its text and, for a repeated line, its occurrence). Runs whose
/// line is gone are kept at the end under a note, so a rewrite never drops one silently.
pub fn keep_fixmes(rendered: &str, old: &str) -> String {
    // (anchor line, its occurrence among equal lines, the FIXME lines after it)
    let mut runs: Vec<(String, usize, Vec<&str>)> = Vec::new();
    let mut last: Option<(String, usize)> = None;
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for line in old.split_inclusive('\n') {
        if is_fixme(line) {
            let (anchor, nth) = last.clone().unwrap_or_default();
            match runs.last_mut() {
                Some(r) if r.0 == anchor && r.1 == nth => r.2.push(line),
                _ => runs.push((anchor, nth, vec![line])),
            }
        } else {
            let nth = bump(&mut seen, line);
            last = Some((line.to_string(), nth));
        }
    }
    if runs.is_empty() {
        return rendered.to_string();
    }
    let mut out = String::new();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    let mut used = vec![false; runs.len()];
    // FIXME lines at the very top (no line before them)
    for (i, r) in runs.iter().enumerate() {
        if r.0.is_empty() {
            r.2.iter().for_each(|l| out.push_str(l));
            used[i] = true;
        }
    }
    for line in rendered.split_inclusive('\n') {
        out.push_str(line);
        let nth = bump(&mut seen, line);
        for (i, r) in runs.iter().enumerate() {
            if !used[i] && r.0 == line && r.1 == nth {
                if !line.ends_with('\n') {
                    out.push('\n');
                }
                r.2.iter().for_each(|l| out.push_str(l));
                used[i] = true;
            }
        }
    }
    let lost: Vec<usize> = (0..runs.len()).filter(|&i| !used[i]).collect();
    if !lost.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("\n# FIXME lines whose line is gone (move each to its line, or drop it):\n");
        for i in lost {
            let _ = writeln!(out, "# FIXME (was after {:?})", runs[i].0.trim_end());
            runs[i].2.iter().for_each(|l| out.push_str(l));
        }
    }
    out
}

/// Counts one more `line`, returning how many equal lines came before it.
fn bump<'a>(seen: &mut Vec<(&'a str, usize)>, line: &'a str) -> usize {
    match seen.iter_mut().find(|(s, _)| *s == line) {
        Some((_, n)) => {
            *n += 1;
            *n - 1
        }
        None => {
            seen.push((line, 1));
            0
        }
    }
}

/// SHA-256 (FIPS 180-4) of `data`, in lowercase hex.
pub fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}
