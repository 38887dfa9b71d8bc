//! What a heading says about its section: kind, status bucket, repository.

use crate::bytes;
use crate::inline::reference::repo_before;
use crate::model::{SectionKind, Status};

/// The heading words, without leading emoji or marks and trailing colons,
/// compared case-insensitively against the synonyms below.
#[inline]
fn normalize(heading: &str) -> &str {
    trim_end_marks(trim_start_marks(heading))
}

/// Everything before the first letter or digit: emoji, `#`, list marks.
fn trim_start_marks(text: &str) -> &str {
    bytes::trim_start_by(
        text,
        |b| !b.is_ascii_alphanumeric(),
        |c| !c.is_alphanumeric(),
    )
}

/// White space, `:`, `*`, `_` and `#` at the end.
fn trim_end_marks(text: &str) -> &str {
    bytes::trim_end_by(
        text,
        |b| bytes::is_ascii_space(b) || matches!(b, b':' | b'*' | b'_' | b'#'),
        |c| c.is_whitespace() || matches!(c, ':' | '*' | '_' | '#'),
    )
}

/// The heading text without trailing HTML comments, which nobody sees:
/// `Meeting 103 Notes <!-- omit in toc -->` (a table-of-contents tool's mark).
pub(crate) fn without_trailing_comments(text: &str) -> &str {
    let mut text = text;
    while let Some(open) = text.strip_suffix("-->").and_then(|rest| rest.rfind("<!--")) {
        text = text.get(..open).unwrap_or_default().trim_end();
    }
    text
}

const ATTENDEES: &[&str] = &[
    "attendees",
    "attendee",
    "attendance",
    "present",
    "participants",
    "members",
    "visitors",
    "introduction of attendees",
    "roll call",
];
const METADATA: &[&str] = &[
    "meeting information",
    "information",
    "meeting info",
    "meeting details",
    "details",
    "logistics",
    "links",
];
const TOPICS: &[&str] = &[
    "topics",
    "topic",
    "agenda",
    "main topics",
    "agenda items",
    "discussion topics",
    "meeting agenda",
    "main meeting agenda",
];
const ACTIONS: &[&str] = &[
    "actions",
    "action items",
    "action item",
    "action",
    "ais",
    "next steps",
    "follow-up",
    "follow-ups",
    "follow up",
    "follow ups",
    "followups",
];

/// Headings that start or end with these words hold actions too:
/// `Action items from last meeting`, `Previous actions`.
const ACTIONS_START: &[&str] = &["action items ", "todo items ", "actions "];
const ACTIONS_END: &[&str] = &[" actions", " action items"];

/// Longer headings are sentences, not an actions heading.
const LONGEST_ACTIONS_HEADING: usize = 40;

fn is_actions(words: &str) -> bool {
    let starts = |p: &str| bytes::starts_with_ignore_case(words, p);
    let ends = |p: &str| bytes::ends_with_ignore_case(words, p);
    is_one_of(words, ACTIONS)
        || (words.len() <= LONGEST_ACTIONS_HEADING
            && (ACTIONS_START.iter().any(|p| starts(p)) || ACTIONS_END.iter().any(|p| ends(p))))
}
const NEXT_MEETING: &[&str] = &[
    "next meeting",
    "next meetings",
    "next meeting schedule",
    "next meeting date",
    "next meeting time",
    "next meeting date/time",
    "next meeting date & time",
    "next meeting date and time",
];
/// The words of each status bucket.
const STATUSES: &[(Status, &[&str])] = &[
    (
        Status::Todo,
        &["todo", "todos", "to do", "to reply", "to resolve"],
    ),
    (Status::InProgress, &["wip", "in progress", "doing"]),
    (Status::Done, &["done", "resolved", "closed"]),
    (Status::Tbd, &["tbd"]),
    (Status::Blocked, &["blocked"]),
];

fn is_one_of(words: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(words))
}

/// The length of the longest word in `lists`.
const fn longest(lists: &[&[&str]]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            if lists[i][j].len() > max {
                max = lists[i][j].len();
            }
            j += 1;
        }
        i += 1;
    }
    max
}

/// Headings longer than this are none of the kinds, nor a status.
const LONGEST_KIND: usize = {
    let mut max = longest(&[ATTENDEES, TOPICS, ACTIONS, NEXT_MEETING]);
    let mut i = 0;
    while i < STATUSES.len() {
        let words = longest(&[STATUSES[i].1]);
        if words > max {
            max = words;
        }
        i += 1;
    }
    max
};

/// The kind of a section and its own status bucket, from its heading text.
pub(crate) fn classify(heading: &str) -> (SectionKind, Option<Status>) {
    read_words(heading, classify_words, |found| {
        found.0 != SectionKind::Other
    })
}

/// `read` of the heading's words; when it finds nothing there (`found`),
/// of the words before a note in parentheses: `Attendance (please add
/// yourself):`.
#[inline(always)]
fn read_words<T>(heading: &str, read: impl Fn(&str) -> T, found: impl Fn(&T) -> bool) -> T {
    let whole = read(normalize(heading));
    if found(&whole) {
        return whole;
    }
    match crate::bytes::find_byte(heading.as_bytes(), b'(') {
        Some(open) if open > 0 => match heading.get(..open) {
            Some(before) => read(normalize(before)),
            None => whole,
        },
        _ => whole,
    }
}

