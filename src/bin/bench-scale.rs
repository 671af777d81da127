//! Scaling benchmark: is every stage linear in its input, on every class of input that once
//! was not?
//!
//! ```text
//! bench-scale [--classes news,longline,...] [--steps 4] [--scale F]   # the table
//! bench-scale run CLASS BYTES                                         # one measurement (child)
//! bench-scale generate CLASS BYTES                                    # print one input
//! ```
//!
//! Each input class is generated at 1×, 2×, 4× and 8× its base size (`--steps`, `--scale`
//! multiply the base). Every measurement runs in a child process of this binary (`run`), so
//! peak memory (`VmHWM` from `/proc/self/status`) is that run's own. The child builds the
//! input, then times `analyze` and the report's JSON serialisation, and prints CPU seconds
//! (user + system, from `/proc/self/stat`; the machine is shared, so wall time says less),
//! wall seconds, peak resident memory and the JSON size, and per stage the peak heap (a
//! counting allocator: bytes asked for and not yet freed). The parent prints one row per run:
//! peak memory and its ratio to the input (`peak/in`, above the idle baseline), the growth
//! factor per doubling of the input (linear ≈ 2.0) for CPU time, memory and output size, and
//! the stage holding the heap peak with that peak over the input size. The report's JSON is
//! written into a counting sink, as the CLI streams it, never held whole.
//!
//! The classes are the ones issue #13 measured: ordinary news (the sample articles repeated
//! into one article), one long line with no sentence punctuation, dense claims in one
//! sentence, "X said Y said Z said." chains, mixed Unicode categories, and many one-sentence
//! articles. The generators are deterministic; the sample articles are only repeated text
//! here, nothing is tuned on them.

use std::alloc::{GlobalAlloc, Layout, System};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use corroborate::pipeline::analyze_observed;
use corroborate::{Article, Options};

/// The system allocator, counting the bytes live now and their peak since the last
/// [`stage_peak`], so each stage's own peak heap is known (`run --stages`).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size >= layout.size() {
                let now =
                    LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// (peak heap bytes since the previous call, heap bytes live now); starts the next stage.
fn stage_peak() -> (usize, usize) {
    let live = LIVE.load(Relaxed);
    (PEAK.swap(live, Relaxed), live)
}

const SEEDS: [&str; 5] = [
    include_str!("../../seeds/000_76fbd4d35457b39a.txt"),
    include_str!("../../seeds/001_85bd904379b59906.txt"),
    include_str!("../../seeds/002_54f16a7348e356d7.txt"),
    include_str!("../../seeds/003_4f3b3c6ebe94948a.txt"),
    include_str!("../../seeds/004_3737467c3f90d56b.txt"),
];

