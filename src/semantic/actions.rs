//! Which items are action items, and who owns them.
//!
//! This runs once the whole note is read: the people who can own an action
//! (attendees, host, note takers) may be listed anywhere in the note, even
//! after the actions, and a written name becomes a login only through them.
//! The rule is documented in `SCHEMA.md`, "Action items"; how texts name
//! people is in `names.rs`.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::collections::{HashMap, HashSet};

use super::heading;
use super::names::{self, Assignment, Form, Named, Written};
use crate::model::{Attendee, Item, Meeting, Section, SectionKind};

pub(crate) use names::{action_prefix, may_assign};

/// Marks the action items of `meeting` and adds the owners their words name.
pub(crate) fn mark(meeting: &mut Meeting<'_>, speakers: &HashSet<&str>) {
    let Meeting {
        attendees,
        host,
        note_takers,
        items,
        sections,
        action_lines,
        ..
    } = meeting;
    let starts = Starts::of(attendees, host.as_deref(), note_takers, speakers);
    let handles_only = starts.is_empty();
    let people = People {
        attendees,
        host: host.as_deref(),
        note_takers,
        speakers,
        index: OnceCell::new(),
        walks: Cell::new(0),
        logins_as_names: attendees
            .iter()
            .filter(|a| a.handle.is_none())
            .all(|a| is_login_like(&a.name)),
        starts,
        handles_only,
    };

    let mut walk = Walk {
        people: &people,
        frames: Vec::new(),
    };
    walk.items(items, false);
    // Depth first, one frame per open level: the memory this takes grows
    // with the depth of the heading tree, not with its size.
    let mut stack = vec![(sections.iter_mut(), false)];
    while let Some((level, outer)) = stack.last_mut() {
        let outer = *outer;
        let Some(section) = level.next() else {
            stack.pop();
            continue;
        };
        // Under an actions heading (Actions, Next steps, Follow-ups) or
        // a status bucket (TODO, WIP, Done).
        let actions = outer || section.kind == SectionKind::Actions || section.status.is_some();
        let Section {
            items, sections, ..
        } = section;
        walk.items(items, actions);
        stack.push((sections.iter_mut(), actions));
    }

    // Paragraph lines: `Action: …` lines are actions by their prefix; the
    // block pass also kept lines that may assign work (`Ben to …`), which
    // stay only if the note knows the person.
    action_lines.retain_mut(|line| {
        let Item {
            text,
            owners,
            owner_names,
            action,
            ..
        } = line;
        let mut found = Owners {
            owners,
            names: owner_names,
        };
        if *action {
            let offset = action_prefix(text).unwrap_or(0);
            found.read(text, offset, Context::Prefixed, &people);
        } else {
            *action = found.read(text, 0, Context::Prose, &people);
        }
        *action
    });
}

/// How sure an item's words or place make us that it assigns work, which
/// decides how much of a name we believe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// An `AI:` or `ACTION:` prefix: whatever name-like words come before
    /// `to` name the owner (`ACTION: Steven to …`), even when the note
    /// does not list the person.
    Prefixed,
    /// An action by its place (an actions section, a status bucket) or by
    /// its owners: a name the note does not list counts only when it cannot
    /// be a verb (`Danny Ryan`, `SYG`, `niko`), because `Publish to …` is an
    /// order.
    Placed,
    /// Anything else: only people the note identifies (and handles or
    /// initials) assign anything, and only with words (`to`, `will`).
    Prose,
}

/// What an item's parent says about it.
#[derive(Debug, Clone, Copy, Default)]
struct Parent {
    /// The item is a child of another item.
    nested: bool,
    /// The parent is a label such as `Action items:`, so its children are
    /// actions.
    labels_actions: bool,
}

/// The walk over the items of a note, with one stack for all sections.
struct Walk<'p, 'm, 'a> {
    people: &'p People<'m, 'a>,
    /// One frame per open level of the item being visited: the items left
    /// at that level and what their parent says about them.
    frames: Vec<(std::slice::IterMut<'m, Item<'a>>, Parent)>,
}

impl<'m, 'a> Walk<'_, 'm, 'a> {
    /// Marks the items of one section (or of the note before its first
    /// heading); `actions` when the section holds actions.
    fn items(&mut self, items: &'m mut [Item<'a>], actions: bool) {
        self.frames.push((items.iter_mut(), Parent::default()));
        while let Some((level, parent)) = self.frames.last_mut() {
            let parent = *parent;
            let Some(item) = level.next() else {
                self.frames.pop();
                continue;
            };
            let label = is_actions_label(item);
            mark_item(item, label, actions, parent, self.people);
            if !item.children.is_empty() {
                let child = Parent {
                    nested: true,
                    labels_actions: label,
                };
                self.frames.push((item.children.iter_mut(), child));
            }
        }
    }
}

