//! How `parse(render(m)) == m` is compared, shared by `tests/render.rs` and
//! the `render` fuzz target: the models as JSON without spans (they index
//! the source, which differs) and without the diagnostics about source
//! structure that the canonical form drops.

use minutes::{Code, Meeting};
use serde_json::Value;

/// Diagnostics about source structure the model does not keep, which the
/// canonical form therefore cannot reproduce.
pub const NORMALIZED_CODES: &[Code] = &[
    Code::UnclosedFence,
    Code::UnclosedFrontMatter,
    Code::NestingTooDeep,
    // `[x] text` without a list marker renders as `- [x] text`.
    Code::TaskWithoutListMarker,
];

/// The model as JSON without spans (they index the source, which differs)
/// and without the diagnostics the canonical form normalizes away.
pub fn comparable(meeting: &Meeting<'_>) -> Value {
    let mut value = serde_json::to_value(meeting).expect("serializes");
    if let Some(Value::Array(diagnostics)) = value.get_mut("diagnostics") {
        let normalized: Vec<&str> = NORMALIZED_CODES.iter().map(|c| c.as_str()).collect();
        diagnostics.retain(|d| {
            d.get("code")
                .and_then(Value::as_str)
                .is_none_or(|code| !normalized.contains(&code))
        });
    }
    let mut stack = vec![&mut value];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                map.remove("span");
                stack.extend(map.values_mut());
            }
            Value::Array(values) => stack.extend(values.iter_mut()),
            _ => {}
        }
    }
    value
}

/// The first place two JSON values differ, for a readable failure.
pub fn first_difference(a: &Value, b: &Value, path: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                let other = y.get(key).unwrap_or(&Value::Null);
                if let Some(d) = first_difference(value, other, format!("{path}.{key}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (u, v))| first_difference(u, v, format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} != {b}")),
    }
}
