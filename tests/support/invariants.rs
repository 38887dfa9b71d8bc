//! Structural invariants every parse must keep, shared by `tests/hostile.rs`
//! and the fuzz targets (`fuzz/fuzz_targets/*.rs` include this file by path).
//!
//! Every span lies inside the input on `char` boundaries, children lie inside
//! their parents, siblings come in order, and borrowed strings point into the
//! input. Walks the model with an explicit stack, never by recursion.

use std::borrow::Cow;

use minutes::{Item, Meeting, Section, Span};

/// Panics, naming the broken rule, when `meeting` does not fit `input`.
pub fn check(input: &str, meeting: &Meeting<'_>) {
    assert_eq!(meeting.span, Span::new(0, input.len()), "meeting span");
    let root = meeting.span;
    let text = |what: &str, cow: &Cow<'_, str>| borrowed_inside(input, what, cow);
    if let Some(title) = &meeting.title {
        text("title", title);
    }
    for attendee in &meeting.attendees {
        span_inside(input, "attendee", attendee.span, root);
        text("attendee name", &attendee.name);
        attendee
            .handle
            .iter()
            .for_each(|h| text("attendee handle", h));
        attendee.url.iter().for_each(|u| text("attendee url", u));
        attendee
            .affiliations
            .iter()
            .for_each(|a| text("affiliation", a));
    }
    for diagnostic in &meeting.diagnostics {
        span_inside(input, "diagnostic", diagnostic.span, root);
    }
    if let Some(next) = &meeting.next_meeting {
        span_inside(input, "next meeting", next.span, root);
        text("next meeting text", &next.text);
    }
    meeting.paragraphs.iter().for_each(|p| text("paragraph", p));
    check_items(input, &meeting.items, root);
    siblings_in_order("section", meeting.sections.iter().map(|s| s.span));

    let mut stack: Vec<(&Section<'_>, Span)> = meeting.sections.iter().map(|s| (s, root)).collect();
    while let Some((section, parent)) = stack.pop() {
        span_inside(input, "section", section.span, parent);
        assert!(
            (1..=6).contains(&section.level),
            "section level {}",
            section.level
        );
        text("heading", &section.heading);
        section.paragraphs.iter().for_each(|p| text("paragraph", p));
        check_items(input, &section.items, section.span);
        siblings_in_order("section", section.sections.iter().map(|s| s.span));
        for child in &section.sections {
            assert!(child.level > section.level, "subsection level");
            stack.push((child, section.span));
        }
    }
}

/// Items under `parent`, their children, and what they found.
fn check_items(input: &str, items: &[Item<'_>], parent: Span) {
    siblings_in_order("item", items.iter().map(|i| i.span));
    let mut stack: Vec<(&Item<'_>, Span)> = items.iter().map(|i| (i, parent)).collect();
    while let Some((item, parent)) = stack.pop() {
        span_inside(input, "item", item.span, parent);
        borrowed_inside(input, "item text", &item.text);
        if let Some(task) = &item.task {
            borrowed_inside(input, "task marker", &task.marker);
        }
        for list in [&item.owners, &item.mentions, &item.teams, &item.tags] {
            list.iter()
                .for_each(|s| borrowed_inside(input, "item string", s));
        }
        for reference in &item.references {
            span_inside(input, "reference", reference.span, item.span);
        }
        siblings_in_order("item", item.children.iter().map(|c| c.span));
        stack.extend(item.children.iter().map(|c| (c, item.span)));
    }
}

fn span_inside(input: &str, what: &str, span: Span, parent: Span) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{what} span {span} outside the input of {} bytes",
        input.len()
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "{what} span {span} splits a character"
    );
    assert!(
        parent.start <= span.start && span.end <= parent.end,
        "{what} span {span} outside its parent {parent}"
    );
}

fn siblings_in_order(what: &str, spans: impl Iterator<Item = Span>) {
    let mut previous: Option<Span> = None;
    for span in spans {
        if let Some(prev) = previous {
            assert!(
                prev.end <= span.start,
                "{what} siblings {prev} and {span} overlap or are out of order"
            );
        }
        previous = Some(span);
    }
}

/// A borrowed string must be a slice of the input (that is what zero-copy
/// promises); owned ones were joined by the parser and are not checked.
#[allow(clippy::ptr_arg)] // the variant is what is checked
fn borrowed_inside(input: &str, what: &str, text: &Cow<'_, str>) {
    if let Cow::Borrowed(s) = text {
        let base = input.as_ptr() as usize;
        let at = s.as_ptr() as usize;
        assert!(
            s.is_empty() || (at >= base && at + s.len() <= base + input.len()),
            "{what} {s:?} is borrowed but not from the input"
        );
    }
}
