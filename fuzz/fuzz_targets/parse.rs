//! Any bytes: `parse_bytes` never panics, rejects exactly the bytes that are
//! not UTF-8, and the model of text (the input, or its lossy repair) keeps
//! the span invariants of `tests/support/invariants.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    match (minutes::parse_bytes(data), std::str::from_utf8(data)) {
        (Ok(meeting), Ok(text)) => invariants::check(text, &meeting),
        (Err(minutes::Error::InvalidUtf8 { offset }), Err(err)) => {
            assert_eq!(offset, err.valid_up_to());
            let text = String::from_utf8_lossy(data);
            invariants::check(&text, &minutes::parse(&text));
        }
        (result, utf8) => panic!("parse_bytes gave {result:?} for {utf8:?}"),
    }
});
