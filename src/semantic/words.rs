//! The vocabularies of action texts: the prefixes that make a line an
//! action (`AI:`, `**Action Item 20.1**:`), the words that are never a
//! person's name (`We`, `Need`, `TSC`, `PR`), and the verbs of work a
//! speaker commits to (`I'll review`). Pure functions over text.

/// Verbs of work that a speaker commits to (`I'll review it`), compared
/// without case; what else speakers say they will do is mostly talk.
const TASK_VERBS: &[&str] = &[
    "add",
    "ask",
    "check",
    "comment",
    "contact",
    "create",
    "document",
    "draft",
    "email",
    "file",
    "fix",
    "follow",
    "investigate",
    "land",
    "lead",
    "look",
    "merge",
    "open",
    "organize",
    "ping",
    "post",
    "prepare",
    "propose",
    "provide",
    "publish",
    "reach",
    "reply",
    "review",
    "schedule",
    "send",
    "set",
    "ship",
    "submit",
    "summarize",
    "update",
    "work",
    "write",
];

/// Whether `text` starts with a verb of [`TASK_VERBS`].
pub(crate) fn is_task_verb(text: &str) -> bool {
    let word = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    TASK_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
}

/// The words that prefix an action, compared without case.
const PREFIXES: &[&str] = &[
    "action",
    "actions",
    "action item",
    "action items",
    "ai",
    "todo",
    "to do",
    "next step",
    "next steps",
    "follow-up",
    "follow up",
    "followup",
];

/// `AI:`, `ACTION:`, `**Action item**:`, `Action Item 20.1:`, `TODO:` at the
/// start of `text`: the offset of the text after it.
#[inline]
pub(crate) fn action_prefix(text: &str) -> Option<usize> {
    let start = text.len() - trim_marks(text).len();
    let head = text.get(start..)?;
    // Every prefix starts with `ac`, `ai`, `to`, `ne` or `fo`: most texts
    // cost this test.
    let &[first, second, ..] = head.as_bytes() else {
        return None;
    };
    if !matches!(
        [first | 0x20, second | 0x20],
        [b'a', b'c' | b'i'] | [b't' | b'f', b'o'] | [b'n', b'e']
    ) {
        return None;
    }
    prefix_after(text, start, head)
}

/// The rest of [`action_prefix`]: `head` is `text` from `start`, after the
/// marks.
#[inline(never)]
fn prefix_after(text: &str, start: usize, head: &str) -> Option<usize> {
    let window = head.get(..head.len().min(32)).unwrap_or(head);
    // `Key:`, `**Key**:`, or a bold key alone: `**Action Item 5** Bo to …`.
    let bold_end = text
        .get(..start)
        .filter(|marks| marks.contains("**"))
        .and_then(|_| window.find("**"));
    let colon = memchr::memchr(b':', window.as_bytes());
    let (key_end, after) = match (colon, bold_end) {
        (Some(colon), Some(bold)) if bold < colon => (bold, bold + 2),
        (Some(colon), _) => (colon, colon + 1),
        (None, Some(bold)) => (bold, bold + 2),
        (None, None) => return None,
    };
    let colon = key_end;
    let key = head.get(..colon)?.trim_end_matches(is_mark);
    // A number after the key: `Action Item 20.1`, `AI #3`.
    let key = key
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '#'))
        .trim_end();
    if !PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(key)) {
        return None;
    }
    let body = trim_marks(head.get(after..)?);
    let body = body.strip_prefix(':').map_or(body, trim_marks);
    Some(text.len() - body.len())
}

/// The length of a number that labels an action at the start of `text`,
/// with the marks after it: `**103.4**—`, `103.1 | `.
#[inline]
pub(crate) fn numbering_len(text: &str) -> usize {
    // Most texts start with a letter.
    if text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    numbering_after_marks(text)
}

/// The rest of [`numbering_len`].
#[inline(never)]
fn numbering_after_marks(text: &str) -> usize {
    let body = trim_marks(text);
    let digits = body
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b'.'))
        .unwrap_or(body.len());
    if digits == 0 {
        return 0;
    }
    let after = body
        .get(digits..)
        .unwrap_or_default()
        .trim_start_matches(is_mark);
    let rest = after.trim_start_matches(['—', '–', '-', ':', '|']);
    if rest.len() == after.len() {
        return 0;
    }
    text.len() - rest.trim_start_matches(is_mark).len()
}

/// Emphasis marks and white space around keys and names.
pub(crate) fn is_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '_')
}

/// The ASCII side of [`is_mark`].
pub(crate) fn is_mark_byte(b: u8) -> bool {
    crate::bytes::is_ascii_space(b) || matches!(b, b'*' | b'_')
}

