//! Copies `tests/commonmark.rs` (issue 4's differential test) into OUT_DIR
//! with its inner doc comments made plain, so that the `differential` target
//! can `include!` it and share its generator, its reference and its list of
//! deliberate differences instead of keeping a copy that drifts.

fn main() {
    let source = "../tests/commonmark.rs";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("tests/commonmark.rs is readable");
    let text: String = text
        .lines()
        .map(|line| match line.strip_prefix("//!") {
            Some(rest) => format!("//{rest}\n"),
            None => format!("{line}\n"),
        })
        .collect();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("commonmark.rs");
    std::fs::write(out, text).expect("OUT_DIR is writable");
}
