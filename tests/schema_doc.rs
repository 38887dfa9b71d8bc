//! The example in SCHEMA.md is what the parser really gives.

fn fenced<'a>(doc: &'a str, info: &str) -> &'a str {
    let open = format!("```{info}\n");
    let start = doc.find(&open).expect("SCHEMA.md has the example block") + open.len();
    let len = doc[start..].find("\n```").expect("the block is closed");
    &doc[start..start + len + 1]
}

#[test]
fn schema_example_matches_the_parser() {
    let doc = include_str!("../SCHEMA.md");
    let input = fenced(doc, "markdown");
    let expected: serde_json::Value =
        serde_json::from_str(fenced(doc, "json")).expect("valid JSON");
    let actual = serde_json::to_value(minutes::parse(input)).expect("serializes");
    assert_eq!(actual, expected);
}
