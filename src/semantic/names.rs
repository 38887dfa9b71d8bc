//! How action texts name people: the small grammar of `Maria to …`,
//! `@ann and Bo will …`, `AI: molly - …`, `Jay: I'll …`, `… - Xu Zhou`,
//! `… [CRob]`, `… @**Jack Huey**`. Pure functions over text; the actions
//! pass (`actions.rs`) decides which names to believe; the word lists
//! are in `words.rs`.

use super::assign_shape;
pub(crate) use super::words::trim_marks;
pub(crate) use super::words::{action_prefix, numbering_len};
use super::words::{is_not_a_name, is_task_verb};

/// More people than this at the start of a text are a list, not owners.
pub(crate) const MAX_PEOPLE: usize = 4;

/// How a person is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// `@login`, `[@login]`: the login without `@`.
    Login,
    /// `@**Jack Huey**`: a Zulip mention, the name inside the marks.
    Zulip,
    /// `Maria`, `SYG`, `[CRob]`, `molly`: a name as written.
    Name,
}

/// A person named in a text, by the byte range of the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named {
    pub written: Written,
    pub start: usize,
    pub end: usize,
    /// Written in brackets: `[CRob]`.
    pub bracketed: bool,
}

impl Named {
    fn new(written: Written, start: usize, end: usize) -> Named {
        Named {
            written,
            start,
            end,
            bracketed: false,
        }
    }

    /// The name (or login) as written in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or_default()
    }

    fn shifted(self, offset: usize) -> Named {
        Named {
            start: self.start + offset,
            end: self.end + offset,
            ..self
        }
    }

    /// A name that cannot be a verb at the start of an order: a handle, a
    /// bracketed name (`[CRob]`), initials (`SYG`) or two or more words
    /// (`Danny Ryan`).
    pub fn is_sure(&self, text: &str) -> bool {
        let written = self.text(text);
        self.written != Written::Name
            || self.bracketed
            || is_initials(written)
            || written.contains(' ')
    }

    /// A handle, or initials that the note uses for a speaker (`SYG:`):
    /// notes that write people by their initials rarely list them, and
    /// `VLLM will support …` names a product.
    pub fn is_handle_or_speaker(
        &self,
        text: &str,
        speakers: &std::collections::HashSet<&str>,
    ) -> bool {
        self.written != Written::Name || speakers.contains(&self.text(text))
    }
}

/// Up to [`MAX_PEOPLE`] people, without allocating.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct People {
    list: [Option<Named>; MAX_PEOPLE],
    len: usize,
}

