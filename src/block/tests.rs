//! The block layer's unit tests.

use super::*;

#[derive(Default)]
struct Collect(Vec<Block>, Vec<(Flag, Span)>);

impl Sink for Collect {
    fn block(&mut self, block: Block) {
        self.0.push(block);
    }
    fn flag(&mut self, flag: Flag, span: Span) {
        self.1.push((flag, span));
    }
}

fn blocks(input: &str) -> Vec<Block> {
    let mut sink = Collect::default();
    parse_blocks(input, 32, &mut sink);
    sink.0
}

fn text(input: &str, span: Span) -> &str {
    &input[span.start..span.end]
}

#[test]
fn blank_agrees_with_trim() {
    for text in [
        "", " ", "\t \t", " x", "\u{b}", " \u{c} ", "\u{a0}", " \u{a0}x", "\u{3000}", "é",
    ] {
        assert_eq!(is_blank(text), text.trim().is_empty(), "{text:?}");
    }
}

#[test]
fn atx_headings_trim_marks() {
    assert_eq!(atx_heading("## Topics ##"), Some((2, (3, 9))));
    assert_eq!(atx_heading("#"), Some((1, (1, 1))));
    assert_eq!(atx_heading("#123"), None);
    assert_eq!(atx_heading("####### seven"), None);
    assert_eq!(atx_heading("# C#"), Some((1, (2, 4))));
}

#[test]
fn list_markers() {
    assert_eq!(list_marker("- a").map(|m| m.width), Some(1));
    assert_eq!(list_marker("12. a").map(|m| m.number), Some(Some(12)));
    assert!(list_marker("-a").is_none());
    assert!(list_marker("1234567890. a").is_none());
    assert!(list_marker("*").is_some_and(|m| m.empty));
}

#[test]
fn checkboxes() {
    assert_eq!(checkbox("[ ] a"), Some(((1, 2), 3)));
    assert_eq!(checkbox("[x]"), Some(((1, 2), 3)));
    assert_eq!(checkbox("[] a"), Some(((1, 1), 2)));
    assert_eq!(checkbox("[x](url)"), None);
    assert_eq!(checkbox("[WIP] a"), None);
    assert_eq!(checkbox("[✓] a"), Some(((1, 4), 5)));
}

