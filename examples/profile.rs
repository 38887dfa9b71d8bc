//! Parses one file a number of times, for `valgrind --tool=callgrind` and
//! `perf`: instruction counts are stable where wall-clock time is not.
//!
//! ```text
//! cargo build --release --example profile
//! valgrind --tool=callgrind target/release/examples/profile minutes FILE
//! valgrind --tool=callgrind target/release/examples/profile pulldown FILE
//! valgrind --tool=callgrind target/release/examples/profile none FILE   # startup and reading
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(parser), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: profile minutes|pulldown|none FILE [TIMES]");
        return ExitCode::FAILURE;
    };
    let times: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let mut count = 0;
    for _ in 0..times {
        count += match parser.as_str() {
            "minutes" => minutes::parse(&text).items.len(),
            "pulldown" => {
                let options = pulldown_cmark::Options::ENABLE_TASKLISTS;
                pulldown_cmark::Parser::new_ext(&text, options).count()
            }
            _ => 0,
        };
    }
    println!("{count}");
    ExitCode::SUCCESS
}