impl People {
    /// Adds a person; `false` when the list is full.
    fn push(&mut self, named: Named) -> bool {
        match self.list.get_mut(self.len) {
            Some(slot) => {
                *slot = Some(named);
                self.len += 1;
                true
            }
            None => false,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Named> + '_ {
        self.list.iter().flatten().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// How an assignment is written, which decides how much of it to believe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// By words: `Maria to review`, `Bo will draft`.
    Words,
    /// A speaker who commits: `Jay: I'll lead on this.` `task` when the
    /// verb is one of work (`review`, `file`, `draft`), not of talk
    /// (`I'll get to the punchline`, `I'll take that as consensus`).
    Speaker { task: bool },
    /// A speaker who reports someone else's commitment: `Matt: Lars and
    /// Jay will organize …` (the people are Lars and Jay).
    Reported,
    /// Only by a mark, which only an action's prefix or place makes an
    /// assignment: `molly - merge …`, `Steven: add …`. `lowercase_after`
    /// when the words after it start in lower case, as a task does, not a
    /// sentence.
    Mark { lowercase_after: bool },
}

/// The people at the start of a text and how they are assigned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Assignment {
    pub people: People,
    pub form: Form,
}

/// The people at the start of an assignment: `Maria to …`, `@ann and Bo
/// will …`, `SYG or DE to …`, `Dan: I'll take …`, `name - …`. A lone word
/// in lower case (`molly`, `niko`) counts as a name when `lowercase_first`.
#[inline]
pub(crate) fn assignment(text: &str, lowercase_first: bool) -> Option<Assignment> {
    let mut people = People::default();
    let form = read_assignment(text, lowercase_first, &mut people)?;
    Some(Assignment { people, form })
}

/// [`assignment`] into the caller's list of people: how they are assigned.
#[inline(always)]
fn read_assignment(text: &str, lowercase_first: bool, people: &mut People) -> Option<Form> {
    let pos = leading_people(text, lowercase_first, people)?;
    let rest = text.get(pos..)?;
    if let Some(assigns) = by_words(rest) {
        return assigns.then_some(Form::Words);
    }
    if let Some(after) = rest.strip_prefix(':') {
        let after = trim_marks(after);
        let commits = ["I'll ", "I’ll ", "I will "]
            .iter()
            .find_map(|w| after.strip_prefix(w));
        return match commits {
            Some(rest) if strip_word(rest, "be").is_none() => Some(Form::Speaker {
                task: is_task_verb(rest),
            }),
            Some(_) => None,
            // `Matt: Lars and Jay will organize …`: one level only, the
            // words after the colon assign by words or not at all.
            None => match reported(after) {
                Some(reported) => {
                    let offset = text.len() - after.len();
                    *people = People::default();
                    for named in reported.iter() {
                        people.push(named.shifted(offset));
                    }
                    Some(Form::Reported)
                }
                None if after.is_empty() => None,
                None => Some(Form::Mark {
                    lowercase_after: after.starts_with(char::is_lowercase),
                }),
            },
        };
    }
    // Every dash starts with a space.
    if !rest.starts_with(' ') {
        return None;
    }
    let dash = [" - ", " – ", " — "]
        .iter()
        .find(|d| rest.starts_with(*d))?;
    let after = rest.get(dash.len()..).unwrap_or_default().trim_start();
    Some(Form::Mark {
        lowercase_after: after.starts_with(char::is_lowercase),
    })
}

/// The people joined at the start of `text` (after emphasis marks) and the
/// offset after them and the emphasis that closes them.
fn leading_people(text: &str, lowercase_first: bool, people: &mut People) -> Option<usize> {
    let mut pos = skip_marks(text, 0);
    loop {
        let login_like = || {
            if !(lowercase_first && people.is_empty()) {
                return None;
            }
            let len = login_len(text.get(pos..)?);
            let word = text.get(pos..pos + len)?;
            let first = len > 0 && !is_not_a_name(word);
            first.then_some((Named::new(Written::Name, pos, pos + len), pos + len))
        };
        let (named, end) = person(text, pos, false).or_else(login_like)?;
        if !people.push(named) {
            return None;
        }
        pos = skip_emphasis(text, end);
        match joiner(text, pos) {
            Some(next) => pos = next,
            None => return Some(pos),
        }
    }
}

/// The people that the words after a speaker's colon assign work by words:
/// `Lars and Jay will organize …`.
#[inline(always)]
fn reported(after: &str) -> Option<People> {
    let mut people = People::default();
    let end = leading_people(after, false, &mut people)?;
    (after.get(end..).and_then(by_words) == Some(true)).then_some(people)
}

/// Whether the words after the people assign them work: `to review`,
/// `will draft` (`Some(true)`), or say something else with the same words
/// (`to Berlin`, `will be late`: `Some(false)`); `None` without them.
#[inline(always)]
fn by_words(rest: &str) -> Option<bool> {
    let spaces = rest.bytes().position(|b| b != b' ')?;
    // `to` and `will` start with `t` or `w`.
    if !matches!(rest.as_bytes().get(spaces)? | 0x20, b't' | b'w') {
        return None;
    }
    let spaced = rest.get(spaces..)?;
    if let Some(after) = strip_word(spaced, "to") {
        return Some(after.starts_with(char::is_lowercase) && strip_word(after, "be").is_none());
    }
    let after = strip_word(spaced, "will")?;
    Some(strip_word(after, "be").is_none())
}

/// Whether a paragraph line may assign work in prose (`Ben to work on …`,
/// `NRO: I will review …`): the actions pass decides once it knows the
/// note's people.
#[inline]
pub(crate) fn may_assign(line: &str) -> bool {
    assign_shape::fits(line) && reads_as_assignment(line)
}

/// [`may_assign`] by the grammar alone.
pub(super) fn reads_as_assignment(line: &str) -> bool {
    let lower = line.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    let may = lower
        || match line.as_bytes().first() {
            Some(b) if b.is_ascii() => {
                b.is_ascii_uppercase() || matches!(b, b'@' | b'[' | b'*' | b'_')
            }
            _ => line.starts_with(char::is_uppercase),
        };
    // `nikomatsakis to review.`: a login-like word first.
    let mut people = People::default();
    may && read_assignment(line, lower, &mut people)
        .is_some_and(|form| !matches!(form, Form::Mark { .. }))
}

/// The people named at the end of an action, each with whether only a
/// person the note knows counts: `… - Xu Zhou.`, `… [CRob]`,
/// `… @**Jack Huey**`, and `… (Maria)` (known people only).
pub(crate) fn trailing_names(text: &str) -> (People, bool) {
    let body = crate::bytes::trim_end_by(
        text,
        |b| crate::bytes::is_ascii_space(b) || b == b'.',
        |c| c.is_whitespace() || c == '.',
    );
    let mut out = People::default();
    let whole = |start: Option<usize>| {
        let (named, end) = person(text, start?, false)?;
        (end == body.len()).then_some(named)
    };
    if body.ends_with("**") {
        out.extend(whole(body.rfind("@**")));
        return (out, false);
    }
    if body.ends_with(']') {
        out.extend(whole(body.rfind('[')));
        return (out, false);
    }
    if let Some(inner) = body.strip_suffix(')') {
        let Some(open) = inner.rfind('(') else {
            return (out, true);
        };
        // `(maybe nikomatsakis?)`, `(eddyb/nikomatsakis, perhaps?)`.
        let list = inner.get(open + 1..).unwrap_or_default();
        let hedged = list.trim_end_matches(['?', ' ']);
        let hedged = ["perhaps", "maybe"]
            .iter()
            .find_map(|h| hedged.strip_suffix(h))
            .map_or(hedged, |l| l.trim_end_matches([',', ' ']));
        let from = open + 1 + (list.len() - strip_hedge(list).len());
        return (people_list(text, from, open + 1 + hedged.len(), true), true);
    }
    let dash = last_dash_end(body);
    if let Some(dash) = dash {
        // `- steven Z/wenkai`: names in lower case count when the note knows them.
        out = people_list(text, dash, body.len(), false);
        if out.is_empty() {
            return (lowercase_people(text, dash, body.len()), true);
        }
    }
    (out, false)
}

/// Where the text after the last dash between spaces (` - `, ` -- `,
/// ` – `, ` — `) starts: a backward scan of bytes.
fn last_dash_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    // The last byte of each dash, from the end: `-`, and the last bytes of
    // `–` and `—`.
    while let Some(last) = memchr::memrchr3(b'-', 0x93, 0x94, bytes.get(..end)?) {
        end = last;
        let before = bytes.get(..=last)?;
        let dash = [&b" -"[..], b" --", " –".as_bytes(), " —".as_bytes()]
            .iter()
            .any(|d| before.ends_with(d));
        if dash && bytes.get(last + 1) == Some(&b' ') {
            return Some(last + 2);
        }
    }
    None
}

