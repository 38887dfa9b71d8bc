//! The one way parsing can fail: bytes that are not text.

/// Why [`parse_bytes`](crate::parse_bytes) could not parse its input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid UTF-8 from byte `offset` on.
    #[error("input is not valid UTF-8: invalid byte sequence at offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not part of a valid sequence.
        offset: usize,
    },
}
