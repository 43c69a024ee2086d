//! The byte entry point: answers as raw bytes (from a file, a socket or a
//! tokenizer's output), which need not be UTF-8.
//!
//! Invalid UTF-8 is reported, not repaired: a lossy reading would turn
//! different byte strings into the same text (every bad byte becomes
//! U+FFFD) and could call them equal. A caller that wants a lossy reading
//! does `String::from_utf8_lossy` itself and calls
//! [`verify_str`](super::verify_str).

use std::fmt;

use super::{verify_str, Options, Verdict};

/// Which of the two answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Gold,
    Pred,
}

/// An answer that is not valid UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidUtf8 {
    pub side: Side,
    /// The length of its longest valid UTF-8 prefix, in bytes.
    pub valid_up_to: usize,
}

impl fmt::Display for InvalidUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = match self.side {
            Side::Gold => "gold",
            Side::Pred => "predicted",
        };
        write!(f, "the {side} answer is not valid UTF-8 (invalid byte at offset {})", self.valid_up_to)
    }
}

impl std::error::Error for InvalidUtf8 {}

/// [`verify_str`] on raw bytes: `Err` when either side is not valid UTF-8.
pub fn verify_bytes(gold: &[u8], pred: &[u8], opts: &Options) -> Result<Verdict, InvalidUtf8> {
    let g = utf8(gold, Side::Gold)?;
    let p = utf8(pred, Side::Pred)?;
    Ok(verify_str(g, p, opts))
}

fn utf8(b: &[u8], side: Side) -> Result<&str, InvalidUtf8> {
    std::str::from_utf8(b).map_err(|e| InvalidUtf8 { side, valid_up_to: e.valid_up_to() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_bytes_are_verified() {
        let v = verify_bytes(b"\\frac{1}{2}", b"0.5", &Options::default()).unwrap();
        assert!(v.equal);
    }

    #[test]
    fn invalid_bytes_are_reported_with_side_and_offset() {
        let e = verify_bytes(b"1", b"ab\xff", &Options::default()).unwrap_err();
        assert_eq!(e, InvalidUtf8 { side: Side::Pred, valid_up_to: 2 });
        let e = verify_bytes(b"\xc3", b"1", &Options::default()).unwrap_err();
        assert_eq!(e, InvalidUtf8 { side: Side::Gold, valid_up_to: 0 });
        assert_eq!(e.to_string(), "the gold answer is not valid UTF-8 (invalid byte at offset 0)");
    }
}
