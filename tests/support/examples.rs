//! The example binaries, for the tests that run them.
//!
//! Cargo builds no example for `cargo test --test tools`, and a binary left
//! from an earlier build may be stale, so the first test to need one runs
//! `cargo build --examples` (a no-op when they are fresh) in the profile and
//! target folder of the running test, then runs the binaries from
//! `target/<profile>/examples`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The folder of the example binaries, built once per test run.
pub fn examples_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // target/<profile>/deps/tools-<hash>
        let exe = std::env::current_exe().expect("the test's path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>");
        let mut build = Command::new(env!("CARGO"));
        // The crate's folder, also from a test package of the workspace.
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest
            .ancestors()
            .find(|dir| dir.join("src/lib.rs").is_file())
            .unwrap_or(manifest);
        build
            .args(["build", "--examples", "--quiet", "--package", "minutes"])
            .current_dir(root);
        if profile_dir.ends_with("release") {
            build.arg("--release");
        }
        // The same target folder as this test, wherever it is.
        if let Some(target) = profile_dir.parent() {
            build.env("CARGO_TARGET_DIR", target);
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "cargo build --examples failed");
        profile_dir.join("examples")
    })
}

/// The example `name`, colour rules and width fixed.
pub fn tool(name: &str) -> Command {
    let mut command = Command::new(examples_dir().join(name));
    command.env_remove("NO_COLOR").env("COLUMNS", "100");
    command
}
