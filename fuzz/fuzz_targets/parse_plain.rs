//! Any input: the plain parser returns a tree or an error whose span lies
//! inside the input and renders; it never panics or overflows the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mathgrade::{parse_with, Limits, Syntax};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits { max_input_len: 4096, ..Limits::default() };
    if let Err(e) = parse_with(text, Syntax::Plain, &limits) {
        assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "span {:?} outside input", e.span);
        let _ = e.render(text);
    }
});