/// Decides whether one item is an action and adds the owners it names.
fn mark_item<'a>(
    item: &mut Item<'a>,
    label: bool,
    actions: bool,
    parent: Parent,
    people: &People<'_, 'a>,
) {
    if label {
        item.action = false;
        return;
    }
    let prefix = action_prefix(&item.text);
    let is_task = item.task.is_some();
    if prefix.is_none() && !is_task && item.children.iter().any(|c| c.task.is_some()) {
        // A group of tasks (`- Design` over `- [ ] …`): its tasks are the
        // actions.
        item.action = false;
        return;
    }
    let Item {
        text,
        owners,
        owner_names,
        action,
        ..
    } = item;
    let mut found = Owners {
        owners,
        names: owner_names,
    };
    if let Some(offset) = prefix {
        // `- next step:` with nothing after it labels nothing here.
        if text.get(offset..).is_none_or(|rest| rest.trim().is_empty()) {
            *action = false;
            return;
        }
        *action = true;
        found.read(text, offset, Context::Prefixed, people);
        return;
    }
    // By its place, or a task with owners of its own.
    let placed = *action
        || parent.labels_actions
        || (actions && (is_task || !parent.nested))
        || (is_task && !found.owners.is_empty());
    if placed {
        *action = true;
        found.read(text, 0, Context::Placed, people);
        return;
    }
    // A prose assignment of people the note identifies (`Maria to …`); in
    // an actions section also a detail that names who does it (`Ask Zac
    // (@tonyganch)`, `…, then @ckerr will do it.`).
    *action = found.read(text, 0, Context::Prose, people);
    if actions && !*action {
        if let Some(named) = names::handle_assigned_within(text) {
            found.add(text, 0, named, people);
        }
        *action = !found.owners.is_empty();
    }
}

/// Whether `item` is a label for the actions below it: `Action items:`,
/// `**Next steps**`.
fn is_actions_label(item: &Item<'_>) -> bool {
    if item.children.is_empty()
        || item.task.is_some()
        || crate::bytes::find_byte(item.text.as_bytes(), b'\n').is_some()
    {
        return false;
    }
    let ascii = |b: u8| crate::bytes::is_ascii_space(b) || matches!(b, b'*' | b'_' | b':');
    let strip = |c: char| c.is_whitespace() || matches!(c, '*' | '_' | ':');
    let words = crate::bytes::trim_start_by(&item.text, ascii, strip);
    let words = crate::bytes::trim_end_by(words, ascii, strip);
    heading::is_actions_heading(words)
}

/// The owners of an action being read: logins and names.
struct Owners<'v, 'a> {
    owners: &'v mut Vec<Cow<'a, str>>,
    names: &'v mut Vec<Cow<'a, str>>,
}

impl<'a> Owners<'_, 'a> {
    /// Reads the owners that `text` names from `offset` and says whether it
    /// found an assignment that `context` believes.
    // The `Cow` is matched to borrow slices of the input for `'a`.
    #[allow(clippy::ptr_arg)]
    fn read(
        &mut self,
        text: &Cow<'a, str>,
        offset: usize,
        context: Context,
        people: &People<'_, 'a>,
    ) -> bool {
        let offset = offset + names::numbering_len(text.get(offset..).unwrap_or_default());
        let body = text.get(offset..).unwrap_or_default();
        if context == Context::Prose && !people.may_assign_in_prose(body) {
            return false;
        }
        // The grammar reads only the first words: most texts fail it fast.
        let found = names::assignment(body, true);
        let assigned = match found {
            Some(found) if believed(&found, context, people, body) => {
                for named in found.people.iter() {
                    self.add(text, offset, named, people);
                }
                true
            }
            _ => false,
        };
        if context != Context::Prose || assigned {
            let (trailing, known_only) = names::trailing_names(body);
            for named in trailing.iter() {
                let written = named.text(body);
                // In parentheses only a person the note knows, or a word
                // in lower case that can only be a login (`(scottmcm)`).
                let sure = named.is_sure(body) && (!known_only || named.bracketed);
                if people.knows(written) || sure {
                    self.add(text, offset, named, people);
                }
            }
        }
        assigned
    }

    /// Adds one person named in `text[offset..]`: a login as written, a name
    /// as its attendee's login, or else as a name.
    // The `Cow` is matched to borrow slices of the input for `'a`.
    #[allow(clippy::ptr_arg)]
    fn add(&mut self, text: &Cow<'a, str>, offset: usize, named: Named, people: &People<'_, 'a>) {
        let written = sub(text, offset + named.start, offset + named.end);
        let login = match named.written {
            Written::Login if super::owners::is_group_mention(&written) => return,
            Written::Login => Some(written.clone()),
            _ => people.login(&written),
        };
        match login {
            Some(login) => push_unique(self.owners, login),
            None => push_unique(self.names, written),
        }
    }
}

