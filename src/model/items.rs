//! List items and their tasks.

use std::borrow::Cow;

use super::{own, own_all, Reference, Span, Status};
use serde::{Deserialize, Serialize};

/// A list item, with its task state, owners, references and children.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Item<'a> {
    /// The text after the marker and checkbox, continuation lines included
    /// (joined with `\n`, indentation removed).
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The checkbox, if the item is a task.
    #[serde(borrow)]
    pub task: Option<Task<'a>>,
    /// Logins that own the item: the trailing run of handles, a leading
    /// assignment (`@a to …`), and on an action item the people it names
    /// whose login the note gives (`Maria to …` with `Maria (@MariaB)`
    /// among the attendees).
    #[serde(borrow)]
    pub owners: Vec<Cow<'a, str>>,
    /// Owners of an action item written as names that the note maps to no
    /// login (`Taylor to …`, `@**Jack Huey**`, `[CRob]`), as written.
    /// Serialized only when not empty.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub owner_names: Vec<Cow<'a, str>>,
    /// Every user handle in the item's own text, in order, without duplicates.
    #[serde(borrow)]
    pub mentions: Vec<Cow<'a, str>>,
    /// Team handles (`@org/team`) in the item's own text.
    #[serde(borrow, default)]
    pub teams: Vec<Cow<'a, str>>,
    /// Issue, pull request and discussion references, without duplicates.
    #[serde(borrow)]
    pub references: Vec<Reference<'a>>,
    /// Bracketed tags after the owners: `[pending]` gives `pending`.
    #[serde(borrow)]
    pub tags: Vec<Cow<'a, str>>,
    /// Nested list items.
    #[serde(borrow)]
    pub children: Vec<Item<'a>>,
    /// From the list marker to the end of the last child.
    pub span: Span,
    /// Whether this is an action item, by the rule in `SCHEMA.md`
    /// ("Action items"): a task in an actions section or status bucket or
    /// with owners; an item with an `Action:`, `AI:`, `TODO:` or
    /// `Action item:` prefix; an item under an actions heading or label
    /// (Actions, Action items, Next steps, Follow-ups); or a prose
    /// assignment (`Maria to review …`) of a person the note identifies.
    #[serde(default)]
    pub action: bool,
}

impl Item<'_> {
    /// Whether this item is an action item (see [`Item::action`]).
    pub fn is_action(&self) -> bool {
        self.action
    }

    /// The state of this item as an action in a bucket of `status`: its
    /// task's, or for an action without a checkbox done in a Done bucket or
    /// when it ends with a check mark (`✅`, `✔`, `:white_check_mark:`),
    /// else open.
    pub(crate) fn action_state(&self, status: Option<Status>) -> TaskState {
        if let Some(task) = &self.task {
            return task.state;
        }
        let text = self.text.trim_end();
        let checked = [
            "✅",
            "✔",
            "✔️",
            "☑",
            "☑️",
            ":white_check_mark:",
            ":heavy_check_mark:",
        ]
        .iter()
        .any(|mark| text.ends_with(mark));
        if checked || status == Some(Status::Done) {
            TaskState::Done
        } else {
            TaskState::Open
        }
    }

    /// Whether this item is a task that is not done (open, in progress or
    /// another undone marker).
    pub fn is_open_task(&self) -> bool {
        self.task.as_ref().is_some_and(|t| t.state.is_open())
    }

    /// Whether this item and every task below it are done. Items that are not
    /// tasks count as done.
    pub fn is_done_with_subtasks(&self) -> bool {
        let mut stack = vec![self];
        while let Some(item) = stack.pop() {
            if item
                .task
                .as_ref()
                .is_some_and(|t| t.state != TaskState::Done)
            {
                return false;
            }
            stack.extend(item.children.iter());
        }
        true
    }
}

/// A checkbox: `[ ]`, `[x]` and their extensions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Task<'a> {
    /// What the marker means.
    pub state: TaskState,
    /// The text between the brackets, as written (empty for `[]`).
    #[serde(borrow)]
    pub marker: Cow<'a, str>,
}

/// The state of a task checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TaskState {
    /// `[ ]`, and `[]` with a diagnostic.
    Open,
    /// `[x]`, `[X]`.
    Done,
    /// `[/]`.
    InProgress,
    /// `[-]`.
    Cancelled,
    /// Any other marker; [`Task::marker`] keeps it.
    Other,
    /// `[~]`: not applicable.
    NotApplicable,
    /// `[>]`: deferred, moved to a later meeting.
    Deferred,
}

impl TaskState {
    /// Open, in-progress and deferred tasks still need work (a deferred one
    /// later); done, cancelled and not applicable ones do not.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            TaskState::Open | TaskState::InProgress | TaskState::Deferred
        )
    }
}

impl Item<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> Item<'static> {
        Item {
            text: own(self.text),
            task: self.task.map(|t| Task {
                state: t.state,
                marker: own(t.marker),
            }),
            owners: own_all(self.owners),
            owner_names: own_all(self.owner_names),
            mentions: own_all(self.mentions),
            teams: own_all(self.teams),
            references: self
                .references
                .into_iter()
                .map(Reference::into_owned)
                .collect(),
            tags: own_all(self.tags),
            children: self.children.into_iter().map(Item::into_owned).collect(),
            span: self.span,
            action: self.action,
        }
    }
}
