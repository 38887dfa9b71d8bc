//! Byte searches written so that the compiler vectorizes them.
//!
//! `core`'s `memchr` works a word at a time and its setup dominates on the
//! short haystacks of a line or an item's text. Here a 32-byte chunk is
//! tested with a branch-free `fold` over an array, which compiles to a few
//! SSE2 compares and one `pmovmskb` per chunk on x86-64 (and to NEON or plain
//! words elsewhere) without any `unsafe`. The chunk that holds a match is
//! then read eight bytes at a time with an exact word test, whose lowest set
//! bit gives the index.

/// Bytes tested per branch when skipping.
const CHUNK: usize = 32;
/// Bytes tested per branch when locating a match inside a chunk.
const WORD: usize = 8;

/// The index of the first `needle` in `bytes`.
#[inline]
pub(crate) fn find_byte(bytes: &[u8], needle: u8) -> Option<usize> {
    find_either(bytes, needle, needle)
}

/// The index of the first `a` or `b` in `bytes`.
#[inline]
pub(crate) fn find_either(bytes: &[u8], a: u8, b: u8) -> Option<usize> {
    let hit = |x: u8| (x == a) | (x == b);
    let (splat_a, splat_b) = (splat(a), splat(b));
    find_by(bytes, hit, hit, |word| {
        equal_bytes(word, splat_a) | equal_bytes(word, splat_b)
    })
}

/// The index of the first byte that `exact` accepts; `word_hits` marks them
/// in a word. `maybe` picks the 32-byte chunks worth that search: it must
/// accept every such byte, and may accept others when it vectorizes better
/// (the search then goes on past the chunk).
#[inline(always)]
fn find_by(
    bytes: &[u8],
    maybe: impl Fn(u8) -> bool,
    exact: impl Fn(u8) -> bool,
    word_hits: impl Fn(u64) -> u64 + Copy,
) -> Option<usize> {
    let mut offset = 0;
    let mut chunks = bytes.chunks_exact(CHUNK);
    for chunk in &mut chunks {
        let Ok(chunk) = <&[u8; CHUNK]>::try_from(chunk) else {
            break;
        };
        if chunk.iter().fold(false, |any, &b| any | maybe(b)) {
            if let Some(i) = first_word_hit(chunk, word_hits) {
                return Some(offset + i);
            }
        }
        offset += CHUNK;
    }
    let rest = chunks.remainder();
    let whole = rest.len() / WORD * WORD;
    let (words, tail) = rest.split_at(whole);
    if let Some(i) = first_word_hit(words, word_hits) {
        return Some(offset + i);
    }
    tail.iter()
        .position(|&b| exact(b))
        .map(|i| offset + whole + i)
}

/// The length of the run at the start of `bytes` that no byte `ends`
/// accepts, for runs that may be long (a URL, a link destination): whole
/// 32-byte chunks are skipped while `maybe_ends`, a test that vectorizes,
/// accepts none of their bytes (it must accept every byte `ends` does, and
/// may accept others); `ends` then reads the rest byte by byte.
#[inline(always)]
pub(crate) fn run_len(
    bytes: &[u8],
    maybe_ends: impl Fn(u8) -> bool,
    ends: impl Fn(u8) -> bool,
) -> usize {
    let mut offset = 0;
    for chunk in bytes.chunks_exact(CHUNK) {
        if chunk.iter().fold(false, |any, &b| any | maybe_ends(b)) {
            break;
        }
        offset += CHUNK;
    }
    let rest = bytes.get(offset..).unwrap_or_default();
    offset + rest.iter().position(|&b| ends(b)).unwrap_or(rest.len())
}

/// A table of 256 entries, true at each byte of `members`: one load tests a
/// byte, where a `matches!` on a list compiles to several range tests.
pub(crate) const fn byte_set(members: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < members.len() {
        table[members[i] as usize] = true;
        i += 1;
    }
    table
}

