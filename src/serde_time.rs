//! `time::Time` as `"HH:MM"` and `time::UtcOffset` as `"+HH:MM"`, the
//! contract's forms (the `time` crate's own serde support is not enabled).

use serde::{de::Error as _, Deserialize, Deserializer, Serializer};
use time::{Time, UtcOffset};

pub(crate) fn serialize<S: Serializer>(time: &Time, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!("{:02}:{:02}", time.hour(), time.minute()))
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
    let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
    parse_hh_mm(&text)
        .and_then(|(h, m)| Time::from_hms(h, m, 0).ok())
        .ok_or_else(|| D::Error::custom(format!("expected an HH:MM time, found {text:?}")))
}

/// `"HH:MM"` as hours and minutes, unchecked.
fn parse_hh_mm(text: &str) -> Option<(u8, u8)> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Some((h.parse().ok()?, m.parse().ok()?))
}

pub(crate) mod option {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(time: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => super::serialize(time, s),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Time>, D::Error> {
        let Some(text) = Option::<std::borrow::Cow<'de, str>>::deserialize(d)? else {
            return Ok(None);
        };
        parse_hh_mm(&text)
            .and_then(|(h, m)| Time::from_hms(h, m, 0).ok())
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("expected an HH:MM time, found {text:?}")))
    }
}

pub(crate) mod offset {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        offset: &Option<UtcOffset>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match offset {
            Some(offset) => {
                let sign = if offset.is_negative() { '-' } else { '+' };
                let (h, m, _) = offset.as_hms();
                s.collect_str(&format_args!(
                    "{sign}{:02}:{:02}",
                    h.unsigned_abs(),
                    m.unsigned_abs()
                ))
            }
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<UtcOffset>, D::Error> {
        let Some(text) = Option::<std::borrow::Cow<'de, str>>::deserialize(d)? else {
            return Ok(None);
        };
        let parsed = text
            .strip_prefix('+')
            .map(|t| (1, t))
            .or_else(|| text.strip_prefix('-').map(|t| (-1, t)));
        parsed
            .and_then(|(sign, rest)| {
                let (h, m) = parse_hh_mm(rest)?;
                let (h, m) = (i8::try_from(h).ok()?, i8::try_from(m).ok()?);
                UtcOffset::from_hms(sign * h, sign * m, 0).ok()
            })
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("expected a +HH:MM offset, found {text:?}")))
    }
}