/// `text.trim_start_matches(is_mark)`, bytes first.
pub(crate) fn trim_marks(text: &str) -> &str {
    crate::bytes::trim_start_by(text, is_mark_byte, is_mark)
}

/// Words that start sentences or orders, or name groups, labels, statuses
/// or things (`PR`, `API`) rather than a person; compared without case.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "a", "abi", "able", "accepted", "action", "actions", "add", "added", "agree", "agreed", "all",
    "also", "an", "and", "answer", "anyone", "api", "ask", "assign", "back", "background", "begin",
    "blocked", "blocker", "board", "bring", "bug", "but", "canceled", "cancelled", "cg", "chairs",
    "champions", "change", "ci", "cli", "closed", "cncf", "come", "comment", "comments", "commit",
    "committee", "conclusion", "consensus", "context", "continue", "contribute", "convert", "css",
    "deadline", "decided", "decision", "defer", "deferred", "delegate", "discussion", "dns",
    "docs", "done", "draft", "due", "editors", "eip", "escalate", "everybody", "everyone", "evm",
    "example", "fcp", "feedback", "fix", "folks", "follow", "forward", "ga", "get", "go", "goal",
    "going", "group", "had", "has", "have", "he", "how", "html", "http", "i", "idea", "if",
    "issue", "issues", "it", "js", "json", "keep", "later", "let's", "lf", "link", "links",
    "listen", "look", "lts", "maintainers", "make", "maybe", "merged", "migrate", "move", "moved",
    "mvp", "n/a", "need", "needed", "needs", "next", "no", "nobody", "nominated", "note", "notes",
    "oci", "ok", "ongoing", "open", "optional", "or", "ought", "outcome", "owner", "pending",
    "people", "perhaps", "ping", "plan", "plans", "please", "point", "post", "postponed", "pr",
    "priority", "problem", "proposal", "prs", "publish", "push", "qa", "question", "reach",
    "reason", "refer", "rejected", "remember", "reply", "report", "required", "resolution",
    "respond", "result", "return", "rfc", "risk", "sdk", "see", "send", "set", "she", "sig", "so",
    "somebody", "someone", "staff", "start", "status", "stick", "submit", "suggestion", "summary",
    "switch", "tac", "talk", "tbd", "tc", "team", "that", "the", "then", "these", "they", "this",
    "those", "time", "tls", "to", "toc", "todo", "topic", "tries", "try", "tsc", "ui", "update",
    "updates", "upgrade", "url", "ux", "want", "wanted", "wants", "we", "wg", "what", "who",
    "will", "wip", "write", "yaml", "yes", "you",
];

/// Whether `word` is one of [`NOT_NAMES`], compared without ASCII case: a
/// `match` on its lower case (the test `not_names_match_the_list` keeps
/// the two in step), without allocating.
#[inline(always)]
pub(crate) fn is_not_a_name(word: &str) -> bool {
    // Most words fail a first test: no word of the list has their length
    // and their first two letters.
    let Some((first, second)) = first_letters(word.as_bytes()) else {
        return false;
    };
    let seconds = FIRST_LETTERS
        .get(word.len())
        .and_then(|firsts| firsts.get(first))
        .copied()
        .unwrap_or(0);
    seconds & (1 << second) != 0 && is_listed(word)
}

