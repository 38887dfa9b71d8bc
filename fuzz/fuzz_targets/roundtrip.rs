//! The model survives JSON: serialized and read back it is equal, and its
//! owned copy is equal and serializes to the same JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes::Meeting;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let meeting = minutes::parse(&text);
    let json = serde_json::to_string(&meeting).expect("the model serializes");
    let back: Meeting<'_> = serde_json::from_str(&json).expect("JSON contract v1 reads back");
    assert_eq!(back, meeting);
    let owned = meeting.clone().into_owned();
    assert_eq!(owned, meeting);
    assert_eq!(serde_json::to_string(&owned).expect("serializes"), json);
});
