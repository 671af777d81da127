//! The wasm boundary under Node (`wasm-pack test --node --test wasm`).
#![cfg(target_arch = "wasm32")]
include!("wasm_shared.rs.in");