/// [`find_either`] for haystacks of a few dozen bytes (a key, a line's
/// start), where the 32-byte chunk test costs more than it skips: eight bytes
/// at a time, the last eight overlapping the ones before instead of a byte loop.
#[inline]
pub(crate) fn find_either_short(bytes: &[u8], a: u8, b: u8) -> Option<usize> {
    let (splat_a, splat_b) = (splat(a), splat(b));
    let word_hits = |word: u64| equal_bytes(word, splat_a) | equal_bytes(word, splat_b);
    let whole = bytes.len() / WORD * WORD;
    if whole == 0 {
        return bytes.iter().position(|&x| x == a || x == b);
    }
    if let Some(i) = first_word_hit(bytes.get(..whole).unwrap_or_default(), word_hits) {
        return Some(i);
    }
    if whole == bytes.len() {
        return None;
    }
    // The bytes before `whole` hold neither, so a hit in the last eight
    // bytes is at `whole` or later.
    let last = bytes.len() - WORD;
    first_word_hit(bytes.get(last..).unwrap_or_default(), word_hits).map(|i| last + i)
}

/// The first line ending in `bytes`: `\n`, `\r\n` or a lone `\r`, which
/// CommonMark all counts as one. Returns where it starts and where the next
/// line does. One search for both bytes, not a second pass for `\r`.
#[inline(always)]
pub(crate) fn find_line_end(bytes: &[u8]) -> Option<(usize, usize)> {
    // `memchr2` measures better here than `find_either` (fewer
    // instructions on the corpus): lines are mostly longer than a chunk.
    let at = memchr::memchr2(b'\n', b'\r', bytes)?;
    let crlf = bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n');
    Some((at, at + 1 + usize::from(crlf)))
}

/// [`find_line_end`] for many searches in one text, such as every line of
/// a document: the searcher is set up once. On x86-64 that is `memchr`'s
/// AVX2 searcher when the CPU has AVX2, which saves `memchr2`'s dispatch
/// through a function pointer on every line.
#[derive(Clone, Copy)]
pub(crate) struct LineEnds {
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Two>,
}

impl LineEnds {
    pub(crate) fn new() -> LineEnds {
        LineEnds {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Two::new(b'\n', b'\r'),
        }
    }

    /// As [`find_line_end`].
    #[inline]
    pub(crate) fn find(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        #[cfg(target_arch = "x86_64")]
        let at = match &self.avx2 {
            Some(two) => two.find(bytes),
            None => memchr::memchr2(b'\n', b'\r', bytes),
        }?;
        #[cfg(not(target_arch = "x86_64"))]
        let at = memchr::memchr2(b'\n', b'\r', bytes)?;
        let crlf = bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n');
        Some((at, at + 1 + usize::from(crlf)))
    }
}

/// The index of the last line ending byte (`\n` or `\r`) in `text`: two
/// `rfind`s, which use `memrchr`, the second only on the last line.
#[inline]
pub(crate) fn rfind_line_end(text: &str) -> Option<usize> {
    let nl = text.rfind('\n');
    let after = nl.map_or(0, |n| n + 1);
    text.get(after..)
        .and_then(|line| line.rfind('\r'))
        .map(|cr| after + cr)
        .or(nl)
}

/// `text.split('\n')` for every line ending of [`find_line_end`]: each line
/// without its ending, with its offset in `text`.
pub(crate) fn split_lines(text: &str) -> SplitLines<'_> {
    SplitLines {
        text,
        pos: 0,
        done: false,
    }
}

/// The iterator of [`split_lines`].
#[derive(Clone)]
pub(crate) struct SplitLines<'a> {
    text: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> Iterator for SplitLines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.done {
            return None;
        }
        let start = self.pos;
        let rest = self.text.get(start..).unwrap_or_default();
        match find_line_end(rest.as_bytes()) {
            Some((end, next)) => {
                self.pos += next;
                Some((start, rest.get(..end).unwrap_or_default()))
            }
            None => {
                self.done = true;
                Some((start, rest))
            }
        }
    }
}

