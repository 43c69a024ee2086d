//! The LaTeX parser on any text: no panic or stack overflow; an error's span
//! lies inside the input and renders; a tree's spans lie inside the input,
//! its canonical form is idempotent (under default and tight limits), and it
//! prints (LaTeX, plain, speech) and reads back to the same canonical form
//! (see `mathgrade_fuzz` for each property's exact statement).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mathgrade::Syntax;
use mathgrade_fuzz::{check_idempotent, check_parse, input_limits, run_input, tight_limits};

fuzz_target!(|data: &[u8]| run_input(data, |data| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(e) = check_parse(text, Syntax::Latex, &input_limits()) {
        check_idempotent(&mathgrade::canonical_with(&e, &tight_limits()), text, &tight_limits());
    }
}));