impl People {
    fn extend(&mut self, named: Option<Named>) {
        if let Some(named) = named {
            self.push(named);
        }
    }
}

/// The people of `text[from..to]`, a list joined by `,`, `and`, `&`, `/`,
/// when it holds nothing else. In parentheses (`logins`) a word in lower
/// case counts as a name: `(scottmcm)`, `(eddyb/nikomatsakis)`.
fn people_list(text: &str, from: usize, to: usize, logins: bool) -> People {
    joined_people(text, from, to, |list, pos| {
        person(list, pos, true).or_else(|| {
            // In parentheses, a word in lower case that may be a login:
            // a person for sure, unless it says something else (`(done)`).
            let len = login_len(list.get(pos..)?);
            let word = list.get(pos..pos + len)?;
            let login = logins && len > 1 && !is_not_a_name(word);
            let named = Named {
                bracketed: true,
                ..Named::new(Written::Name, pos, pos + len)
            };
            login.then_some((named, pos + len))
        })
    })
}

/// The people of `text[from..to]` written in lower case (`steven Z/wenkai`),
/// joined as in [`people_list`]: names that count only when the note
/// knows them.
fn lowercase_people(text: &str, from: usize, to: usize) -> People {
    joined_people(text, from, to, |list, pos| {
        let first = word_len(list.get(pos..)?);
        let mut end = pos + first;
        // One more word: `steven Z`.
        if let Some(next) = list.get(end..).and_then(|r| r.strip_prefix(' ')) {
            let second = word_len(next);
            if second > 0 {
                end += 1 + second;
            }
        }
        (first > 0).then_some((Named::new(Written::Name, pos, end), end))
    })
}

