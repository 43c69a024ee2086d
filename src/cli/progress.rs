//! The progress bar of `mathgrade grade`: on stderr, only when stderr is a
//! terminal (never in logs or pipes), by bytes of a file read or, for
//! stdin, as a count of records.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `total` bytes (`None`: unknown, a spinner), hidden when
    /// `quiet` or when stderr is not a terminal.
    pub fn new(total: Option<u64>, quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template("{elapsed_precise} {wide_bar} {percent:>3}% {msg} (eta {eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template("{elapsed_precise} {spinner} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        Progress { bar: Some(bar) }
    }

    /// `bytes` of the input read, `records` graded.
    pub fn update(&self, bytes: u64, records: usize) {
        if let Some(b) = &self.bar {
            b.set_position(bytes);
            b.set_message(format!("{records} records"));
        }
    }

    /// A line on stderr that does not tear the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
