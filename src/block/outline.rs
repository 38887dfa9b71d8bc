//! The block structure as plain data, for the differential test against a
//! CommonMark implementation (`src/block/commonmark.rs`) and the fuzz target
//! `differential`, which builds with `--cfg fuzzing` and so sees it as
//! `minutes::outline`. Not part of the crate's API: nothing else sees it.

use super::{parse_blocks, Block, Flag, Sink};
use crate::model::Span;

/// The block structure as plain data.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outline {
    /// A heading: level and the byte range of its text.
    Heading { level: u8, text: (usize, usize) },
    /// A list item opening at `depth`, with the text between its checkbox
    /// brackets; `bare` when the checkbox had no list marker before it.
    Item {
        depth: usize,
        task: Option<String>,
        bare: bool,
    },
    /// Code or an HTML block: the byte range of its source.
    Opaque { span: (usize, usize) },
}

/// The [`Outline`] of `input`, nesting limited to 32 levels.
#[doc(hidden)]
pub fn outline(input: &str) -> Vec<Outline> {
    struct Collect<'a>(&'a str, Vec<Outline>);
    impl Sink for Collect<'_> {
        fn block(&mut self, block: Block) {
            let event = match block {
                Block::Heading { level, text, .. } => Outline::Heading {
                    level,
                    text: (text.start, text.end),
                },
                Block::ItemStart {
                    depth, checkbox, ..
                } => Outline::Item {
                    depth,
                    bare: checkbox.is_some_and(|c| c.bare),
                    task: checkbox
                        .and_then(|c| c.marker.slice(self.0))
                        .map(String::from),
                },
                Block::Code { span } => Outline::Opaque {
                    span: (span.start, span.end),
                },
                _ => return,
            };
            self.1.push(event);
        }
        fn flag(&mut self, _: Flag, _: Span) {}
    }
    let mut sink = Collect(input, Vec::new());
    parse_blocks(input, 32, &mut sink);
    sink.1
}
