//! `mathgrade`: the command-line front end.
//!
//! * `mathgrade parse EXPR [--from latex|plain|spoken|auto] [--compact]`: the
//!   tree as JSON.
//! * `mathgrade canon EXPR [--from ...]`: the canonical form as `latex:`,
//!   `plain:` and `spoken:` lines; for ambiguous speech, an `also read as:`
//!   line per other reading.
//! * `mathgrade canon --file FILE [--from ...]`: one expression per line
//!   (blank lines skipped), one JSON object per line on stdout.
//! * `mathgrade check GOLD PRED [--explain] [--precision N]
//!   [--allow-set-relation-comp] [--no-strict] [--from S] [--pred-syntax S]`:
//!   `equal` or `not equal`.
//! * `mathgrade grade FILE [--gold-field NAME] [--pred-field NAME]
//!   [--expect FIELD] [--pred-syntax S] ...`: grade JSON Lines records (see
//!   [`cli`]).
//!
//! Exit codes: 0 success (`check`: equal); 1 `check`: not equal, or an I/O
//! error; 2 the expression does not parse (the error with a caret under it
//! on stderr) or bad usage.

mod cli;

use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use mathgrade::compare::Options;
use mathgrade::grade::Dataset;

use cli::input::Format;

/// Grading allocates many small trees and strings: mimalloc serves them
/// faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use mathgrade::{canonical, parse, spoken_readings, to_latex, to_plain, to_spoken, Limits, ParseError, SpokenStyle, Syntax};

#[derive(Parser)]
#[command(name = "mathgrade", version, about = "Parse, canonicalize and grade math answers (LaTeX, plain text or spoken English).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the expression tree as JSON.
    Parse {
        /// The expression.
        #[arg(allow_hyphen_values = true)]
        expr: String,
        /// The input syntax.
        #[arg(long, value_enum, default_value_t = InputSyntax::Auto)]
        from: InputSyntax,
        /// One-line JSON instead of pretty-printed.
        #[arg(long)]
        compact: bool,
    },
    /// Print the canonical form in LaTeX, plain text and spoken English.
    Canon {
        /// The expression (or use --file).
        #[arg(allow_hyphen_values = true, required_unless_present = "file", conflicts_with = "file")]
        expr: Option<String>,
        /// Read one expression per line from FILE and write JSON Lines to stdout.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// The input syntax.
        #[arg(long, value_enum, default_value_t = InputSyntax::Auto)]
        from: InputSyntax,
    },
    /// Is PRED the same answer as GOLD? Prints `equal` (exit 0) or `not
    /// equal` (exit 1). Both may be free text: the answer is extracted.
    Check {
        /// The gold answer.
        #[arg(allow_hyphen_values = true)]
        gold: String,
        /// The answer to grade.
        #[arg(allow_hyphen_values = true)]
        pred: String,
        /// Also print the method, both canonical forms and a note.
        #[arg(long)]
        explain: bool,
        /// Significant digits a decimal must match an exact gold to.
        #[arg(long, value_name = "N")]
        precision: Option<u32>,
        /// Compare an inequality with an interval in both directions.
        #[arg(long)]
        allow_set_relation_comp: bool,
        /// Match variables by position instead of by name.
        #[arg(long)]
        no_strict: bool,
        /// Both answers are one expression in this syntax, read whole
        /// [default: auto, extract each answer from free text].
        #[arg(long, value_enum, default_value_t = InputSyntax::Auto)]
        from: InputSyntax,
        /// How PRED is read (wins over --from for PRED): `spoken` grades
        /// what was said, read whole; `written` extracts the answer.
        #[arg(long, value_enum, value_name = "SYNTAX")]
        pred_syntax: Option<AnswerSyntax>,
    },
    /// Grade a JSON Lines file: every record back on stdout with `correct`,
    /// `pred_answer` and `method` added.
    Grade {
        /// The JSON Lines file (`-` for stdin).
        file: PathBuf,
        /// The field holding the gold answer.
        #[arg(long, value_name = "NAME", default_value = "gold")]
        gold_field: String,
        /// The field holding the answer to grade [default: `pred`, else `output`].
        #[arg(long, value_name = "NAME")]
        pred_field: Option<String>,
        /// A boolean field with the expected verdict: print the agreement on stderr.
        #[arg(long, value_name = "FIELD")]
        expect: Option<String>,
        /// The dataset preset (how gold answers are written, which rules
        /// apply): auto, gsm8k, math, aime, amc, olympiadbench, minerva,
        /// gaokao, cmath, college_math, aqua, mmlu_stem, multiple_choice.
        /// `auto` uses a record's own `dataset` / `data_source` /
        /// `data_name` field when it names one.
        #[arg(long, value_name = "NAME", default_value = "auto")]
        dataset: Dataset,
        /// The field holding the problem text (its options let a predicted
        /// value choose a letter) [default: `problem`, else `question`].
        #[arg(long, value_name = "NAME")]
        problem_field: Option<String>,
        /// The field naming a record's problem: adds pass@k, maj@k and
        /// worst-case accuracy over the records of each problem.
        #[arg(long, value_name = "NAME")]
        group_field: Option<String>,
        /// The k of pass@k and maj@k, comma-separated [default: 1 and
        /// powers of two up to the largest group].
        #[arg(long, value_name = "K,...", value_delimiter = ',')]
        k: Vec<usize>,
        /// Write a JSON summary (totals, per-dataset accuracy, pass@k,
        /// maj@k, worst-case, extraction rules used, slowest records).
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// The input format [default: CSV for a `.csv` file, else JSON Lines].
        #[arg(long, value_enum, default_value_t = Format::Auto)]
        format: Format,
        /// Worker threads [default: one per core].
        #[arg(long, value_name = "N", default_value_t = 0)]
        threads: usize,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
        /// How predictions are read: `spoken` (transcribed speech, read
        /// whole as one expression) or `written` (the default: the answer
        /// is extracted). A record's own `pred_syntax` field wins.
        #[arg(long, value_enum, value_name = "SYNTAX", default_value_t = AnswerSyntax::Written)]
        pred_syntax: AnswerSyntax,
        /// The same for gold answers (a record's `gold_syntax` wins).
        #[arg(long, value_enum, value_name = "SYNTAX", default_value_t = AnswerSyntax::Written)]
        gold_syntax: AnswerSyntax,
    },
}

