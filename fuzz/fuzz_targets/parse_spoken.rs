//! The spoken-math parser (`Syntax::Spoken`) on any text: no panic; error
//! spans inside the input; a tree's spans inside the input, its canonical
//! form idempotent, and its LaTeX and plain printed forms read back to the
//! same canonical form. Speech printed from the tree parses without
//! panicking; reading back to the same answer is not asserted (see
//! `mathgrade_fuzz`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mathgrade::Syntax;
use mathgrade_fuzz::{check_parse, input_limits, run_input};

fuzz_target!(|data: &[u8]| run_input(data, |data| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    check_parse(text, Syntax::Spoken, &input_limits());
}));
