//! How to parse: date hint, default repository, task dialect, limits.

use time::Date;

/// The deepest list nesting [`Options::max_depth`] accepts.
pub const MAX_DEPTH_CEILING: usize = 256;

/// Parser options, built in builder style from [`Options::default()`].
///
/// ```
/// use minutes::time::{Date, Month};
/// use minutes::{Options, TaskDialect};
/// let date = Date::from_calendar_date(2025, Month::October, 28).unwrap();
/// let options = Options::new()
///     .date_hint(date)
///     .default_repository("dragonflyoss", "dragonfly")
///     .task_dialect(TaskDialect::Gfm)
///     .max_depth(16);
/// let meeting = minutes::parse_with("- [ ] fix #12 @alice", &options);
/// assert_eq!(meeting.date, Some(date));
/// assert_eq!(meeting.items[0].references[0].repo.as_deref(), Some("dragonfly"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    pub(crate) date_hint: Option<Date>,
    pub(crate) default_repository: Option<(String, String)>,
    pub(crate) task_dialect: TaskDialect,
    pub(crate) max_depth: usize,
    pub(crate) max_input_len: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            date_hint: None,
            default_repository: None,
            task_dialect: TaskDialect::Extended,
            max_depth: 32,
            max_input_len: None,
        }
    }
}

impl Options {
    /// The defaults: no hint, no default repository, extended task markers,
    /// list nesting up to 32 levels.
    pub fn new() -> Self {
        Self::default()
    }

    /// The date the caller believes the meeting has (from a file name, say).
    /// Used when the note has no date of its own; a note date that disagrees
    /// is kept and raises a `date-mismatch` diagnostic. Dates written without
    /// a year (`Sept 7th`) take the hint's year.
    pub fn date_hint(mut self, date: Date) -> Self {
        self.date_hint = Some(date);
        self
    }

    /// The repository that bare `#123` and `GH-123` refer to (and the
    /// owner of `repo#123`) when the note names none: no enclosing heading
    /// names one (`### nodejs/node`, or a heading's links), and the note's
    /// URLs do not all name one repository (see `SCHEMA.md`, "Short
    /// references").
    pub fn default_repository(mut self, owner: impl Into<String>, repo: impl Into<String>) -> Self {
        self.default_repository = Some((owner.into(), repo.into()));
        self
    }

    /// Which checkbox markers make a task.
    pub fn task_dialect(mut self, dialect: TaskDialect) -> Self {
        self.task_dialect = dialect;
        self
    }

    /// The deepest list nesting kept as a tree, clamped to
    /// `1..=`[`MAX_DEPTH_CEILING`]. Deeper items become children of the item
    /// at the limit, with a `nesting-too-deep` diagnostic.
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth.clamp(1, MAX_DEPTH_CEILING);
        self
    }

    /// The longest input, in bytes, that [`parse_bytes_with`](crate::parse_bytes_with)
    /// accepts; a longer one is refused with
    /// [`Error::InputTooLarge`](crate::Error::InputTooLarge) before any work.
    /// Services that parse untrusted uploads use it to bound memory, which
    /// grows linearly with the input. Unlimited by default; `parse` and
    /// `parse_with` take a `&str` the caller already holds and ignore it.
    ///
    /// ```
    /// let options = minutes::Options::new().max_input_len(1 << 20);
    /// let big = vec![b'-'; (1 << 20) + 1];
    /// let err = minutes::parse_bytes_with(&big, &options).unwrap_err();
    /// assert_eq!(err, minutes::Error::InputTooLarge { len: big.len(), limit: 1 << 20 });
    /// ```
    pub fn max_input_len(mut self, bytes: usize) -> Self {
        self.max_input_len = Some(bytes);
        self
    }

    /// What is set, to read back: one field per builder method, of the same
    /// name (`options.values().max_depth`). The Rust API guidelines'
    /// getter names (C-GETTER, no `get_` prefix) are already taken by the
    /// builder methods, so the values are read through this view instead.
    ///
    /// ```
    /// let options = minutes::Options::new().max_depth(500).default_repository("o", "r");
    /// let values = options.values();
    /// assert_eq!(values.max_depth, minutes::MAX_DEPTH_CEILING);
    /// assert_eq!(values.default_repository, Some(("o", "r")));
    /// assert_eq!(values.date_hint, None);
    /// ```
    pub fn values(&self) -> OptionValues<'_> {
        OptionValues {
            date_hint: self.date_hint,
            default_repository: self
                .default_repository
                .as_ref()
                .map(|(owner, repo)| (owner.as_str(), repo.as_str())),
            task_dialect: self.task_dialect,
            max_depth: self.max_depth,
            max_input_len: self.max_input_len,
        }
    }

    /// The date hint, if any.
    #[deprecated(since = "0.2.0", note = "read `options.values().date_hint`")]
    pub fn get_date_hint(&self) -> Option<Date> {
        self.values().date_hint
    }

    /// The default repository as `(owner, repo)`, if any.
    #[deprecated(since = "0.2.0", note = "read `options.values().default_repository`")]
    pub fn get_default_repository(&self) -> Option<(&str, &str)> {
        self.values().default_repository
    }

    /// The task dialect.
    #[deprecated(since = "0.2.0", note = "read `options.values().task_dialect`")]
    pub fn get_task_dialect(&self) -> TaskDialect {
        self.values().task_dialect
    }

    /// The nesting limit.
    #[deprecated(since = "0.2.0", note = "read `options.values().max_depth`")]
    pub fn get_max_depth(&self) -> usize {
        self.values().max_depth
    }

    /// The input size limit of [`parse_bytes_with`](crate::parse_bytes_with), if any.
    #[deprecated(since = "0.2.0", note = "read `options.values().max_input_len`")]
    pub fn get_max_input_len(&self) -> Option<usize> {
        self.values().max_input_len
    }
}

/// The values an [`Options`] holds, from [`Options::values`]: each field is
/// named as the builder method that sets it. Read its fields; it is built
/// only by `values()` (new options add fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct OptionValues<'a> {
    /// Set by [`Options::date_hint`].
    pub date_hint: Option<Date>,
    /// `(owner, repo)`, set by [`Options::default_repository`].
    pub default_repository: Option<(&'a str, &'a str)>,
    /// Set by [`Options::task_dialect`].
    pub task_dialect: TaskDialect,
    /// Set by [`Options::max_depth`], clamped to `1..=`[`MAX_DEPTH_CEILING`].
    pub max_depth: usize,
    /// Set by [`Options::max_input_len`]; `None` is unlimited.
    pub max_input_len: Option<usize>,
}

/// Which checkbox markers count as tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum TaskDialect {
    /// GitHub Flavored Markdown: only `[ ]`, `[x]` and `[X]`.
    Gfm,
    /// GFM plus the common extensions `[/]` in progress, `[-]` cancelled,
    /// `[~]` not applicable, `[>]` deferred, `[]` (open, with a diagnostic),
    /// and any other single mark that is not a letter or digit, kept as
    /// [`TaskState::Other`](crate::TaskState::Other).
    #[default]
    Extended,
}