/// The people of `text[from..to]` read one by one with `one` (a person at
/// an offset of the list and the offset after it) and joined by
/// [`joiner`]s; empty unless the list holds nothing else.
fn joined_people(
    text: &str,
    from: usize,
    to: usize,
    one: impl Fn(&str, usize) -> Option<(Named, usize)>,
) -> People {
    let mut out = People::default();
    let Some(list) = text.get(..to) else {
        return out;
    };
    let mut pos = from;
    loop {
        let Some((named, end)) = one(list, pos) else {
            return People::default();
        };
        if !out.push(named) {
            return People::default();
        }
        if end == to {
            return out;
        }
        match joiner(list, end) {
            Some(next) => pos = next,
            None => return People::default(),
        }
    }
}

/// One person at `text[pos..]` and the offset after it: `@login`,
/// `@**Zulip Name**`, `[@login]`, `[Name]` or a name. `lowercase_tail`
/// lets a name's later words start in lower case (`Yang yuan`).
#[inline(always)]
fn person(text: &str, pos: usize, lowercase_tail: bool) -> Option<(Named, usize)> {
    let rest = text.get(pos..)?;
    // Most people are written as names.
    if !matches!(rest.as_bytes().first(), Some(b'@' | b'[')) {
        let len = name_len(rest, lowercase_tail);
        return (len > 0).then_some((Named::new(Written::Name, pos, pos + len), pos + len));
    }
    if let Some(after) = rest.strip_prefix("@**") {
        let len = after.find("**")?;
        let name = after.get(..len)?;
        if name.is_empty() || name.len() > 64 || name.contains(['\n', '*']) {
            return None;
        }
        let start = pos + 3;
        return Some((
            Named::new(Written::Zulip, start, start + len),
            start + len + 2,
        ));
    }
    if let Some(after) = rest.strip_prefix('@') {
        let len = login_len(after);
        let start = pos + 1;
        // `@Nicholas M`: a written name with an initial, not a login.
        let tail = after.get(len..).unwrap_or_default().as_bytes();
        let initial = tail.first() == Some(&b' ')
            && tail.get(1).is_some_and(u8::is_ascii_uppercase)
            && tail.get(2).is_none_or(|b| matches!(b, b' ' | b'.'));
        if len > 0 && initial {
            let end = start + len + 2;
            return Some((Named::new(Written::Name, start, end), end));
        }
        return (len > 0).then_some((Named::new(Written::Login, start, start + len), start + len));
    }
    // `[Name]`, `[@login]`.
    let after = rest.strip_prefix('[')?;
    let close = after.find(']')?;
    let inner = after.get(..close)?;
    if after.get(close + 1..)?.starts_with(['(', '[']) {
        // A link, not a name.
        return None;
    }
    let end = pos + 1 + close + 1;
    let (written, start, len) = match inner.strip_prefix('@') {
        Some(login) => (Written::Login, pos + 2, login_len(login)),
        None => (Written::Name, pos + 1, name_len(inner, lowercase_tail)),
    };
    let whole = len > 0 && start + len + 1 == end;
    let named = Named {
        bracketed: true,
        ..Named::new(written, start, start + len)
    };
    whole.then_some((named, end))
}

/// The length of a GitHub login at the start of `text`.
fn login_len(text: &str) -> usize {
    text.bytes()
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .count()
}