/// (name, base size in bytes or articles, what it is).
const CLASSES: &[(&str, usize, &str)] = &[
    (
        "news",
        600_000,
        "the sample articles repeated into one article",
    ),
    ("longline", 64_000, "one line, no sentence punctuation"),
    (
        "dense",
        32_000,
        "a figure claim every ~150 bytes, one sentence",
    ),
    ("saidchain", 300_000, "\"X said Y said Z said.\" sentences"),
    ("unicode", 128_000, "every Unicode category mixed"),
    (
        "articles",
        250,
        "one-sentence articles (base = article count)",
    ),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("generate") {
        // The text of one class, for a fuzzing corpus (`fuzz/seed-corpus.sh`).
        match (args.get(1), args.get(2).and_then(|s| s.parse().ok())) {
            (Some(class), Some(size)) => match generate(class, size) {
                Ok(text) => print!("{text}"),
                Err(e) => {
                    eprintln!("bench-scale: {e}");
                    std::process::exit(2);
                }
            },
            _ => {
                eprintln!("usage: bench-scale generate CLASS BYTES");
                std::process::exit(2);
            }
        }
        return;
    }
    if args.first().map(String::as_str) == Some("run") {
        let (Some(class), Some(size)) = (args.get(1), args.get(2).and_then(|s| s.parse().ok()))
        else {
            eprintln!("usage: bench-scale run CLASS SIZE");
            std::process::exit(2);
        };
        std::process::exit(match run(class, size) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("bench-scale: {e}");
                1
            }
        });
    }
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let steps: u32 = value("--steps").and_then(|s| s.parse().ok()).unwrap_or(4);
    let scale: f64 = value("--scale").and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let wanted: Option<Vec<String>> =
        value("--classes").map(|s| s.split(',').map(str::to_string).collect());
    let baseline = match measure("idle", 0) {
        Ok(m) => m.peak_kb,
        Err(e) => {
            eprintln!("bench-scale: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "idle child peak memory: {:.1} MB (subtracted for the memory growth)",
        baseline as f64 / 1024.0
    );
    println!(
        "{:<10} {:>11} {:>9} {:>9} {:>10} {:>12} {:>9} {:>7} {:>7} {:>7}  heap peak: stage, /in",
        "class",
        "input",
        "cpu s",
        "wall s",
        "peak MB",
        "json MB",
        "peak/in",
        "g.cpu",
        "g.mem",
        "g.out",
    );
    let mut worst = 0.0f64;
    let mut worst_mem = (0.0f64, String::new());
    for &(name, base, _) in CLASSES {
        if wanted
            .as_ref()
            .is_some_and(|w| !w.iter().any(|x| x == name))
        {
            continue;
        }
        let mut prev: Option<Measure> = None;
        for k in 0..steps {
            let size = ((base as f64) * scale) as usize * (1 << k);
            let m = match measure(name, size) {
                Ok(m) => m,
                Err(e) => {
                    println!("{name:<10} {size:>11} failed: {e}");
                    break;
                }
            };
            let growth = |now: f64, before: f64| {
                if before > 0.0 {
                    format!("{:.2}", now / before)
                } else {
                    "-".to_string()
                }
            };
            let (gc, gm, go) = match &prev {
                Some(p) => {
                    let g = m.cpu / p.cpu.max(1e-3);
                    if p.cpu >= 0.2 {
                        worst = worst.max(g);
                    }
                    (
                        growth(m.cpu, p.cpu),
                        growth(
                            m.peak_kb.saturating_sub(baseline) as f64,
                            p.peak_kb.saturating_sub(baseline) as f64,
                        ),
                        growth(m.json as f64, p.json as f64),
                    )
                }
                None => ("-".into(), "-".into(), "-".into()),
            };
            let ratio =
                (m.peak_kb.saturating_sub(baseline) as f64 * 1024.0) / (m.input.max(1) as f64);
            println!(
                "{:<10} {:>11} {:>9.2} {:>9.2} {:>10.1} {:>12.2} {:>9.1} {:>7} {:>7} {:>7}  {} {:.1}",
                name,
                m.input,
                m.cpu,
                m.wall,
                m.peak_kb as f64 / 1024.0,
                m.json as f64 / 1e6,
                ratio,
                gc,
                gm,
                go,
                m.top.0,
                m.top.1 as f64 / m.input.max(1) as f64
            );
            if ratio > worst_mem.0 {
                worst_mem = (ratio, format!("{name} {}", m.input));
            }
            prev = Some(m);
        }
    }
    println!("largest CPU growth per doubling (steps from ≥ 0.2 s): {worst:.2}");
    println!(
        "largest peak memory over input: {:.1}x ({})",
        worst_mem.0, worst_mem.1
    );
}

struct Measure {
    input: usize,
    cpu: f64,
    wall: f64,
    peak_kb: u64,
    json: usize,
    /// The stage whose heap peak (counted by the allocator) was highest, and that peak.
    top: (String, usize),
}

fn measure(class: &str, size: usize) -> Result<Measure, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .args(["run", class, &size.to_string()])
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "{} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let line = String::from_utf8_lossy(&out.stdout);
    let f: Vec<&str> = line.split_whitespace().collect();
    let num = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    Ok(Measure {
        input: num(0) as usize,
        cpu: num(1),
        wall: num(2),
        peak_kb: num(3) as u64,
        json: num(4) as usize,
        top: f
            .iter()
            .skip(5)
            .filter_map(|x| {
                let mut p = x.split(':');
                Some((p.next()?.to_string(), p.next()?.parse().ok()?))
            })
            .max_by_key(|(_, peak)| *peak)
            .unwrap_or_default(),
    })
}

/// One measurement: prints `input_bytes cpu_s wall_s peak_kb json_bytes`, then per stage
/// `stage:peak_heap_bytes:live_heap_bytes` (the heap counted by the allocator: the peak since
/// the previous stage ended, and what is live as this one ends).
fn run(class: &str, size: usize) -> Result<(), String> {
    let articles = match class {
        "idle" => Vec::new(),
        "articles" => many_articles(size),
        _ => vec![Article::new(class, generate(class, size)?)],
    };
    let input: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut stages: Vec<(&str, usize, usize)> = Vec::new();
    stage_peak();
    let (cpu0, t0) = (cpu_seconds(), Instant::now());
    let json = if articles.is_empty() {
        0
    } else {
        let report = analyze_observed(&articles, &Options::default(), |stage| {
            let (peak, live) = stage_peak();
            stages.push((stage, peak, live));
        })
        .map_err(|e| e.to_string())?;
        // Written as the CLI writes it: streamed, never held whole.
        let mut out = CountingSink(0);
        serde_json::to_writer(&mut out, &report).map_err(|e| e.to_string())?;
        let (peak, live) = stage_peak();
        stages.push(("json", peak, live));
        out.0
    };
    let (cpu, wall) = (cpu_seconds() - cpu0, t0.elapsed().as_secs_f64());
    print!("{input} {cpu:.3} {wall:.3} {} {json}", peak_kb());
    for (stage, peak, live) in stages {
        print!(" {stage}:{peak}:{live}");
    }
    println!();
    Ok(())
}

