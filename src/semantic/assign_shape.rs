//! The shape of a prose assignment (`Maria to …`, `Matt: Lars will …`),
//! tested by bytes before the names grammar reads a paragraph line: most
//! lines fail it at their first words.

use crate::bytes;

/// Whether `line` has the shape of an assignment, a necessary condition of
/// [`super::names::reads_as_assignment`], which reads the names of most lines twice
/// (`SYG: …`, before and after the colon).
///
/// An assignment has `to` or `will` right after the people that open the
/// line (`Maria to …`) or follow its first colon (`Matt: Lars will …`), or
/// `I'll` right after that colon. People are words that start with a
/// capital, `@` or `[`, joined by `and`, `or`, `&`, `+` (and `,` or `/`
/// inside a word); only the line's first word may be in lower case
/// (`nikomatsakis to …`). So words of that kind must lead to `to` or
/// `will`: the first word of no such kind (in lower case, a digit, a sign)
/// settles most lines. Emphasis, brackets and words not in ASCII, where
/// the words may run together, are left to the grammar.
pub(super) fn fits(line: &str) -> bool {
    leads_to_assignment(line.as_bytes(), false)
}

/// [`fits`] on the words of `text`, the line or (`after_colon`)
/// the rest after its first colon.
fn leads_to_assignment(text: &[u8], after_colon: bool) -> bool {
    let mut rest = text;
    let mut first = true;
    loop {
        let start = rest.iter().position(|&b| !bytes::is_ascii_space(b));
        let Some(word) = start.and_then(|start| rest.get(start..)) else {
            return false;
        };
        // Whether the word is `other`, without case.
        let is = |other: &[u8]| {
            word.get(..other.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(other))
                && word
                    .get(other.len())
                    .is_none_or(|&b| bytes::is_ascii_space(b))
        };
        let Some(&lead) = word.first() else {
            return false;
        };
        // Each word compared only when its first letter matches.
        let lower = lead | 0x20;
        if (lower == b't' && is(b"to")) || (lower == b'w' && is(b"will")) {
            return true;
        }
        let may_be_person = !lead.is_ascii()
            || lead.is_ascii_uppercase()
            || matches!(lead, b'@' | b'[' | b'*' | b'_')
            || (first && !after_colon && lead.is_ascii_lowercase());
        let joiner = match lower {
            b'a' => is(b"and"),
            b'o' => is(b"or"),
            _ => matches!(lead, b'&' | b'+') && is(&[lead]),
        };
        if !may_be_person && !joiner {
            // The people end before this word, which is not `to` or `will`.
            return false;
        }
        let mut len = 0;
        let mut colon = false;
        while let Some(&b) = word.get(len) {
            if bytes::is_ascii_space(b) {
                break;
            }
            if matches!(b, b'*' | b'_' | b']') {
                return true;
            }
            colon |= b == b':';
            len += 1;
        }
        let speaker_commits =
            word.starts_with(b"I'll") || word.starts_with("I\u{2019}ll".as_bytes());
        if after_colon && first && (!lead.is_ascii() || speaker_commits) {
            return true;
        }
        if colon && !after_colon {
            // No earlier word holds a colon: this one holds the first.
            let colon = text.iter().position(|&b| b == b':').unwrap_or(text.len());
            return leads_to_assignment(text.get(colon + 1..).unwrap_or_default(), true);
        }
        rest = word.get(len..).unwrap_or_default();
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantic::names;

    /// Every line that the names grammar accepts passes the shape test: lines
    /// of a few words from a vocabulary of names, joiners, marks and prose.
    #[test]
    fn quick_assign_test_is_necessary() {
        let vocabulary = [
            "Maria",
            "SYG",
            "@ann",
            "[CRob]",
            "[@bo]",
            "@**Jack Huey**",
            "and",
            "or",
            "&",
            "+",
            "to",
            "will",
            "be",
            "review",
            "I'll",
            "I\u{2019}ll",
            "I",
            "Jay:",
            ":",
            "Jay,",
            "Ann/Bo",
            "nikomatsakis",
            "**Bo**",
            "Bo**",
            "\u{a0}Bo",
            "\tto",
            "- x",
            "9",
            "Yeah,",
            "Similar",
        ];
        let seps = [" ", ": ", ":", "  ", "\t"];
        let n = vocabulary.len();
        let mut accepted = 0;
        for a in 0..n {
            for b in 0..n {
                for c in 0..n {
                    for (s, sep) in seps.iter().enumerate() {
                        let (x, y, z) = (vocabulary[a], vocabulary[b], vocabulary[c]);
                        let other = seps[(s + a) % seps.len()];
                        for line in [
                            format!("{x}{sep}{y} {z} it"),
                            format!("{x} {y}{sep}{z} x"),
                            format!("{x}{other}{y}{sep}{z} will do"),
                        ] {
                            if names::reads_as_assignment(&line) {
                                accepted += 1;
                                assert!(fits(&line), "{line:?}");
                            }
                        }
                    }
                }
            }
        }
        assert!(accepted > 1000, "{accepted}");
        for line in [
            "Maria to review",
            "SYG: I'll do them.",
            "Matt: Lars and Jay will organize",
            "JKN: Similar to move semantics.",
            "nikomatsakis to review.",
            "[CRob]to find one",
            "Ann**to review",
            "Ann:\tI'll review",
            "Ann: \u{a0}I'll review",
        ] {
            assert!(fits(line), "{line:?}");
        }
        assert!(!fits("SYG: Yeah, I think that is so."));
        assert!(!fits("we need to review"));
    }

    /// The same on hand-picked lines: other white space, punctuation inside
    /// and after names, case, and forms the grammar may or may not accept.
    #[test]
    fn quick_assign_test_is_necessary_on_edge_lines() {
        let lines = [
            "Maria\u{a0}to review",
            "Maria to\u{a0}review",
            "Maria\u{2003}will review",
            "Maria\u{a0}will review",
            "Maria to\treview",
            "Maria\u{3000}to review",
            "Maria,Bob to review",
            "Maria/Bob to review",
            "Maria & Bob to review",
            "Maria+Bob to review",
            "Maria to: review",
            "Maria to.",
            "Maria to-do review",
            "Maria: Bob\u{a0}will fix",
            "SYG:I'll do",
            "SYG:\u{a0}I'll do",
            "Ann, Bo, and Cy to do",
            "@ann to do",
            "@ann: I'll do",
            "_Ann_ to do",
            "*Ann* to do",
            "[Ann] to do",
            "Ann (Google) to do",
            "Ann's team to do",
            "Ann-Marie to do",
            "Ann.Lee to do",
            "Ann O'Neil to do",
            "Ann de la Cruz to do",
            "ANN to do",
            "Ann TO do",
            "Ann To do",
            "Ann WILL do",
            "Ann: we will do",
            "Ann: I will do",
            "Ann: Bo and I will do",
            "Ann: Bo & Cy will",
            "Ann — Bo will",
            "Ann - to do",
            "Ann, to do",
            "Ann: I’ll do",
            "Ann: I'LL do",
            "Ann: i'll do",
            "Ann 2 to do",
            "Ann (@ann) to do",
            "Ann @ann to do",
        ];
        let accepted: Vec<_> = lines
            .into_iter()
            .filter(|l| names::reads_as_assignment(l))
            .collect();
        let missed: Vec<_> = accepted.iter().filter(|l| !fits(l)).collect();
        assert!(missed.is_empty(), "{missed:?}");
        assert!(accepted.len() >= 15, "{accepted:?}");
    }
}
