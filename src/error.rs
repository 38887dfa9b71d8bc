//! The ways `parse_bytes` can fail: bytes that are not text, or more bytes
//! than the caller allows.

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
    /// The input is longer than [`Options::max_input_len`](crate::Options::max_input_len).
    #[error("input of {len} bytes is longer than the limit of {limit} bytes")]
    InputTooLarge {
        /// Length of the input in bytes.
        len: usize,
        /// The limit that was set.
        limit: usize,
    },
}
