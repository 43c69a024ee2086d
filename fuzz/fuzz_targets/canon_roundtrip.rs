//! Parse (either syntax); if it parses: the canonical form printed as LaTeX
//! parses again to the same canonical form, and canonicalizing is
//! idempotent. The same holds through the plain printer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mathgrade::{canonical_with, parse_with, to_latex, to_plain, Limits, Syntax};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let syntax = if first & 1 == 0 { Syntax::Latex } else { Syntax::Plain };
    let limits = Limits { max_input_len: 1024, ..Limits::default() };
    let Ok(expr) = parse_with(text, syntax, &limits) else { return };
    let canon = canonical_with(&expr, &limits);

    // Idempotent.
    assert_eq!(canonical_with(&canon, &limits), canon, "canonical is not idempotent for {text:?}");

    // Printed and re-read, it comes back to the same canonical form.
    for (printed, syn) in [(to_latex(&canon), Syntax::Latex), (to_plain(&canon), Syntax::Plain)] {
        let reparsed = parse_with(&printed, syn, &Limits::default())
            .unwrap_or_else(|e| panic!("printed form {printed:?} of {text:?} does not parse: {e}"));
        assert_eq!(canonical_with(&reparsed, &limits), canon, "{text:?} -> {printed:?} changes the canonical form");
    }
});