#[test]
fn nested_items_and_lazy_continuation() {
    let input = "- a (The Apache\n/Dragonfly)\n  - b\n    more\n- c\n";
    let got = blocks(input);
    let shape: Vec<String> = got
        .iter()
        .map(|b| match b {
            Block::ItemStart { depth, .. } => format!("start{depth}"),
            Block::ItemEnd { .. } => "end".into(),
            Block::Paragraph { span, .. } => format!("p:{}", text(input, *span)),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        shape,
        [
            "start0",
            "p:a (The Apache\n/Dragonfly)",
            "start1",
            "p:b\n    more",
            "end",
            "end",
            "start0",
            "p:c",
            "end"
        ]
    );
}

fn shape(input: &str) -> Vec<String> {
    blocks(input)
        .iter()
        .map(|b| match b {
            Block::ItemStart { depth, .. } => format!("start{depth}"),
            Block::ItemEnd { .. } => "end".into(),
            Block::Paragraph { span, .. } => format!("p:{}", text(input, *span)),
            Block::Code { span } => format!("code:{}", text(input, *span)),
            Block::Break { .. } => "break".into(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn an_item_may_start_with_an_item() {
    // ossf-tac/2022-07-12.md: `* - 500+ ...` under a nested bullet.
    assert_eq!(
        shape("* a\n    * - b\n    * - c\n"),
        [
            "start0", "p:a", "start1", "start2", "p:b", "end", "end", "start1", "start2", "p:c",
            "end", "end", "end"
        ]
    );
    // ipfs/2018-10-16--go-core-dev-hack-week.md: `- 2.` starts an
    // ordered list, as nothing in the new item can be interrupted.
    assert_eq!(
        shape("- 1. a\n- 2. b\n"),
        ["start0", "start1", "p:a", "end", "end", "start0", "start1", "p:b", "end", "end"]
    );
    // The rest of the marker line is the item's first block.
    assert_eq!(shape("- ***\n"), ["start0", "break", "end"]);
    assert_eq!(shape("* - - -\n"), ["start0", "break", "end"]);
    assert_eq!(
        shape("* - -\n"),
        ["start0", "start1", "start2", "end", "end", "end"]
    );
    assert_eq!(
        shape("- - - x - -\n"),
        ["start0", "start1", "start2", "p:x - -", "end", "end", "end"]
    );
    assert_eq!(shape("-      code\n"), ["start0", "code:code", "end"]);
    assert_eq!(
        shape("- - [x] a\n"),
        ["start0", "start1", "p:a", "end", "end"]
    );
    // A checkbox makes the rest paragraph text; a heading stays item text.
    assert_eq!(shape("- [ ] - a\n"), ["start0", "p:- a", "end"]);
    assert_eq!(shape("- # a\n"), ["start0", "p:# a", "end"]);
}

#[test]
fn every_line_ending_ends_a_line() {
    // `\n`, `\r\n`, a lone `\r`, and a `\r` at the very end.
    let input = "# T\r\r- [ ] a\r\n  b\nc\rd\r";
    assert_eq!(
        shape(input),
        [
            "Heading { level: 1, text: Span { start: 2, end: 3 }, span: Span { start: 0, end: 3 } }",
            "start0",
            "p:a\r\n  b\nc\rd",
            "end"
        ]
    );
    let got = blocks(input);
    assert!(matches!(
        got[1],
        Block::ItemStart {
            start: 5,
            checkbox: Some(_),
            ..
        }
    ));
    // The paragraph holds `\r`: the semantic layer must split it.
    assert!(matches!(
        got[2],
        Block::Paragraph {
            verbatim: false,
            ..
        }
    ));
    assert!(matches!(got[3], Block::ItemEnd { end: 21 }));
    // One line ending each, so no blank line: `b` continues `a`.
    assert_eq!(shape("a\r\nb"), ["p:a\r\nb"]);
    assert_eq!(shape("a\r\rb"), ["p:a", "p:b"]);
    assert_eq!(shape("a\n\rb"), ["p:a", "p:b"]);
    // A single line keeps its text verbatim.
    assert!(matches!(
        blocks("- a\r")[1],
        Block::Paragraph {
            span: Span { start: 2, end: 3 },
            verbatim: true,
            ..
        }
    ));
}

#[test]
fn item_end_covers_children() {
    let input = "- a\n  - b\n\ntext";
    let got = blocks(input);
    let ends: Vec<usize> = got
        .iter()
        .filter_map(|b| match b {
            Block::ItemEnd { end } => Some(*end),
            _ => None,
        })
        .collect();
    assert_eq!(ends, [9, 9]);
}

#[test]
fn fences_hide_their_content() {
    let input = "```\n# not a heading\n- not an item\n```  \n# Real\n";
    let got = blocks(input);
    assert!(matches!(got[0], Block::Code { span } if span == Span::new(0, 39)));
    assert!(matches!(got[1], Block::Heading { level: 1, .. }));
    assert_eq!(got.len(), 2);
}

#[test]
fn front_matter_is_not_a_setext_heading() {
    let input = "---\ntitle: x\ntags: triage\n---\n# T\n";
    let got = blocks(input);
    assert!(
        matches!(got[0], Block::FrontMatter { body, .. } if text(input, body) == "title: x\ntags: triage\n")
    );
    assert!(matches!(got[1], Block::Heading { level: 1, .. }));
}

#[test]
fn setext_and_breaks() {
    let input = "Title\n=====\n\n---\npara\n---\n";
    let got = blocks(input);
    assert!(matches!(got[0], Block::Heading { level: 1, text, .. } if text == Span::new(0, 5)));
    assert!(matches!(got[1], Block::Break { .. }));
    assert!(matches!(got[2], Block::Heading { level: 2, .. }));
}

#[test]
fn deep_nesting_is_flattened_with_one_diagnostic() {
    let input: String = (0..100)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    let mut sink = Collect::default();
    parse_blocks(&input, 8, &mut sink);
    let max = sink
        .0
        .iter()
        .filter_map(|b| match b {
            Block::ItemStart { depth, .. } => Some(*depth),
            _ => None,
        })
        .max();
    assert_eq!(max, Some(7));
    assert_eq!(sink.1.len(), 1);
    assert!(matches!(sink.1[0].0, Flag::NestingTooDeep { .. }));
}

#[test]
fn ordered_list_other_than_one_does_not_interrupt_paragraph() {
    let got = blocks("text\n2. not a list\n");
    assert_eq!(got.len(), 1);
    let got = blocks("text\n1. a list\n");
    assert!(matches!(got[1], Block::ItemStart { .. }));
}