/// Adds `value` unless it is there already, compared without ASCII case.
fn push_unique<'a>(list: &mut Vec<Cow<'a, str>>, value: Cow<'a, str>) {
    if !list.iter().any(|v| v.eq_ignore_ascii_case(&value)) {
        list.push(value);
    }
}

/// Whether the people of an assignment are believed in `context`.
fn believed(found: &Assignment, context: Context, people: &People<'_, '_>, text: &str) -> bool {
    let each = |sure: &dyn Fn(&Named) -> bool| {
        found
            .people
            .iter()
            .all(|named| people.knows(named.text(text)) || sure(&named))
    };
    match (found.form, context) {
        // A speaker reporting on others: known people only. A speaker
        // committing in prose: to work, not to talk (transcripts are full of
        // `MM: I'll get to the punchline`).
        (Form::Reported, _) => each(&|named| named.written != Written::Name),
        (Form::Speaker { task }, Context::Prose) => {
            task && each(&|named| named.is_handle_or_speaker(text, people.speakers))
        }
        (_, Context::Prefixed) => true,
        (Form::Words | Form::Speaker { .. }, Context::Placed) => each(&|named| {
            // `niko to post …`: a word in lower case is no order.
            named.is_sure(text) || named.text(text).starts_with(char::is_lowercase)
        }),
        (Form::Mark { lowercase_after }, Context::Placed) => {
            each(&|named| named.is_sure(text) || lowercase_after)
        }
        (Form::Words, Context::Prose) => {
            each(&|named| named.is_handle_or_speaker(text, people.speakers))
        }
        (Form::Mark { .. }, Context::Prose) => false,
    }
}

/// `text[start..end]` as a string borrowed like `text`.
fn sub<'a>(text: &Cow<'a, str>, start: usize, end: usize) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(whole) => Cow::Borrowed(whole.get(start..end).unwrap_or_default()),
        Cow::Owned(whole) => Cow::Owned(whole.get(start..end).unwrap_or_default().to_owned()),
    }
}

/// The people the note identifies: attendees, the host and note takers.
struct People<'m, 'a> {
    attendees: &'m [Attendee<'a>],
    host: Option<&'m str>,
    note_takers: &'m [Cow<'a, str>],
    /// Initials the note uses for people (`SYG:`).
    speakers: &'m HashSet<&'m str>,
    /// The attendees by the names that find them, built when first needed.
    index: OnceCell<HashMap<String, Entry>>,
    /// The lookups made by a walk over the list.
    walks: Cell<usize>,
    /// Every attendee without a handle is listed by a word that looks like
    /// a login (`- pnkfelix`): then those words are logins, but not in a
    /// list of first names (`Niko, scott, Josh`).
    logins_as_names: bool,
    /// How the names of the people the note knows and the initials of its
    /// speakers start.
    starts: Starts,
    /// No name starts like one the note knows: prose assigns work only to
    /// handles.
    handles_only: bool,
}

/// A set of the first two letters of names, case ignored (a name of one
/// letter or with another character second counts as if that were `{`),
/// and whether some name starts with a character that a name written in
/// a text may start with (`É`, `2`).
#[derive(Default)]
struct Starts([u64; 11], bool);

