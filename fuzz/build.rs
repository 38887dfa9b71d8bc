//! Copies `tests/commonmark.rs` (issue 4's differential test) into OUT_DIR
//! with its inner doc comments made plain, so that the `differential` target
//! can `include!` it and share its generator, its reference and its list of
//! deliberate differences instead of keeping a copy that drifts. Its
//! `mod common;` is pointed at `tests/common/mod.rs`, which the copy in
//! OUT_DIR would not find beside it.

fn main() {
    let source = "../tests/commonmark.rs";
    let common = "../tests/common/mod.rs";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed={common}");
    let text = std::fs::read_to_string(source).expect("tests/commonmark.rs is readable");
    let common = std::fs::canonicalize(common).expect("tests/common/mod.rs exists");
    let text: String = text
        .lines()
        .map(|line| match line.strip_prefix("//!") {
            Some(rest) => format!("//{rest}\n"),
            None if line == "mod common;" => {
                format!(
                    "#[path = {:?}]\nmod common;\n",
                    common.display().to_string()
                )
            }
            None => format!("{line}\n"),
        })
        .collect();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("commonmark.rs");
    std::fs::write(out, text).expect("OUT_DIR is writable");
}
