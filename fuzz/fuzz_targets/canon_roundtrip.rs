//! Canonical forms through the entry point `mathgrade canon` uses: the text
//! read with `Syntax::Auto` (LaTeX unless it looks like plain text), then
//! canonicalized under default or tight limits (the first byte chooses).
//! Canonical forms are idempotent, print and read back to themselves, and
//! their printed LaTeX is a fixed point: printing the re-read canonical form
//! gives the same text again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mathgrade::{canonical_with, parse_with, to_latex, to_plain, Syntax};
use mathgrade_fuzz::{
    check_idempotent, check_reread, check_spans, input_limits, plain_can_write, reread_limits, run_input, tight_limits,
};

fuzz_target!(|data: &[u8]| run_input(data, |data| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let limits = if first & 1 == 0 { input_limits() } else { tight_limits() };
    let Ok(expr) = parse_with(text, Syntax::Auto, &input_limits()) else { return };
    check_spans(&expr, text);
    let canon = canonical_with(&expr, &limits);
    check_idempotent(&canon, text, &limits);
    check_reread(&expr, &canon, text, &limits);
    check_reread(&canon, &canon, text, &limits);
    for (printed, syntax, print) in
        [(to_latex(&canon), Syntax::Latex, to_latex as fn(&_) -> String), (to_plain(&canon), Syntax::Plain, to_plain)]
    {
        // A unit plain text cannot write is not re-read as plain (see
        // `plain_can_write`), so its plain form is no fixed point either.
        if syntax == Syntax::Plain && !plain_can_write(&canon) {
            continue;
        }
        // check_reread has shown that it parses.
        let Ok(reparsed) = parse_with(&printed, syntax, &reread_limits()) else { return };
        let again = print(&canonical_with(&reparsed, &limits));
        assert_eq!(again, printed, "{text:?}: the printed canonical form is not a fixed point ({syntax:?})");
    }
}));
