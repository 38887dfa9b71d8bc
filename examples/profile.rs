//! Parses files a number of times, for `valgrind --tool=callgrind` and
//! `perf`: instruction counts are stable where wall-clock time is not.
//!
//! ```text
//! cargo build --release --example profile
//! valgrind --tool=callgrind target/release/examples/profile minutes FILE...
//! valgrind --tool=callgrind target/release/examples/profile pulldown FILE...
//! valgrind --tool=callgrind target/release/examples/profile none FILE...   # startup and reading
//! ```
//!
//! Each file is parsed as a document of its own; `--times N` repeats the lot.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut times = 1;
    if let Some(at) = args.iter().position(|a| a == "--times") {
        times = args.get(at + 1).and_then(|n| n.parse().ok()).unwrap_or(1);
        args.drain(at..(at + 2).min(args.len()));
    }
    let Some((parser, paths)) = args.split_first().filter(|(_, paths)| !paths.is_empty()) else {
        eprintln!("usage: profile minutes|pulldown|none FILE... [--times N]");
        return ExitCode::FAILURE;
    };
    let mut texts = Vec::new();
    for path in paths {
        match std::fs::read_to_string(path) {
            Ok(text) => texts.push(text),
            Err(err) => {
                eprintln!("{path}: {err}");
                return ExitCode::FAILURE;
            }
        }
    }
    let mut count = 0;
    for _ in 0..times {
        for text in &texts {
            count += match parser.as_str() {
                "minutes" => minutes::parse(text).items.len(),
                "pulldown" => {
                    let options = pulldown_cmark::Options::ENABLE_TASKLISTS;
                    pulldown_cmark::Parser::new_ext(text, options).count()
                }
                _ => 0,
            };
        }
    }
    // `println!` would panic on a closed pipe or a full disk.
    use std::io::Write;
    match writeln!(std::io::stdout(), "{count}") {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            let _ = writeln!(std::io::stderr(), "profile: cannot write the output: {err}");
            ExitCode::from(4)
        }
        _ => ExitCode::SUCCESS,
    }
}
