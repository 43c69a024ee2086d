//! The plain / SymPy-style parser on any text: the same properties as
//! `parse_latex` (no panic; error spans inside the input; tree spans inside
//! the input; idempotent canonical form under default and tight limits;
//! printed forms read back to the same canonical form).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mathgrade::Syntax;
use mathgrade_fuzz::{check_idempotent, check_parse, input_limits, run_input, tight_limits};

fuzz_target!(|data: &[u8]| run_input(data, |data| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(e) = check_parse(text, Syntax::Plain, &input_limits()) {
        check_idempotent(&mathgrade::canonical_with(&e, &tight_limits()), text, &tight_limits());
    }
}));
