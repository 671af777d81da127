//! The WebAssembly binding: the only module that knows wasm-bindgen. Each export converts its
//! input, calls the core once and converts the output; errors cross as JavaScript `Error`s.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::pipeline::{Article, Options};

// The report's TypeScript declarations, generated from `src/report.rs` (tests/typescript.rs),
// go into the package's `.d.ts` so bundler users get a typed `analyze`.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &'static str = include_str!("../types/report.d.ts");

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// `analyze([{name, text}, …], options?)` → the `corroborate/report@1` object. `options` is
/// `{edits: [{merge: [name, …]} | {split: name} | {rename: [name, new name]}, …]}` (see `Options`). Throws an `Error` when
/// the input is not an array of articles, the options are malformed, or a limit is exceeded.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "Article[]")] articles: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
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
    let report =
        crate::analyze_with(&articles, &options).map_err(|e| JsError::new(&e.to_string()))?;
    // json_compatible: absent values become null (not undefined) and maps plain objects, so
    // the page receives exactly the JSON the CLI prints.
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `analyzeJson('[{"name":…,"text":…}]', optionsJson?)` → the report as a JSON string,
/// byte-identical to the CLI's `--compact` output (with `--options`). Used by the boundary
/// tests and by callers that store reports.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(articles: &str, options: Option<String>) -> Result<String, JsError> {
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
    let report =
        crate::analyze_with(&articles, &options).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))
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