/// The length of a name at the start of `text`: one to three words, the
/// first capitalized (`Maria`, `Xu Zhou`, `O'Brien`, `SYG`), and not a word
/// that starts sentences or names a group (`We`, `Need`, `TSC`).
#[inline(always)]
fn name_len(text: &str, lowercase_tail: bool) -> usize {
    // Most words fail the first test: a capital.
    match text.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => {}
        Some(b) if !b.is_ascii() && text.starts_with(char::is_uppercase) => {}
        _ => return 0,
    }
    let mut end = 0;
    let mut pos = 0;
    for words in 0..3 {
        let rest = text.get(pos..).unwrap_or_default();
        // The first word starts with a capital (tested above); a later one
        // in lower case ends the name (`Maria reviewed`) unless
        // `lowercase_tail`.
        let capital = || match rest.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            Some(_) => rest.starts_with(char::is_uppercase),
            None => false,
        };
        if words > 0 && !lowercase_tail && !capital() {
            break;
        }
        let len = word_len(rest);
        let word = rest.get(..len).unwrap_or_default();
        if word.as_bytes().last() == Some(&b'-') || is_not_a_name(word) {
            break;
        }
        end = pos + len;
        if text.as_bytes().get(end) != Some(&b' ') {
            break;
        }
        pos = end + 1;
    }
    end
}

/// The length of the word at the start of `text`: letters, `'`, `’` and
/// `-`. Bytes first, as most names are ASCII.
fn word_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut ascii = 0;
    while let Some(&b) = bytes.get(ascii) {
        if !(b.is_ascii_alphabetic() || b == b'\'' || b == b'-') {
            break;
        }
        ascii += 1;
    }
    match bytes.get(ascii) {
        Some(b) if !b.is_ascii() => {
            let rest = text.get(ascii..).unwrap_or_default();
            ascii
                + rest
                    .chars()
                    .take_while(|&c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
                    .map(char::len_utf8)
                    .sum::<usize>()
        }
        _ => ascii,
    }
}

/// Two to four capital letters: `DE`, `SYG`, `NRO`.
pub(crate) fn is_initials(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// What joins people: `, `, ` and `, ` & `, ` or `, `/`, ` + `; the offset
/// after it.
#[inline(always)]
fn joiner(text: &str, pos: usize) -> Option<usize> {
    let is = |word: [u8; 3], as_word: &[u8; 3]| word.eq_ignore_ascii_case(as_word);
    let len = match text.as_bytes().get(pos..)? {
        [b'/', ..] => 1,
        [b',', b' ', a, n, d, b' ', ..] if is([*a, *n, *d], b"and") => 6,
        [b',', b' ', ..] => 2,
        [b' ', a, n, d, b' ', ..] if is([*a, *n, *d], b"and") => 5,
        [b' ', o, r, b' ', ..] if [*o, *r].eq_ignore_ascii_case(b"or") => 4,
        [b' ', b'&' | b'+', b' ', ..] => 3,
        _ => return None,
    };
    Some(pos + len)
}

/// `word` and a space at the start of `text`, without case: the rest.
fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let head = text.get(..word.len())?;
    let rest = text.get(word.len()..)?;
    (head.eq_ignore_ascii_case(word) && rest.starts_with(' '))
        .then(|| crate::bytes::trim_start(rest))
}

fn skip_marks(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or_default();
    text.len() - trim_marks(rest).len()
}

fn skip_emphasis(text: &str, pos: usize) -> usize {
    let Some(rest) = text.as_bytes().get(pos..) else {
        return text.len();
    };
    pos + rest
        .iter()
        .position(|&b| !matches!(b, b'*' | b'_'))
        .unwrap_or(rest.len())
}

/// `text` without a leading hedge: `maybe nikomatsakis` gives
/// `nikomatsakis`.
fn strip_hedge(text: &str) -> &str {
    ["maybe ", "perhaps "]
        .iter()
        .find_map(|h| text.strip_prefix(h))
        .unwrap_or(text)
}