/// `byte` in every byte of a word.
const fn splat(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// High bits marking the bytes of `word` equal to the byte of `splat`: the
/// lowest one exactly; above a match a borrow may mark others too, but the
/// searches only read the lowest (the classic zero-byte test, three
/// operations).
#[inline(always)]
fn equal_bytes(word: u64, splat: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let x = word ^ splat;
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The index of the first byte marked by `word_hits` in the whole words of
/// `bytes`, read little-endian so that the lowest set bit is the first byte.
#[inline(always)]
fn first_word_hit(bytes: &[u8], word_hits: impl Fn(u64) -> u64) -> Option<usize> {
    let mut base = 0;
    for word in bytes.chunks_exact(WORD) {
        let bits = <[u8; WORD]>::try_from(word).map_or(0, |w| word_hits(u64::from_le_bytes(w)));
        if bits != 0 {
            return Some(base + bits.trailing_zeros() as usize / 8);
        }
        base += WORD;
    }
    None
}

/// `text.trim_start_matches(strip)`, decided byte by byte while the text is
/// ASCII: `ascii` must say of an ASCII byte what `strip` says of that
/// character. `str::trim_*` decode characters, and nearly every text is
/// ASCII where it is trimmed; at the first other byte `strip` takes over.
#[inline]
pub(crate) fn trim_start_by(
    text: &str,
    ascii: impl Fn(u8) -> bool,
    strip: impl Fn(char) -> bool,
) -> &str {
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        if !b.is_ascii() {
            return text
                .get(start..)
                .map_or(text, |rest| rest.trim_start_matches(strip));
        }
        if !ascii(b) {
            break;
        }
        start += 1;
    }
    text.get(start..).unwrap_or_default()
}

/// `text.trim_end_matches(strip)`, as [`trim_start_by`].
#[inline]
pub(crate) fn trim_end_by(
    text: &str,
    ascii: impl Fn(u8) -> bool,
    strip: impl Fn(char) -> bool,
) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(&b) = end.checked_sub(1).and_then(|i| bytes.get(i)) {
        if !b.is_ascii() {
            return text
                .get(..end)
                .map_or(text, |head| head.trim_end_matches(strip));
        }
        if !ascii(b) {
            break;
        }
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// White space among ASCII bytes as `char::is_whitespace` has it: tab, line
/// feed, vertical tab, form feed, carriage return and space.
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | 9..=13)
}

/// `text.trim_start()`, by bytes while they are ASCII.
#[inline]
pub(crate) fn trim_start(text: &str) -> &str {
    trim_start_by(text, is_ascii_space, char::is_whitespace)
}

/// `text.trim_end()`, by bytes while they are ASCII.
#[inline]
pub(crate) fn trim_end(text: &str) -> &str {
    trim_end_by(text, is_ascii_space, char::is_whitespace)
}