/// Counts the bytes written to it and keeps none.
struct CountingSink(usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Text of one class, `size` bytes or a little over (cut at a char boundary).
pub fn generate(class: &str, size: usize) -> Result<String, String> {
    let mut out = String::with_capacity(size + 256);
    let mut rng = Lcg(0x9e37_79b9_7f4a_7c15);
    match class {
        "news" => {
            while out.len() < size {
                for s in SEEDS {
                    out.push_str(s.trim_end());
                    out.push_str("\n\n");
                }
            }
        }
        "longline" => {
            let words: Vec<String> = SEEDS
                .iter()
                .flat_map(|s| s.split_whitespace())
                .map(|w| w.replace(['.', '!', '?', '\u{2026}'], ""))
                .filter(|w| !w.is_empty())
                .collect();
            let mut i = 0;
            while out.len() < size {
                out.push_str(&words[i % words.len()]);
                out.push(' ');
                i += 1;
            }
        }
        "dense" => {
            let who = ["Aliyev", "Pashinyan", "the ministry", "officials", "Putin"];
            let what = ["soldiers", "civilians", "troops", "people", "servicemen"];
            let event = ["killed", "wounded", "captured", "missing", "deployed"];
            let mut i = 0u64;
            while out.len() < size {
                let r = rng.next();
                out.push_str(&format!(
                    "{} said that at least {} {} were {} near Lachin on Tuesday and {} ",
                    who[(r % 5) as usize],
                    10 + r % 990,
                    what[((r >> 8) % 5) as usize],
                    event[((r >> 16) % 5) as usize],
                    if i % 2 == 0 { "while" } else { "as" }
                ));
                i += 1;
            }
            out.push('.');
        }
        "saidchain" => {
            let names = [
                "Aliyev",
                "Pashinyan",
                "Putin",
                "Macron",
                "Erdogan",
                "Blinken",
            ];
            while out.len() < size {
                let r = rng.next();
                out.push_str(&format!(
                    "{} said {} said {} said. ",
                    names[(r % 6) as usize],
                    names[((r >> 8) % 6) as usize],
                    names[((r >> 16) % 6) as usize]
                ));
                if r % 7 == 0 {
                    out.push('\n');
                }
            }
        }
        "unicode" => {
            // One or more characters of every general category, and the shapes text code
            // trips on: combining marks, ZWJ sequences, RTL marks, other scripts' digits,
            // Unicode line separators, quotes, and plain words between them.
            const PIECES: &[&str] = &[
                "Aliyev",
                "said",
                "the",
                " ",
                " ",
                "\n",
                "\t",
                ".",
                "!",
                "?",
                ",",
                "\u{201c}",
                "\u{201d}",
                "'",
                "\"",
                "e\u{301}",
                "\u{200d}",
                "\u{1f468}\u{200d}\u{1f469}",
                "\u{202e}",
                "\u{200f}",
                "\u{2028}",
                "\u{2029}",
                "\u{85}",
                "\u{a0}",
                "\u{3000}",
                "\u{663}",
                "\u{96f}",
                "\u{ff11}",
                "\u{2164}",
                "\u{bd}",
                "\u{5e9}\u{5dc}",
                "\u{645}\u{631}",
                "\u{4e2d}\u{6587}",
                "\u{d55c}",
                "\u{3042}",
                "\u{e000}",
                "\u{fffd}",
                "\u{feff}",
                "\u{ad}",
                "\u{1d400}",
                "\u{1f600}",
                "$",
                "\u{20ac}",
                "\u{2212}",
                "%",
                "\u{2014}",
                "\u{2013}",
                "(",
                ")",
                "[",
                "]",
                "\u{ab}",
                "\u{bb}",
                "\u{1}",
                "\u{7f}",
                "\u{9f}",
                "\u{2c7}",
                "\u{2160}",
                "\u{1c5}",
                "\u{130}",
                "\u{df}",
                "A",
                "Z",
                "42",
                "1.5",
                "Mr.",
                "U.S.",
                "\u{2026}",
                "...",
                "-",
                "_",
                "@",
                "#",
                "&",
                "*",
                "/",
                "\\",
                "~",
                "^",
                "|",
                "<",
                ">",
                "=",
                "+",
            ];
            while out.len() < size {
                out.push_str(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
            }
        }
        other => return Err(format!("unknown class {other}")),
    }
    let mut cut = size.min(out.len());
    while !out.is_char_boundary(cut) {
        cut += 1;
    }
    out.truncate(cut);
    Ok(out)
}

/// `n` one-sentence articles about one event, in a few wordings.
fn many_articles(n: usize) -> Vec<Article> {
    let mut rng = Lcg(7);
    let who = [
        "Aliyev",
        "Pashinyan",
        "The Armenian defence ministry",
        "Officials in Baku",
    ];
    (0..n)
        .map(|i| {
            let r = rng.next();
            Article::new(
                format!("a{i}.txt"),
                format!(
                    "{} said {} soldiers were killed near Lachin on Tuesday.\n",
                    who[(r % 4) as usize],
                    10 + r % 90
                ),
            )
        })
        .collect()
}

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// User + system CPU seconds of this process so far (`/proc/self/stat`, clock ticks of 10 ms).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Peak resident memory of this process in kB (`VmHWM`).
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}