/// `--from`: the input syntax.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum InputSyntax {
    Latex,
    Plain,
    /// Spoken English: dictation, ClearSpeak or MathSpeak.
    Spoken,
    /// A backslash means LaTeX, otherwise plain (never spoken).
    Auto,
}

impl InputSyntax {
    fn syntax(self) -> Syntax {
        match self {
            InputSyntax::Latex => Syntax::Latex,
            InputSyntax::Plain => Syntax::Plain,
            InputSyntax::Spoken => Syntax::Spoken,
            InputSyntax::Auto => Syntax::Auto,
        }
    }

    /// For `check`: an explicit syntax reads the answer whole; `auto`
    /// extracts it.
    fn whole(self) -> Option<Syntax> {
        match self {
            InputSyntax::Auto => None,
            s => Some(s.syntax()),
        }
    }
}

/// `--pred-syntax` / `--gold-syntax`: how an answer is read.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum AnswerSyntax {
    /// Written text (LaTeX, plain, or prose around them): the answer is
    /// extracted.
    Written,
    /// Spoken English (dictation, ClearSpeak, MathSpeak), read whole.
    Spoken,
}

impl AnswerSyntax {
    fn syntax(self) -> Option<Syntax> {
        match self {
            AnswerSyntax::Written => None,
            AnswerSyntax::Spoken => Some(Syntax::Spoken),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse { expr, from, compact } => cmd_parse(&expr, from.syntax(), compact),
        Command::Canon { expr: Some(expr), from, .. } => cmd_canon(&expr, from.syntax()),
        Command::Canon { file: Some(file), from, .. } => cmd_canon_file(&file, from.syntax()),
        Command::Canon { .. } => unreachable!("clap requires EXPR or --file"),
        Command::Check { gold, pred, explain, precision, allow_set_relation_comp, no_strict, from, pred_syntax } => {
            let mut opts = Options::default();
            opts.gold_syntax = from.whole();
            opts.pred_syntax = match pred_syntax {
                Some(s) => s.syntax(),
                None => from.whole(),
            };
            if let Some(p) = precision {
                opts.precision = p;
            }
            opts.allow_set_relation_comp = allow_set_relation_comp;
            opts.strict = !no_strict;
            cli::cmd_check(&gold, &pred, explain, &opts)
        }
        Command::Grade {
            file,
            gold_field,
            pred_field,
            expect,
            dataset,
            problem_field,
            group_field,
            k,
            report,
            format,
            threads,
            quiet,
            pred_syntax,
            gold_syntax,
        } => {
            if k.contains(&0) {
                eprintln!("error: --k takes positive integers");
                return ExitCode::from(2);
            }
            let args = cli::GradeArgs {
                fields: cli::record::Fields { gold: gold_field, pred: pred_field, problem: problem_field, dataset },
                expect: expect.as_deref(),
                group_field: group_field.as_deref(),
                ks: k,
                report: report.as_deref(),
                format,
                threads,
                quiet,
                base: Options {
                    pred_syntax: pred_syntax.syntax(),
                    gold_syntax: gold_syntax.syntax(),
                    ..Options::default()
                },
            };
            cli::cmd_grade(&file, &args)
        }
    };
    match result {
        Ok(code) => code,
        // Output closed early (`mathgrade ... | head`): not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Report a parse error on stderr, rendered against the input.
fn parse_failed(input: &str, err: &ParseError) -> ExitCode {
    eprintln!("{}", err.render(input));
    ExitCode::from(2)
}

fn cmd_parse(input: &str, syntax: Syntax, compact: bool) -> io::Result<ExitCode> {
    let expr = match parse(input, syntax) {
        Ok(e) => e,
        Err(err) => return Ok(parse_failed(input, &err)),
    };
    let json = if compact { serde_json::to_string(&expr) } else { serde_json::to_string_pretty(&expr) }
        .map_err(io::Error::other)?;
    let mut out = io::stdout().lock();
    writeln!(out, "{json}")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_canon(input: &str, syntax: Syntax) -> io::Result<ExitCode> {
    // Speech may leave a scope open (`x to the n plus one`): the common
    // reading is the answer, the others are listed after it.
    let readings = match syntax {
        Syntax::Spoken => spoken_readings(input, &Limits::default()),
        _ => parse(input, syntax).map(|e| vec![e]),
    };
    let readings = match readings {
        Ok(r) => r,
        Err(err) => return Ok(parse_failed(input, &err)),
    };
    let c = canonical(&readings[0]);
    let mut out = io::stdout().lock();
    writeln!(out, "latex: {}", to_latex(&c))?;
    writeln!(out, "plain: {}", to_plain(&c))?;
    writeln!(out, "spoken: {}", to_spoken(&c, SpokenStyle::Natural))?;
    for other in &readings[1..] {
        writeln!(out, "also read as: {}", to_latex(&canonical(other)))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One output line of `canon --file`.
#[derive(Serialize)]
#[serde(untagged)]
enum Record<'a> {
    Ok { input: &'a str, latex: String, plain: String, spoken: String },
    Err { input: &'a str, error: String, span: (usize, usize) },
}

/// Parse and canonicalize one line. A panic inside the library is caught
/// and reported as that line's error, so no line is ever dropped.
fn canon_record(input: &str, syntax: Syntax) -> Record<'_> {
    let run = panic::catch_unwind(AssertUnwindSafe(|| {
        parse(input, syntax).map(|e| {
            let c = canonical(&e);
            (to_latex(&c), to_plain(&c), to_spoken(&c, SpokenStyle::Natural))
        })
    }));
    match run {
        Ok(Ok((latex, plain, spoken))) => Record::Ok { input, latex, plain, spoken },
        Ok(Err(err)) => Record::Err { input, error: err.to_string(), span: (err.span.start, err.span.end) },
        Err(payload) => {
            let what = mathgrade::error::panic_message(&*payload);
            Record::Err { input, error: format!("internal error: {what}"), span: (0, input.len()) }
        }
    }
}

fn cmd_canon_file(path: &PathBuf, syntax: Syntax) -> io::Result<ExitCode> {
    let bytes =
        std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display())))?;
    // Invalid UTF-8 is replaced, not fatal: every line gets a record.
    let text = String::from_utf8_lossy(&bytes);
    let mut out = BufWriter::new(io::stdout().lock());
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let record = canon_record(line, syntax);
        let json = serde_json::to_string(&record).map_err(io::Error::other)?;
        writeln!(out, "{json}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
