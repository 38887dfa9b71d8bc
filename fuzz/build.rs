//! Copies `src/block/commonmark.rs` (issue 4's differential test, a unit
//! test of the block layer) into OUT_DIR with its inner doc comments made
//! plain, so that the `differential` target can `include!` it and share its
//! generator, its reference and its list of deliberate differences instead
//! of keeping a copy that drifts. The test reads the block outline as
//! `super::outline`; the copy reads it as `minutes::outline`, which the
//! crate shows only to builds with `--cfg fuzzing`, as `cargo fuzz` builds.

fn main() {
    let source = "../src/block/commonmark.rs";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("src/block/commonmark.rs is readable");
    let text: String = text
        .lines()
        .map(|line| match line.strip_prefix("//!") {
            Some(rest) => format!("//{rest}\n"),
            None if line == "use super::outline::{outline, Outline};" => {
                "use minutes::{outline, Outline};\n".to_string()
            }
            None => format!("{line}\n"),
        })
        .collect();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("commonmark.rs");
    std::fs::write(out, text).expect("OUT_DIR is writable");
}
