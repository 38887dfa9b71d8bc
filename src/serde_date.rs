//! `Option<time::Date>` as `"YYYY-MM-DD"` or `null`, the contract's date form.

use serde::{de::Error as _, Deserialize, Deserializer, Serializer};
use time::Date;

use crate::inline::date::parse_iso;

pub(crate) fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.collect_str(&format_args!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )),
        None => s.serialize_none(),
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let Some(text) = Option::<std::borrow::Cow<'de, str>>::deserialize(d)? else {
        return Ok(None);
    };
    match parse_iso(&text) {
        Some(Ok(date)) if text.len() == 10 => Ok(Some(date)),
        _ => Err(D::Error::custom(format!(
            "expected a YYYY-MM-DD date, found {text:?}"
        ))),
    }
}