/// The rest of [`is_not_a_name`]: whether `word` is in the list.
#[inline(never)]
fn is_listed(word: &str) -> bool {
    let mut buffer = [0u8; 11];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return false;
    };
    for (to, from) in lower.iter_mut().zip(word.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    #[rustfmt::skip]
    let found = matches!(&*lower,
        b"a" | b"abi" | b"able" | b"accepted" | b"action" | b"actions" | b"add" | b"added"
        | b"agree" | b"agreed" | b"all" | b"also" | b"an" | b"and" | b"answer" | b"anyone" | b"api"
        | b"ask" | b"assign" | b"back" | b"background" | b"begin" | b"blocked" | b"blocker"
        | b"board" | b"bring" | b"bug" | b"but" | b"canceled" | b"cancelled" | b"cg" | b"chairs"
        | b"champions" | b"change" | b"ci" | b"cli" | b"closed" | b"cncf" | b"come" | b"comment"
        | b"comments" | b"commit" | b"committee" | b"conclusion" | b"consensus" | b"context"
        | b"continue" | b"contribute" | b"convert" | b"css" | b"deadline" | b"decided"
        | b"decision" | b"defer" | b"deferred" | b"delegate" | b"discussion" | b"dns" | b"docs"
        | b"done" | b"draft" | b"due" | b"editors" | b"eip" | b"escalate" | b"everybody"
        | b"everyone" | b"evm" | b"example" | b"fcp" | b"feedback" | b"fix" | b"folks" | b"follow"
        | b"forward" | b"ga" | b"get" | b"go" | b"goal" | b"going" | b"group" | b"had" | b"has"
        | b"have" | b"he" | b"how" | b"html" | b"http" | b"i" | b"idea" | b"if" | b"issue"
        | b"issues" | b"it" | b"js" | b"json" | b"keep" | b"later" | b"let's" | b"lf" | b"link"
        | b"links" | b"listen" | b"look" | b"lts" | b"maintainers" | b"make" | b"maybe" | b"merged"
        | b"migrate" | b"move" | b"moved" | b"mvp" | b"n/a" | b"need" | b"needed" | b"needs"
        | b"next" | b"no" | b"nobody" | b"nominated" | b"note" | b"notes" | b"oci" | b"ok"
        | b"ongoing" | b"open" | b"optional" | b"or" | b"ought" | b"outcome" | b"owner"
        | b"pending" | b"people" | b"perhaps" | b"ping" | b"plan" | b"plans" | b"please" | b"point"
        | b"post" | b"postponed" | b"pr" | b"priority" | b"problem" | b"proposal" | b"prs"
        | b"publish" | b"push" | b"qa" | b"question" | b"reach" | b"reason" | b"refer"
        | b"rejected" | b"remember" | b"reply" | b"report" | b"required" | b"resolution"
        | b"respond" | b"result" | b"return" | b"rfc" | b"risk" | b"sdk" | b"see" | b"send"
        | b"set" | b"she" | b"sig" | b"so" | b"somebody" | b"someone" | b"staff" | b"start"
        | b"status" | b"stick" | b"submit" | b"suggestion" | b"summary" | b"switch" | b"tac"
        | b"talk" | b"tbd" | b"tc" | b"team" | b"that" | b"the" | b"then" | b"these" | b"they"
        | b"this" | b"those" | b"time" | b"tls" | b"to" | b"toc" | b"todo" | b"topic" | b"tries"
        | b"try" | b"tsc" | b"ui" | b"update" | b"updates" | b"upgrade" | b"url" | b"ux" | b"want"
        | b"wanted" | b"wants" | b"we" | b"wg" | b"what" | b"who" | b"will" | b"wip" | b"write"
        | b"yaml" | b"yes" | b"you"
    );
    found
}

/// For each length of a word of [`NOT_NAMES`] and each first letter, a bit
/// for each second letter of such words (see [`first_letters`]).
const FIRST_LETTERS: [[u32; 26]; 12] = {
    let mut letters = [[0; 26]; 12];
    let mut i = 0;
    while i < NOT_NAMES.len() {
        let word = NOT_NAMES[i].as_bytes();
        if let Some((first, second)) = first_letters(word) {
            letters[word.len()][first] |= 1 << second;
        }
        i += 1;
    }
    letters
};

/// The first letter of `word` (0 for `a`, case ignored) and its second
/// (26 for a word of one letter, or another character than a letter).
const fn first_letters(word: &[u8]) -> Option<(usize, u32)> {
    let [first, rest @ ..] = word else {
        return None;
    };
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let second = match rest.first() {
        Some(b) if b.is_ascii_alphabetic() => ((*b | 0x20) - b'a') as u32,
        _ => 26,
    };
    Some((((*first | 0x20) - b'a') as usize, second))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_numbers() {
        assert_eq!(action_prefix("AI: x"), Some(4));
        assert_eq!(action_prefix("**Action Item 20.1**: x"), Some(22));
        assert_eq!(action_prefix("*AI:* x"), Some(6));
        assert_eq!(action_prefix("Aim: x"), None);
        assert_eq!(action_prefix("**Action Item 5** Bo to x"), Some(18));
        assert_eq!(action_prefix("**Action Item 5**: Bo to x"), Some(19));
        assert_eq!(action_prefix("Next steps: Josh to x"), Some(12));
        assert_eq!(action_prefix("**Actions** are listed below"), Some(12));
        assert_eq!(numbering_len("**103.4**—Pooja"), "**103.4**—".len());
        assert_eq!(numbering_len("103 people"), 0);
    }
    #[test]
    fn not_names_match_the_list() {
        for word in NOT_NAMES {
            assert!(is_not_a_name(word), "{word}");
            assert!(is_not_a_name(&word.to_uppercase()), "{word}");
            assert!(word.len() <= 11, "{word}: the buffer of is_not_a_name");
        }
        for word in ["Maria", "niko", "CRob", "Danny", "publishing"] {
            assert!(!is_not_a_name(word), "{word}");
        }
    }
}