/// Whether a heading or label holds actions: `classify(heading).0 ==
/// SectionKind::Actions`, with one test of the first letter for most
/// texts (every actions heading starts with `a`, `f`, `n` or `t`, or ends
/// with `actions` or `action items`).
pub(crate) fn is_actions_heading(heading: &str) -> bool {
    // The lists of statuses, attendees and topics hold no actions heading,
    // so the kind is Actions exactly when `is_actions` says so.
    let actions = |words: &str| {
        let first = words.as_bytes().first().map_or(0, |b| b | 0x20);
        let may = matches!(first, b'a' | b'f' | b'n' | b't')
            || ACTIONS_END
                .iter()
                .any(|p| bytes::ends_with_ignore_case(words, p));
        may && is_actions(words)
    };
    read_words(heading, actions, |&found| found)
}

fn classify_words(words: &str) -> (SectionKind, Option<Status>) {
    if words.len() > LONGEST_KIND {
        let kind = if is_actions(words) {
            SectionKind::Actions
        } else {
            SectionKind::Other
        };
        return (kind, None);
    }
    let status = STATUSES
        .iter()
        .find_map(|&(status, list)| is_one_of(words, list).then_some(status));
    if let Some(status) = status {
        return (SectionKind::Status, Some(status));
    }
    let kind = if is_one_of(words, ATTENDEES) {
        SectionKind::Attendees
    } else if is_one_of(words, TOPICS) {
        SectionKind::Topics
    } else if is_actions(words) {
        SectionKind::Actions
    } else if is_one_of(words, NEXT_MEETING) {
        SectionKind::NextMeeting
    } else {
        SectionKind::Other
    };
    (kind, None)
}

/// Whether the section holds the meeting's fields (`## 📅 Meeting Information`),
/// which go into the metadata list whatever their keys.
pub(crate) fn is_metadata(heading: &str) -> bool {
    let words = normalize(heading);
    words.len() <= longest(&[METADATA]) && is_one_of(words, METADATA)
}

/// A heading that is exactly a repository name, `### nodejs/node`, sets the
/// repository for bare `#N` below it. Returns the offsets of owner and repo
/// within `heading`.
pub(crate) fn repository(heading: &str) -> Option<(&str, &str)> {
    let trimmed = heading.trim().trim_matches('`');
    // `owner/repo` and nothing else: one byte outside those names settles it.
    let name_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/');
    if !trimmed.bytes().all(name_byte) {
        return None;
    }
    let (start, owner, repo) = repo_before(trimmed, trimmed.len())?;
    (start == 0).then_some((owner, repo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_as_by_chars() {
        for text in [
            "",
            "## 📅 Meeting Information:",
            "  **Done**: \u{a0}",
            "1. Topics ##",
            "é:",
            "\u{2003}x\u{3000}",
            "---",
            "✅ WIP _",
        ] {
            let by_chars = text
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | '*' | '_' | '#')
                });
            assert_eq!(normalize(text), by_chars, "{text:?}");
        }
    }

    #[test]
    fn trailing_comments_are_not_heading_text() {
        let cut = without_trailing_comments;
        assert_eq!(
            cut("Meeting 103 Notes <!-- omit in toc -->"),
            "Meeting 103 Notes"
        );
        assert_eq!(cut("A <!-- x --><!-- y -->"), "A");
        assert_eq!(cut("<!-- only -->"), "");
        assert_eq!(cut("A <!-- x --> B"), "A <!-- x --> B");
        assert_eq!(cut("arrow -->"), "arrow -->");
    }

    #[test]
    fn actions_headings_as_classified() {
        for text in [
            "",
            "Action Items",
            "**Next steps**:",
            "Follow-ups",
            "AIs",
            "TODO items from last week",
            "Previous actions",
            "Open action items",
            "Attendees",
            "Attendance (action items)",
            "Actions (from last meeting)",
            "(Actions)",
            "*(Actions)",
            "Review of actions (old)",
            "Done",
            "todo",
            "📋 Action items:",
            "Discussion",
            "Not actions at all but a very long sentence that ends with actions",
        ] {
            let classified = classify(text).0 == SectionKind::Actions;
            assert_eq!(is_actions_heading(text), classified, "{text:?}");
        }
    }

    #[test]
    fn kinds_and_buckets() {
        assert_eq!(classify("Attendees"), (SectionKind::Attendees, None));
        assert_eq!(classify("👥 Attendees:"), (SectionKind::Attendees, None));
        assert_eq!(classify("Action Items"), (SectionKind::Actions, None));
        assert_eq!(
            classify("Next Meeting Schedule"),
            (SectionKind::NextMeeting, None)
        );
        for next in [
            "Next Meeting Date/Time",
            "next meeting date & time",
            "Next Meeting Date",
        ] {
            assert_eq!(classify(next), (SectionKind::NextMeeting, None), "{next}");
        }
        assert_eq!(classify("DONE"), (SectionKind::Status, Some(Status::Done)));
        assert_eq!(
            classify("To Resolve"),
            (SectionKind::Status, Some(Status::Todo))
        );
        assert_eq!(
            classify("WIP"),
            (SectionKind::Status, Some(Status::InProgress))
        );
        assert_eq!(classify("Clean up `TODO` list"), (SectionKind::Other, None));
        assert_eq!(classify("Github Issue"), (SectionKind::Other, None));
    }

    #[test]
    fn repository_headings() {
        assert_eq!(repository("nodejs/node"), Some(("nodejs", "node")));
        assert_eq!(repository("`nodejs/TSC`"), Some(("nodejs", "TSC")));
        assert_eq!(repository("about nodejs/node"), None);
        assert_eq!(repository("Dragonfly"), None);
    }
}
