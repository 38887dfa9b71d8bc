//! Diagnostics: what the parser noticed while it kept going.
//!
//! Parsing never fails on text; an authoring slip, a limit that was hit or a
//! date that disagrees with the caller's hint becomes a [`Diagnostic`] with a
//! stable [`Code`] and the [`Span`] of the slip.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Span;

/// Something the parser noticed, with where.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable machine-readable code, serialized as a kebab-case string.
    pub code: Code,
    /// Human-readable explanation.
    pub message: String,
    /// The source of the slip.
    pub span: Span,
}

impl Diagnostic {
    /// A diagnostic with the severity the code carries by default.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: code.default_severity(),
            code,
            message: message.into(),
            span,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {} (at {})",
            self.severity,
            self.code.as_str(),
            self.message,
            self.span
        )
    }
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// The note is probably not what its author meant, but the model is complete.
    Warning,
    /// Part of the note could not be understood or was cut by a limit.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $severity:ident;)*) => {
        /// A stable diagnostic code. The string forms never change meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The kebab-case string form used in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// The severity a diagnostic with this code has.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    /// The document date (title, `Date:` line, front matter) differs from the caller's hint.
    DateMismatch = "date-mismatch", Warning;
    /// A date that does not exist, such as `2025-02-30`.
    InvalidDate = "invalid-date", Warning;
    /// A task checkbox with nothing inside, `[]`, read as open.
    EmptyTaskMarker = "empty-task-marker", Warning;
    /// An affiliation parenthesis that is never closed.
    UnclosedAffiliation = "unclosed-affiliation", Warning;
    /// List items nested deeper than `Options::max_depth`; they were flattened.
    NestingTooDeep = "nesting-too-deep", Error;
    /// A fenced code block that is never closed.
    UnclosedFence = "unclosed-fence", Warning;
    /// Front matter that is never closed.
    UnclosedFrontMatter = "unclosed-front-matter", Warning;
    /// A task marker at the start of a line without a list marker, read as a task.
    TaskWithoutListMarker = "task-without-list-marker", Warning;
    /// A `)` after an attendee's affiliation with no `(` of its own: an
    /// affiliation line moved away from its attendee.
    StrayParenthesis = "stray-parenthesis", Warning;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
