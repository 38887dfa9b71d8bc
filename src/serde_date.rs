//! `Option<time::Date>` as `"YYYY-MM-DD"` or `null`, the contract's date form,
//! written with `time` alone (`render` writes dates the same way).

use std::fmt;

use serde::{de::Error as _, Deserialize, Deserializer, Serializer};
use time::Date;

/// A date written `YYYY-MM-DD`, as the JSON contract and `render` write it.
pub(crate) struct Iso(pub(crate) Date);

impl fmt::Display for Iso {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
    }
}

pub(crate) fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.collect_str(&Iso(*date)),
        None => s.serialize_none(),
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let Some(text) = Option::<std::borrow::Cow<'de, str>>::deserialize(d)? else {
        return Ok(None);
    };
    // `YYYY-MM-DD` exactly: four digits first leave only the numeric form.
    let iso = text.len() == 10 && text.bytes().take(4).all(|b| b.is_ascii_digit());
    let written = crate::grammar::date(&text)
        .ok()
        .filter(|(rest, _)| iso && rest.is_empty());
    match written.and_then(|(_, written)| written.to_date(None)) {
        Some(Ok(date)) => Ok(Some(date)),
        _ => Err(D::Error::custom(format!(
            "expected a YYYY-MM-DD date, found {text:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::Iso;
    use time::{Date, Month};

    #[test]
    fn writes_four_digit_years_and_two_digit_months_and_days() {
        let date = Date::from_calendar_date(33, Month::May, 1).ok();
        assert_eq!(
            date.map(|d| Iso(d).to_string()).as_deref(),
            Some("0033-05-01")
        );
    }
}