/// Whether `text` starts with `prefix`, ASCII case ignored.
pub(crate) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` ends with `suffix`, ASCII case ignored.
pub(crate) fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    let cut = text.len().saturating_sub(suffix.len());
    text.len() >= suffix.len()
        && text
            .as_bytes()
            .get(cut..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix.as_bytes()))
}

/// Where `needle` first stands in `text`, ASCII case ignored.
pub(crate) fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes()
        .windows(needle.len().max(1))
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether `text` holds an ASCII digit, eight bytes at a time.
pub(crate) fn has_digit(text: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const ZEROS: u64 = u64::from_ne_bytes([b'0'; 8]);
    let mut chunks = text.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        // Digits become bytes below 10; test for any such byte (exact for
        // a yes or no, as bytes of 128 and more are masked out by `!x`).
        let x = word ^ ZEROS;
        if x.wrapping_sub(ONES * 10) & !x & HIGHS != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_match_at_every_offset_and_length() {
        for len in 0..80 {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                if let Some(b) = bytes.get_mut(at) {
                    *b = b'\n';
                }
                // A second match later must not win.
                if let Some(b) = bytes.get_mut(at + 3) {
                    *b = b'\r';
                }
                let expected = (at < len).then_some(at);
                assert_eq!(find_byte(&bytes, b'\n'), expected, "{len} {at}");
                let either = bytes.iter().position(|&b| b == b'\n' || b == b'\r');
                assert_eq!(find_either(&bytes, b'\r', b'\n'), either, "{len} {at}");
            }
        }
    }

    #[test]
    fn line_endings() {
        assert_eq!(find_line_end(b"ab"), None);
        assert_eq!(find_line_end(b"ab\ncd"), Some((2, 3)));
        assert_eq!(find_line_end(b"ab\r\ncd"), Some((2, 4)));
        assert_eq!(find_line_end(b"ab\rcd"), Some((2, 3)));
        assert_eq!(find_line_end(b"ab\r"), Some((2, 3)));
        assert_eq!(find_line_end(b"\r\r\n"), Some((0, 1)));
        assert_eq!(find_line_end(b"\n\r"), Some((0, 1)));
        for text in ["", "a", "a\nb", "a\rb\nc", "a\nb\rc", "a\r\n", "\r\nx"] {
            let naive = text.bytes().rposition(|b| b == b'\n' || b == b'\r');
            assert_eq!(rfind_line_end(text), naive, "{text:?}");
        }
        let lines: Vec<_> = split_lines("a\rb\r\nc\n\rd\r").collect();
        assert_eq!(
            lines,
            [(0, "a"), (2, "b"), (5, "c"), (7, ""), (8, "d"), (10, "")]
        );
        // Without `\r`, as `str::split('\n')`.
        for text in ["", "\n", "a\n\nb", "a\n"] {
            let ours: Vec<&str> = split_lines(text).map(|(_, line)| line).collect();
            assert_eq!(ours, text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn short_search_finds_the_first() {
        let text = b"0123456789:abcdefgh\nijklmnopqrstuvwxyz:0123456789\n";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text[start..end];
                let naive = bytes.iter().position(|&b| b == b':' || b == b'\n');
                assert_eq!(
                    find_either_short(bytes, b':', b'\n'),
                    naive,
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn trims_agree_with_str() {
        let mark = |c: char| c.is_whitespace() || matches!(c, '*' | '_');
        let mark_byte = |b: u8| is_ascii_space(b) || matches!(b, b'*' | b'_');
        for text in [
            "",
            " ",
            " a ",
            "\u{b}x\u{c}",
            "\u{a0} a \u{a0}",
            " \u{3000}é*_ ",
            "**_x_**",
            "é",
            "\t\r\n",
            "a\u{2003}",
        ] {
            assert_eq!(trim_start(text), text.trim_start(), "{text:?}");
            assert_eq!(trim_end(text), text.trim_end(), "{text:?}");
            assert_eq!(
                trim_start_by(text, mark_byte, mark),
                text.trim_start_matches(mark)
            );
            assert_eq!(
                trim_end_by(text, mark_byte, mark),
                text.trim_end_matches(mark)
            );
        }
        for b in 0..=127u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b}");
        }
    }

    #[test]
    fn multibyte_text_and_high_bytes() {
        assert_eq!(find_byte("é\u{a0a}x\n".as_bytes(), b'\n'), Some(6));
        assert_eq!(find_byte(&[0xff; 40], 0x7f), None);
        assert_eq!(find_byte(&[0x7f; 40], 0xff), None);
        assert_eq!(find_either(b"abcdefgh-ijk\r\n", b'\n', b'\r'), Some(12));
        // A borrow marks the byte after a match too; the first still wins.
        let mut text = [b'a'; 40];
        for at in 0..38 {
            text[at] = b'\n';
            text[at + 1] = 0x0b;
            assert_eq!(find_byte(&text, b'\n'), Some(at), "{at}");
            assert_eq!(find_either_short(&text, b'\n', b'\n'), Some(at), "{at}");
            text[at] = b'a';
            text[at + 1] = b'a';
        }
    }

    #[test]
    fn digits_eight_at_a_time() {
        for byte in 0..=255u8 {
            let mut text = [b'a'; 19];
            for at in 0..text.len() {
                text[at] = byte;
                assert_eq!(has_digit(&text), byte.is_ascii_digit(), "{byte} at {at}");
                text[at] = b'a';
            }
        }
    }
}