impl Starts {
    /// The people and speakers of a note.
    fn of(
        attendees: &[Attendee<'_>],
        host: Option<&str>,
        note_takers: &[Cow<'_, str>],
        speakers: &HashSet<&str>,
    ) -> Starts {
        let names = attendees.iter().flat_map(|a| {
            let handle = a.handle.as_deref().unwrap_or_default();
            [handle, &a.name, first_word(&a.name)]
        });
        let others = host.into_iter().chain(note_takers.iter().map(|n| &**n));
        let others = others.map(|o| o.trim_start_matches('@'));
        let mut starts = Starts::default();
        for name in names.chain(others).chain(speakers.iter().copied()) {
            match Starts::bit(name) {
                Some((word, bit)) => {
                    if let Some(bits) = starts.0.get_mut(word) {
                        *bits |= bit;
                    }
                }
                // A name written in the text starts with a letter, a digit,
                // `-` or `_` (of a login), not `(` or `*`.
                None => {
                    starts.1 |= name.bytes().next().is_some_and(|b| {
                        !b.is_ascii() || b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
                    });
                }
            }
        }
        starts
    }

    /// Where the start of `name` is in the set, if it starts with a letter.
    fn bit(name: &str) -> Option<(usize, u64)> {
        let letter = |b: u8| (b | 0x20) - b'a';
        let first = name.bytes().next().filter(u8::is_ascii_alphabetic)?;
        let second = match name.as_bytes().get(1).copied() {
            Some(b) if b.is_ascii_alphabetic() => letter(b),
            _ => 26,
        };
        let at = usize::from(letter(first)) * 27 + usize::from(second);
        Some((at / 64, 1 << (at % 64)))
    }

    fn is_empty(&self) -> bool {
        !self.1 && self.0 == [0; 11]
    }

    /// Whether the first person of `text` may be someone the note knows, a
    /// speaker or a handle: false only when it starts with letters that no
    /// name or speaker starts with.
    fn may_start(&self, text: &str) -> bool {
        match Starts::bit(names::trim_marks(text)) {
            Some((word, bit)) => self.0.get(word).is_some_and(|bits| bits & bit != 0),
            None => true,
        }
    }
}

/// Lists of attendees up to this long are searched by a walk, longer ones
/// through an index (a note's list is short; a joined archive's is not).
const SHORT_LIST: usize = 32;

/// Longer lists are walked this many times before the index is built: the
/// walks cost at most a constant times the index.
const WALKS: usize = 16;

/// What a written name (in ASCII lower case) finds among the attendees.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// An attendee's login or whole name: the first such attendee.
    Whole(usize),
    /// The first word of one attendee's name.
    First(usize),
    /// The first word of several attendees' names: nobody in particular.
    SharedFirst,
}

impl<'a> People<'_, 'a> {
    /// The attendees by login, whole name and first name, built at the
    /// first lookup: one pass, so that resolving names stays linear.
    fn index(&self) -> &HashMap<String, Entry> {
        self.index.get_or_init(|| {
            let mut index: HashMap<String, Entry> = HashMap::new();
            for (i, attendee) in self.attendees.iter().enumerate() {
                for whole in attendee.handle.iter().chain([&attendee.name]) {
                    let entry = index
                        .entry(whole.to_ascii_lowercase())
                        .or_insert(Entry::Whole(i));
                    if !matches!(entry, Entry::Whole(_)) {
                        *entry = Entry::Whole(i);
                    }
                }
            }
            for (i, attendee) in self.attendees.iter().enumerate() {
                let first = first_word(&attendee.name).to_ascii_lowercase();
                let entry = index.entry(first).or_insert(Entry::First(i));
                if let Entry::First(other) = *entry {
                    if other != i {
                        *entry = Entry::SharedFirst;
                    }
                }
            }
            index
        })
    }

