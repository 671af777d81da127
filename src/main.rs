//! `corroborate`: the command-line shell around the core. It reads regular files (or stdin),
//! refuses what is not article text with a one-line message per file (the core's
//! [`corroborate::input::check`]: empty, binary, HTML, over 5 MB, not UTF-8 or BOM-marked
//! UTF-16; FIFOs and devices are refused before they are opened, so one cannot hang the run),
//! analyses the rest, and prints the report as JSON (the same `corroborate/report@1` the page
//! renders) or as Markdown; a failed write (a full disk) is reported on stderr.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use corroborate::{analyze_with, markdown, Article, Options, MAX_ARTICLE_BYTES};

const USAGE: &str = "usage: corroborate [--format json|markdown] [--compact] [--options FILE] FILE...
  FILE     a text file of one article ('-' reads standard input)
  --format json      the report JSON, corroborate/report@1 (default)
  --format markdown  a readable summary
  --compact          JSON on one line
  --options FILE     analysis options as JSON, e.g. entity edits:
                     {\"edits\": [{\"merge\": [\"Putin\", \"Vladimir Putin\"]}, {\"split\": \"Aliyev\"}]}";

enum Format {
    Json,
    Markdown,
}

fn main() -> ExitCode {
    let mut format = Format::Json;
    let mut compact = false;
    let mut options = Options::default();
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("corroborate {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "--format" | "-f" => match args.next().as_deref() {
                Some("json") => format = Format::Json,
                Some("markdown") | Some("md") => format = Format::Markdown,
                other => {
                    eprintln!(
                        "corroborate: --format takes json or markdown, not {}",
                        other.unwrap_or("nothing")
                    );
                    return ExitCode::from(2);
                }
            },
            "--compact" => compact = true,
            "--options" => match args.next().map(|p| read_options(&p)) {
                Some(Ok(o)) => options = o,
                Some(Err(msg)) => {
                    eprintln!("corroborate: --options: {msg}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("corroborate: --options takes a JSON file");
                    return ExitCode::from(2);
                }
            },
            s if s.starts_with("--format=") => {
                format = match &s["--format=".len()..] {
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    other => {
                        eprintln!("corroborate: --format takes json or markdown, not {other}");
                        return ExitCode::from(2);
                    }
                }
            }
            s if s.starts_with('-') && s != "-" => {
                eprintln!("corroborate: unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let mut failed = false;
    let mut articles = Vec::new();
    for f in &files {
        match read_article(f) {
            Ok(a) => articles.push(a),
            Err(msg) => {
                eprintln!("corroborate: {f}: {msg}");
                failed = true;
            }
        }
    }
    if articles.is_empty() {
        return ExitCode::FAILURE;
    }
    let report = match analyze_with(&articles, &options) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("corroborate: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The JSON is written as it is made (never held whole: it is several times the input).
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = match format {
        Format::Json if compact => {
            serde_json::to_writer(&mut stdout, &report).map_err(io::Error::from)
        }
        Format::Json => serde_json::to_writer_pretty(&mut stdout, &report).map_err(io::Error::from),
        Format::Markdown => stdout.write_all(markdown::render(&report).as_bytes()),
    };
    if let Err(e) = written
        .and_then(|()| writeln!(stdout))
        .and_then(|()| stdout.flush())
    {
        // a reader that went away (`| head`) is not worth a message; a full disk is
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!(
                "corroborate: cannot write the report: {}",
                e.to_string().to_lowercase()
            );
        }
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads the `--options` JSON file.
fn read_options(path: &str) -> Result<Options, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

/// Reads one file (or stdin for `-`) and checks it is article text.
fn read_article(path: &str) -> Result<Article, String> {
    let mut bytes = Vec::new();
    let limit = MAX_ARTICLE_BYTES as u64 + 1;
    let read = if path == "-" {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        // A FIFO with no writer would block `open` for ever, and a device may never end:
        // only regular files are read (stat does not block).
        let meta = std::fs::metadata(path)
            .map_err(|e| format!("cannot read: {}", e.to_string().to_lowercase()))?;
        if meta.is_dir() {
            return Err("is a directory, not a file".to_string());
        }
        if !meta.is_file() {
            return Err(
                "not a regular file (a FIFO, socket or device): pipe it to '-' instead".to_string(),
            );
        }
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot read: {}", e.to_string().to_lowercase()))?;
    let name = if path == "-" {
        "stdin".to_string()
    } else {
        path.to_string()
    };
    let text = corroborate::input::check(&bytes).map_err(|e| e.to_string())?;
    Ok(Article::new(name, text))
}