/// Where a handle that assigns itself starts inside a text: `…, then
/// @ckerr will do it`.
pub(crate) fn handle_assigned_within(text: &str) -> Option<Named> {
    let mut from = 0;
    while let Some(found) = text.get(from..)?.find('@') {
        let at = from + found;
        from = at + 1;
        let found = assignment(text.get(at..)?, false)
            .filter(|a| a.form == Form::Words && a.people.len == 1)
            .and_then(|a| a.people.iter().next());
        if let Some(named) = found.filter(|n| n.written == Written::Login) {
            return Some(named.shifted(at));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Option<(Vec<&str>, Form)> {
        let found = assignment(text, false)?;
        Some((
            found.people.iter().map(|n| n.text(text)).collect(),
            found.form,
        ))
    }

    #[test]
    fn assignments() {
        assert_eq!(names("Maria to review"), Some((vec!["Maria"], Form::Words)));
        assert_eq!(
            names("@ann and Bo will draft it"),
            Some((vec!["ann", "Bo"], Form::Words))
        );
        assert_eq!(
            names("SYG or DE to open"),
            Some((vec!["SYG", "DE"], Form::Words))
        );
        assert_eq!(
            names("Jay: I'll lead"),
            Some((vec!["Jay"], Form::Speaker { task: true }))
        );
        assert_eq!(
            names("MM: I'll get to the punchline"),
            Some((vec!["MM"], Form::Speaker { task: false }))
        );
        assert_eq!(
            names("Matt: Lars and Jay will organize"),
            Some((vec!["Lars", "Jay"], Form::Reported))
        );
        assert_eq!(
            names("@**Jack Huey** to review"),
            Some((vec!["Jack Huey"], Form::Words))
        );
        assert_eq!(
            names("[CRob] to find one"),
            Some((vec!["CRob"], Form::Words))
        );
        // Not assignments.
        assert_eq!(names("Ben will be late"), None);
        assert_eq!(names("We to review"), None);
        assert_eq!(names("Need to review"), None);
        assert_eq!(names("Maria reviewed it"), None);
        assert!(assignment("molly - merge", false).is_none());
        assert!(assignment("molly - merge", true).is_some());
    }

    #[test]
    fn colons_read_one_level() {
        // A speaker reports once: no recursion that the text deepens.
        let text = "Ab: ".repeat(100_000);
        assert!(matches!(
            assignment(&text, false).map(|a| a.form),
            Some(Form::Mark { .. })
        ));
        assert_eq!(
            names("Ab: Cd: Ef will go"),
            Some((
                vec!["Ab"],
                Form::Mark {
                    lowercase_after: false
                }
            ))
        );
    }

    /// The byte scan that [`last_dash_end`] replaced.
    fn last_dash_end_by_scan(text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        (0..bytes.len()).rev().find_map(|at| {
            let before = bytes.get(..at)?;
            let dash = [&b" -"[..], b" --", " –".as_bytes(), " —".as_bytes()]
                .iter()
                .any(|d| before.ends_with(d));
            (bytes.get(at) == Some(&b' ') && dash).then_some(at + 1)
        })
    }

    #[test]
    fn dashes_from_the_end() {
        for text in [
            "",
            "-",
            " - ",
            "a - b",
            "a -- b - c",
            "a – b",
            "a—b — c",
            "x-y - z-w",
            "a --b",
            "– ",
            " — ",
            "a - b -",
            "é — ö",
            "a \u{2012} b",
        ] {
            assert_eq!(last_dash_end(text), last_dash_end_by_scan(text), "{text:?}");
        }
    }

    #[test]
    fn trailing() {
        let text = "Review the doc - Xu Zhou.";
        let (found, known_only) = trailing_names(text);
        let got: Vec<&str> = found.iter().map(|n| n.text(text)).collect();
        assert_eq!((got, known_only), (vec!["Xu Zhou"], false));
        let text = "Review (scottmcm)";
        let (found, known_only) = trailing_names(text);
        let got: Vec<&str> = found.iter().map(|n| n.text(text)).collect();
        assert_eq!((got, known_only), (vec!["scottmcm"], true));
        // Known people only: `optional` is nobody the note lists.
        let text = "Update docs - optional";
        let (found, known_only) = trailing_names(text);
        assert_eq!((found.iter().count(), known_only), (1, true));
    }

    #[test]
    fn handles_within() {
        let text = "Decision: ask first, then @ckerr will do it.";
        let found = handle_assigned_within(text).map(|n| n.text(text));
        assert_eq!(found, Some("ckerr"));
    }
}