    /// The attendee a written name or login means: by login, full name, or
    /// a first name no other attendee shares; compared without ASCII case.
    fn attendee(&self, written: &str) -> Option<&Attendee<'a>> {
        let written = written.trim_start_matches('@');
        if written.is_empty() || self.attendees.is_empty() {
            return None;
        }
        // The first lookups walk the list; the index pays for itself only
        // after some (a note asks a few times, a joined archive often).
        let walks = self.walks.get();
        if self.attendees.len() <= SHORT_LIST || walks < WALKS {
            self.walks.set(walks + 1);
            return self.attendee_in_list(written);
        }
        match self.index().get(&written.to_ascii_lowercase())? {
            Entry::Whole(i) | Entry::First(i) => self.attendees.get(*i),
            Entry::SharedFirst => None,
        }
    }

    /// [`People::attendee`] by a walk over a short list, which costs less
    /// than building the index.
    fn attendee_in_list(&self, written: &str) -> Option<&Attendee<'a>> {
        let whole = self.attendees.iter().find(|a| {
            a.handle
                .as_deref()
                .is_some_and(|h| h.eq_ignore_ascii_case(written))
                || a.name.eq_ignore_ascii_case(written)
        });
        if whole.is_some() {
            return whole;
        }
        // A first word is no longer than the name, and starts with its
        // first byte when that is ASCII and not white space.
        let may_begin = |name: &str| match name.as_bytes().first() {
            _ if name.len() < written.len() => false,
            Some(&b) if b.is_ascii() && !crate::bytes::is_ascii_space(b) => written
                .as_bytes()
                .first()
                .is_some_and(|w| w.eq_ignore_ascii_case(&b)),
            _ => true,
        };
        let mut by_first = self
            .attendees
            .iter()
            .filter(|a| may_begin(&a.name) && first_word(&a.name).eq_ignore_ascii_case(written));
        let first = by_first.next()?;
        by_first.next().is_none().then_some(first)
    }

    /// Whether a prose `text` may name people the note believes (see
    /// [`believed`]): its first person, by a handle or by a name that
    /// starts as one the note knows, or people a speaker reports on (`Matt:
    /// Lars will …`). One test of a letter for most texts.
    fn may_assign_in_prose(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        if self.handles_only {
            // Only handles.
            return crate::bytes::find_byte(bytes, b'@').is_some();
        }
        if self.starts.may_start(text) {
            return true;
        }
        // The people a speaker reports on: the colon is the first one, as
        // the names before it hold none (a Zulip name may: `@**…**`).
        let Some(colon) = crate::bytes::find_byte(bytes, b':') else {
            return false;
        };
        let before = bytes.get(..colon).unwrap_or_default();
        let after = text.get(colon + 1..).unwrap_or_default();
        before.contains(&b'@') || self.starts.may_start(after)
    }

    /// Whether the note identifies the person `written` names.
    fn knows(&self, written: &str) -> bool {
        let written = written.trim_start_matches('@');
        self.attendee(written).is_some()
            || self
                .host
                .into_iter()
                .chain(self.note_takers.iter().map(|n| &**n))
                .any(|o| o.trim_start_matches('@').eq_ignore_ascii_case(written))
    }

    /// The login of the person `written` names, if the note gives one: the
    /// attendee's handle, or the attendee's name when the list writes a
    /// login as the name (`- pnkfelix`) and so does the action.
    fn login(&self, written: &str) -> Option<Cow<'a, str>> {
        let attendee = self.attendee(written)?;
        let login_as_name = self.logins_as_names
            && attendee.name == written.trim_start_matches('@')
            && is_login_like(&attendee.name);
        match &attendee.handle {
            Some(handle) => Some(handle.clone()),
            None => login_as_name.then(|| attendee.name.clone()),
        }
    }
}

/// A word in lower case that may be a GitHub login: `pnkfelix`.
fn is_login_like(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn first_word(name: &str) -> &str {
    let bytes = name.as_bytes();
    // By bytes up to the first white space, when that is ASCII and not
    // at the start.
    let end = bytes
        .iter()
        .position(|&b| crate::bytes::is_ascii_space(b) || !b.is_ascii());
    match end {
        None => name,
        Some(end) if end > 0 && bytes.get(end).is_some_and(u8::is_ascii) => {
            name.get(..end).unwrap_or_default()
        }
        Some(_) => name.split_whitespace().next().unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words() {
        for name in [
            "",
            " ",
            "Bo",
            "Bo Li",
            " Bo Li",
            "Émile Zola",
            "Bo\u{a0}Li",
            "Bo\tLi",
            "\u{3000}x y",
        ] {
            let words = name.split_whitespace().next().unwrap_or_default();
            assert_eq!(first_word(name), words, "{name:?}");
        }
    }

    #[test]
    fn starts_of_names() {
        let speakers = HashSet::from(["SYG"]);
        let takers = [Cow::Borrowed("@bo")];
        let starts = Starts::of(&[], Some("Maria"), &takers, &speakers);
        for text in [
            "Maria to x",
            "**maria** to",
            "SYG: I'll",
            "Bo will",
            "@x to",
            "[C] to",
        ] {
            assert!(starts.may_start(text), "{text}");
        }
        for text in ["Mo to x", "Steven to", "Sa: x", "B to"] {
            assert!(!starts.may_start(text), "{text}");
        }
        assert!(Starts::default().is_empty());
        let other = Starts::of(&[], Some("Émile"), &[], &HashSet::new());
        assert!(!other.is_empty());
    }
}
