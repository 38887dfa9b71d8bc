//! `minutes::grammar` from outside the crate: its parsers composed with
//! nom's own combinators, as another tool would use them, and checked
//! against what `minutes::parse` reads from the corpus with the same rules.

mod common;

use minutes::grammar::{
    affiliations, atx_heading, date, field, handle, issue_reference, list_marker, task_marker,
    team_handle, time_range, AtxHeading, IssueReference, ListMarker,
};
use minutes::ReferenceKind;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{space0, space1};
use nom::combinator::{all_consuming, opt};
use nom::multi::separated_list1;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

#[test]
fn owners_as_a_comma_separated_list() {
    let mut owners = separated_list1(tag(", "), alt((team_handle, handle)));
    assert_eq!(
        owners.parse("@ann, @rust-lang/lang, @bob."),
        Ok((".", vec!["ann", "rust-lang/lang", "bob"]))
    );
    assert!(owners.parse("ann, @bob").is_err());
}

#[test]
fn references_in_a_see_also_line() {
    let mut see = preceded(
        tag("See: "),
        separated_list1(alt((tag(", "), tag(" and "))), issue_reference),
    );
    let (rest, refs) = see
        .parse("See: #12, nodejs/node#7 and https://github.com/a/b/pull/3.")
        .unwrap();
    assert_eq!(rest, ".");
    let numbers: Vec<_> = refs.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [Some(12), Some(7), Some(3)]);
    assert_eq!(refs[2].kind, ReferenceKind::Pull);
    assert_eq!(
        (refs[1].owner, refs[1].repo),
        (Some("nodejs"), Some("node"))
    );
}

/// A task line: list marker, checkbox, text, trailing owners.
fn task_line(input: &str) -> IResult<&str, (ListMarker, &str, &str)> {
    let (rest, (marker, mark)) = (
        terminated(list_marker, space1),
        terminated(task_marker, space0),
    )
        .parse(input)?;
    Ok(("", (marker, mark, rest)))
}

#[test]
fn a_task_line_from_its_parts() {
    let (_, (marker, mark, text)) = task_line("- [/] Ship the release @ann").unwrap();
    assert_eq!(marker, ListMarker::Bullet('-'));
    assert_eq!((mark, text), ("/", "Ship the release @ann"));
    let (_, (marker, ..)) = task_line("3) [ ] x").unwrap();
    assert!(matches!(marker, ListMarker::Ordered { number: 3, .. }));
    assert!(task_line("-[ ] x").is_err());
}

#[test]
fn a_dated_heading() {
    let (_, heading): (_, AtxHeading) = atx_heading("## Sync 2025-10-28 ##").unwrap();
    let title = heading.text;
    let at = title.find(|c: char| c.is_ascii_digit()).unwrap();
    let (_, written) = all_consuming(date).parse(&title[at..]).unwrap();
    assert_eq!(
        (written.year, written.month, written.day),
        (Some(2025), 10, 28)
    );
}

#[test]
fn date_then_time() {
    let mut when = (date, opt(preceded(tag(", "), time_range)));
    let (_, (day, time)) = when
        .parse("Thu, Sept 4th, 2025, 10:00 - 11:00 AM PT")
        .unwrap();
    assert_eq!(
        day.to_date(None).unwrap().unwrap().to_string(),
        "2025-09-04"
    );
    let time = time.unwrap();
    assert_eq!((time.start.hour(), time.zone), (10, Some("PT")));
}

#[test]
fn an_attendee_line() {
    let mut attendee = (terminated(handle, space1), all_consuming(affiliations));
    assert_eq!(
        attendee.parse("@gaius-qi (Ant Group / Dragonfly)"),
        Ok(("", ("gaius-qi", vec!["Ant Group", "Dragonfly"])))
    );
}

#[test]
fn parsers_are_total() {
    let texts = [
        "",
        "@",
        "#",
        "[",
        "-",
        "1.",
        "#######",
        "(",
        "GH-",
        "2025-",
        "12:",
        "**:",
        "é",
        "\u{0}",
        "https://github.com/",
        "@a/",
        "[\u{1F600}] x",
        "99999999999999999999",
    ];
    for text in texts {
        let _ = handle(text);
        let _ = team_handle(text);
        let _ = issue_reference(text);
        let _ = task_marker(text);
        let _ = list_marker(text);
        let _ = atx_heading(text);
        let _ = date(text);
        let _ = time_range(text);
        let _ = field(text);
        let _ = affiliations(text);
    }
}

proptest::proptest! {
    /// On any text every parser returns, and what it leaves is the end of
    /// its input (nom's contract, which composition relies on).
    #[test]
    fn parsers_leave_a_suffix(text in "[-@#/\\[\\]()*_:.,x1-9 hg\u{e9}\n]{0,40}") {
        fn check<T>(text: &str, result: IResult<&str, T>) {
            if let Ok((rest, _)) = result {
                assert!(text.ends_with(rest) && rest.len() < text.len(), "{text:?}");
            }
        }
        check(&text, handle(&text));
        check(&text, team_handle(&text));
        check(&text, issue_reference(&text));
        check(&text, task_marker(&text));
        check(&text, list_marker(&text));
        check(&text, date(&text));
        check(&text, time_range(&text));
        check(&text, affiliations(&text));
        let lines = [atx_heading(&text).map(|(rest, _)| rest), field(&text).map(|(rest, _)| rest)];
        for rest in lines.into_iter().flatten() {
            assert!(text.ends_with(rest), "{text:?}");
        }
    }
}

/// The grammar is the parser's: every reference outside a link that
/// `minutes::parse` finds in the corpus's items reads the same with
/// [`issue_reference`], from where its span starts.
#[test]
fn corpus_tokens_read_alike() {
    let mut checked = 0;
    for (path, text) in common::corpus_files() {
        let meeting = minutes::parse(&text);
        for (item, _) in meeting.all_items() {
            for reference in &item.references {
                let Some(source) = text.get(reference.span.start..reference.span.end) else {
                    continue;
                };
                // Links are the scanner's; an autolink's URL is inside `<>`.
                if source.starts_with('[') {
                    continue;
                }
                let source = source.trim_start_matches('<');
                let parsed: Option<IssueReference> = issue_reference(source).ok().map(|r| r.1);
                assert_eq!(
                    parsed.and_then(|r| r.number),
                    reference.number,
                    "{}: {source:?}",
                    path.display()
                );
                checked += 1;
            }
        }
    }
    if common::corpus_dir().is_some() {
        assert!(checked > 100, "only {checked} references checked");
    }
}

/// Every metadata field of the corpus reads the same with [`field`], from
/// its line after the list marker: the rule the semantic layer calls.
#[test]
fn corpus_fields_read_alike() {
    let mut differ = Vec::new();
    let mut checked = 0;
    for (path, text) in common::corpus_files() {
        for found in minutes::parse(&text).metadata {
            let Some(source) = text.get(found.span.start..found.span.end) else {
                continue;
            };
            let line = match list_marker(source) {
                Ok((rest, _)) => rest.trim_start(),
                Err(_) => source,
            };
            let read = field(line).ok().map(|(_, kv)| (kv.key, kv.value));
            checked += 1;
            if read != Some((&found.key, &found.value)) {
                differ.push(format!("{}: {line:?}: {read:?}", path.display()));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {checked}:\n{}",
        differ.len(),
        differ.join("\n")
    );
}
