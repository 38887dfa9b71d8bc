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
    let word_hits = |word: u64| equal_bytes(word, splat_a) | equal_bytes(word, splat_b);
    let mut offset = 0;
    let mut chunks = bytes.chunks_exact(CHUNK);
    for chunk in &mut chunks {
        let Ok(chunk) = <&[u8; CHUNK]>::try_from(chunk) else {
            break;
        };
        if chunk.iter().fold(false, |any, &b| any | hit(b)) {
            return first_word_hit(chunk, word_hits).map(|i| offset + i);
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
        .position(|&b| hit(b))
        .map(|i| offset + whole + i)
}

/// `byte` in every byte of a word.
const fn splat(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// The high bit of each byte of `word` that equals the byte of `splat`
/// (exact: no false positives from borrows, unlike the classic zero test).
#[inline(always)]
fn equal_bytes(word: u64, splat: u64) -> u64 {
    const LOW7: u64 = u64::from_ne_bytes([0x7f; 8]);
    let x = word ^ splat;
    !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7)
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
    fn multibyte_text_and_high_bytes() {
        assert_eq!(find_byte("é\u{a0a}x\n".as_bytes(), b'\n'), Some(6));
        assert_eq!(find_byte(&[0xff; 40], 0x7f), None);
        assert_eq!(find_byte(&[0x7f; 40], 0xff), None);
        assert_eq!(find_either(b"abcdefgh-ijk\r\n", b'\n', b'\r'), Some(12));
    }
}
