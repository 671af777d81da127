//! The WebAssembly binding: the only module that knows wasm-bindgen. Each export converts its
//! input, calls the core once and converts the output; errors cross as JavaScript `Error`s.
//! An analysis given a progress function calls it with plain values, `(stage, done, total)`
//! (`crate::pipeline::Progress`); what to do with them (how often to tell the page) is the
//! caller's.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::pipeline::{Article, Options, Progress};
use crate::report::Report;

// The report's TypeScript declarations, generated from `src/report.rs` (tests/typescript.rs),
// go into the package's `.d.ts` so bundler users get a typed `analyze`.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &'static str = include_str!("../types/report.d.ts");

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// `analyze([{name, text}, …], options?, progress?)` → the `corroborate/report@1` object.
/// `options` is `{edits: [{merge: [name, …]} | {split: name} | {rename: [name, new name]}, …]}`
/// (see `Options`); `progress(stage, done, total)`, when given, is called as the analysis goes
/// (see `stages`). Throws an `Error` when the input is not an array of articles, the options
/// are malformed, a limit is exceeded, or `progress` throws.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "Article[]")] articles: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "(stage: string, done: number, total: number) => void"
    )]
    progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let articles: Vec<Article> = serde_wasm_bindgen::from_value(articles).map_err(|e| {
        JsError::new(&format!(
            "analyze takes an array of {{name, text}} objects: {e}"
        ))
    })?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| {
            JsError::new(&format!(
                "analyze options are {{edits: [{{merge: [names]}} | {{split: name}} | {{rename: [name, new name]}}]}}: {e}"
            ))
        })?
    };
    let report = run(&articles, &options, progress)?;
    // json_compatible: absent values become null (not undefined) and maps plain objects, so
    // the page receives exactly the JSON the CLI prints.
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `analyzeJson('[{"name":…,"text":…}]', optionsJson?, progress?)` → the report as a JSON
/// string, byte-identical to the CLI's `--compact` output (with `--options`); `progress` as in
/// `analyze`. Used by the page's worker, the boundary tests and callers that store reports.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(
    articles: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] options: Option<String>,
    #[wasm_bindgen(
        unchecked_optional_param_type = "(stage: string, done: number, total: number) => void"
    )]
    progress: Option<js_sys::Function>,
) -> Result<String, JsError> {
    let articles: Vec<Article> = serde_json::from_str(articles).map_err(|e| {
        JsError::new(&format!(
            "analyzeJson takes a JSON array of {{name, text}} objects: {e}"
        ))
    })?;
    let options: Options = match options.as_deref() {
        None | Some("") => Options::default(),
        Some(json) => serde_json::from_str(json).map_err(|e| {
            JsError::new(&format!(
                "analyzeJson options are {{\"edits\": [{{\"merge\": [names]}} | {{\"split\": name}} | {{\"rename\": [name, new name]}}]}}: {e}"
            ))
        })?,
    };
    let report = run(&articles, &options, progress)?;
    serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))
}

/// `stages()` → the names an analysis's progress function is called with, in the order the
/// stages run (`crate::pipeline::STAGES`): `["prepare", "figures", "entities", "claims",
/// "spans", "compare"]`.
#[wasm_bindgen]
pub fn stages() -> Vec<String> {
    crate::pipeline::STAGES
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// The analysis, calling `progress(stage, done, total)` when given (see `Progress` for when).
/// After the first exception `progress` throws it is not called again, and the analysis fails
/// with that exception's message once it ends.
fn run(
    articles: &[Article],
    options: &Options,
    progress: Option<js_sys::Function>,
) -> Result<Report, JsError> {
    let mut thrown = None;
    let report = match progress {
        None => crate::analyze_with(articles, options),
        Some(f) => crate::pipeline::analyze_progress(articles, options, |p: Progress| {
            if thrown.is_none() {
                let (stage, done, total) = (p.name(), p.done as u32, p.total as u32);
                thrown = f
                    .call3(&JsValue::NULL, &stage.into(), &done.into(), &total.into())
                    .err();
            }
        }),
    };
    if let Some(e) = thrown {
        let message = match e.dyn_ref::<js_sys::Error>() {
            Some(e) => String::from(e.message()),
            None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
        };
        return Err(JsError::new(&format!(
            "the progress function threw: {message}"
        )));
    }
    report.map_err(|e| JsError::new(&e.to_string()))
}

/// `digestJson(reportJson)` → what differs between the report's articles
/// (`crate::markdown::Digest`) as a JSON string. Throws an `Error` when the text is not a
/// `corroborate/report@1` report.
#[wasm_bindgen(js_name = digestJson)]
pub fn digest_json(report: &str) -> Result<String, JsError> {
    let report: crate::report::Report = serde_json::from_str(report)
        .map_err(|e| JsError::new(&format!("digestJson takes a report as JSON: {e}")))?;
    serde_json::to_string(&crate::markdown::digest(&report))
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `checkInput(bytes)` → the text if the bytes are article text, else throws an `Error` with
/// the same one-line message the CLI prints (empty, binary, too large, not UTF-8).
#[wasm_bindgen(js_name = checkInput)]
pub fn check_input(bytes: &[u8]) -> Result<String, JsError> {
    crate::input::check(bytes).map_err(|e| JsError::new(&e.to_string()))
}

/// `readInput(bytes)` → `{text, html}`: the bytes of a file decoded and checked as the CLI
/// checks them (`crate::input::read`), `html` true for an HTML document, which the page
/// reduces to article text where the CLI refuses it. Throws an `Error` with the CLI's one-line
/// message otherwise (empty, binary, too large, not UTF-8, bad UTF-16).
#[wasm_bindgen(js_name = readInput, unchecked_return_type = "{text: string, html: boolean}")]
pub fn read_input(bytes: &[u8]) -> Result<JsValue, JsError> {
    let text = crate::input::read(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    text.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The report schema this build produces.
#[wasm_bindgen]
pub fn schema() -> String {
    crate::report::SCHEMA.to_string()
}
