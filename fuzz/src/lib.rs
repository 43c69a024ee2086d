//! The properties the fuzz targets assert, shared by all of them (one target
//! per entry point, see `fuzz_targets/`). Each check panics with the input
//! and what went wrong, so libFuzzer records the input as a finding.
//!
//! The properties, and where each one is weaker than "always":
//! * parsing never panics; an error's span lies inside the input and the
//!   error renders; every node of a tree has a span inside the input;
//! * canonical form is idempotent, under default and under tight limits;
//! * a tree (as parsed, and canonical) printed as LaTeX and as plain text
//!   parses again, in that syntax, to the same canonical form. The printed
//!   form is re-read under *wider* depth and size limits than the input was:
//!   printing adds the braces and brackets the input left out (`x^2` prints
//!   as `x^{2}`, a sum under a power gets `\left( \right)`), so a tree at the
//!   depth limit may print deeper than the limit. The property is about
//!   meaning; the limits are tested by the parse of the input itself;
//! * speech: any tree prints as speech in both styles without panicking,
//!   and the speech parses (to a tree or an error) without panicking. That
//!   the speech reads back to the same answer is *not* asserted: the spoken
//!   conformance test (`tests/conformance_spoken.rs`) holds it to >= 99%,
//!   not to every tree (speech has no brackets, so some groupings are
//!   ambiguous by design);
//! * comparison: `verify(x, x)` holds, `verify(x, reparse(print(x)))` holds,
//!   and the verdict is symmetric on the pairs where the rules are (see
//!   [`symmetric_pair`]); verdicts, notes and canonical forms are the same
//!   when asked twice.

use mathgrade::ast::{any_node, Expr, ExprKind};
use mathgrade::compare::{verify, Method, Options};
use mathgrade::{canonical_with, parse_with, to_latex, to_plain, to_spoken, Limits, SpokenStyle, Syntax};

/// Stack size of the thread the inputs run on (see [`run_input`]).
const INPUT_STACK: usize = 8 << 20;

/// Runs a target's `body` on `data` on a second thread with a fixed stack
/// size (every target does), so that a fixed `-seed` and `-runs` take the
/// same path in every process (see fuzz/README.md, "The exploration is
/// deterministic"). Linux with glibc only, like the rest of the fuzz setup.
///
/// mathgrade guards deep recursion with `stacker::maybe_grow`, which grows
/// the stack when the space left (stack pointer minus the thread's stack
/// limit) is below a red zone, and cargo-fuzz builds with
/// `-sanitizer-coverage-stack-depth`, which makes the deepest stack address
/// reached a coverage feature. On libFuzzer's main thread both depend on
/// where the kernel put the stack (randomized per process), on the size of
/// the environment and on `ulimit -s`. On a thread of its own with a fixed
/// stack size the space left depends only on the binary and the input, and
/// the stack-depth feature is not recorded (libFuzzer tracks it on the main
/// thread only).
///
/// The thread is started once and handed one input at a time through a
/// barrier (glibc's `pthread_barrier_wait`, not instrumented, so waiting
/// leaves no trace in the coverage libFuzzer measures). The worker loop is
/// laid out so that everything it runs for an input happens between the two
/// barrier crossings of that input, that is while the main thread waits
/// inside libFuzzer's callback: coverage is reset before the first crossing
/// and read after the second.
///
/// The input is first copied to a page-aligned buffer (see [`PageAligned`]).
///
/// A panic on the worker aborts the process through libfuzzer-sys's panic
/// hook, as on the main thread, and libFuzzer reports the input. A timeout
/// is noticed by libFuzzer's alarm on the main thread, which is waiting in
/// the barrier; the worker blocks `SIGALRM` so the alarm always goes there.
pub fn run_input(data: &[u8], body: impl FnOnce(&[u8]) + Send) {
    let copy = PageAligned::new(data);
    let data = copy.bytes();
    let mut body = Some(body);
    let mut job = || (body.take().expect("an input runs once"))(data);
    let job: &mut (dyn FnMut() + Send) = &mut job;
    // SAFETY: the worker calls the job only between the two barrier
    // crossings below, while this frame (and `copy`) is alive.
    unsafe {
        let w = worker();
        *w.job.get() = Some(std::mem::transmute::<&mut (dyn FnMut() + Send), &'static mut (dyn FnMut() + Send)>(job));
        libc::pthread_barrier_wait(w.barrier.get());
        libc::pthread_barrier_wait(w.barrier.get());
    }
}

/// A copy of the input that starts on a page boundary. libFuzzer hands over
/// a buffer from its own heap, whose address modulo 32 or 64 depends on
/// what libFuzzer allocated before (its arguments, file names, ...), and
/// SIMD searches (memchr) take different branches for differently aligned
/// starts: the same input then covered different code in different runs.
struct PageAligned {
    /// Room for the input and up to a page before it.
    buf: Vec<u8>,
    /// Where the copy starts in `buf` (a page boundary).
    start: usize,
    len: usize,
}

const PAGE: usize = 4096;

impl PageAligned {
    fn new(data: &[u8]) -> PageAligned {
        // Safe code: a buffer one page longer than the input, and the copy
        // placed at the first page boundary in it.
        let mut buf = vec![0u8; data.len() + PAGE];
        let start = (PAGE - buf.as_ptr() as usize % PAGE) % PAGE;
        buf[start..start + data.len()].copy_from_slice(data);
        PageAligned { buf, start, len: data.len() }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[self.start..self.start + self.len]
    }
}

type Job = Option<&'static mut (dyn FnMut() + Send)>;

struct Worker {
    /// A barrier for two threads.
    barrier: std::cell::UnsafeCell<libc::pthread_barrier_t>,
    job: std::cell::UnsafeCell<Job>,
}

// SAFETY: the fields are only touched on either side of a barrier crossing.
unsafe impl Sync for Worker {}

fn worker() -> &'static Worker {
    static WORKER: std::sync::OnceLock<Worker> = std::sync::OnceLock::new();
    static STARTED: std::sync::Once = std::sync::Once::new();
    let w = WORKER.get_or_init(|| {
        // SAFETY: an all-zero `pthread_barrier_t` is only storage; it is
        // initialized right below, once, before any thread waits on it.
        let w = Worker { barrier: std::cell::UnsafeCell::new(unsafe { std::mem::zeroed() }), job: std::cell::UnsafeCell::new(None) };
        // SAFETY: see above.
        assert_eq!(unsafe { libc::pthread_barrier_init(w.barrier.get(), std::ptr::null(), 2) }, 0);
        w
    });
    STARTED.call_once(|| {
        std::thread::Builder::new()
            .name("input".into())
            .stack_size(INPUT_STACK)
            .spawn(move || work(w))
            .expect("cannot start the input thread");
    });
    w
}

/// The worker's loop. It crosses the barrier twice per input: at the start
/// (after the main thread stored the job) and at the end. The end crossing
/// of one input and the start crossing of the next are adjacent calls with
/// no branch between them, so no instrumented code runs while the main
/// thread reads and resets coverage.
fn work(w: &'static Worker) -> ! {
    // SAFETY: `set` is a signal set filled by sigemptyset before use; the
    // barrier was initialized by `worker` before this thread started.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGALRM);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        // The barrier calls are made directly, not through a helper of this
        // (instrumented) crate: between two inputs nothing instrumented runs.
        libc::pthread_barrier_wait(w.barrier.get());
        loop {
            if let Some(job) = (*w.job.get()).take() {
                job();
            }
            libc::pthread_barrier_wait(w.barrier.get());
            libc::pthread_barrier_wait(w.barrier.get());
        }
    }
}

/// Longest input the parse targets hand to the parser. Longer inputs only
/// repeat what shorter ones exercise and slow every execution down.
pub const MAX_PARSE_INPUT: usize = 4096;

/// Limits for parsing fuzz input: the defaults (the limits are part of what
/// is tested) with a shorter input.
pub fn input_limits() -> Limits {
    Limits { max_input_len: MAX_PARSE_INPUT, ..Limits::default() }
}

/// Limits for re-reading a printed form: wider depth and size (see the
/// module docs for why).
pub fn reread_limits() -> Limits {
    let d = Limits::default();
    Limits { max_input_len: usize::MAX, max_depth: d.max_depth * 4, max_nodes: d.max_nodes * 4, ..d }
}

/// Tight arithmetic and expansion limits: canonical forms must stay
/// idempotent when the limits stop expansion and exact arithmetic early.
pub fn tight_limits() -> Limits {
    Limits { max_int_bits: 64, max_factorial: 20, max_expand_terms: 8, max_expand_power: 3, ..Limits::default() }
}

/// Parse `text` in `syntax`; on success check the tree (see the module
/// docs), on failure check the error. Returns the tree.
pub fn check_parse(text: &str, syntax: Syntax, limits: &Limits) -> Option<Expr> {
    match parse_with(text, syntax, limits) {
        Ok(e) => {
            check_spans(&e, text);
            check_tree(&e, text, limits);
            Some(e)
        }
        Err(err) => {
            assert!(
                err.span.start <= err.span.end && err.span.end <= text.len(),
                "error span {:?} outside the input {text:?} ({} bytes)",
                err.span,
                text.len()
            );
            let _ = err.render(text);
            let _ = err.to_string();
            None
        }
    }
}

/// Every node's span lies inside the original input.
pub fn check_spans(e: &Expr, text: &str) {
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        assert!(
            x.span.start <= x.span.end && x.span.end <= text.len(),
            "node {} has span {:?} outside the input {text:?} ({} bytes)",
            x.sexpr(),
            x.span,
            text.len()
        );
        stack.extend(x.children());
    }
}

/// The tree properties: canonical idempotence, print and re-read, speech.
pub fn check_tree(e: &Expr, origin: &str, limits: &Limits) {
    let canon = canonical_with(e, limits);
    check_idempotent(&canon, origin, limits);
    for tree in [e, &canon] {
        check_reread(tree, &canon, origin, limits);
    }
    check_speech(&canon);
}

/// `canonical(canonical(x)) == canonical(x)`.
pub fn check_idempotent(canon: &Expr, origin: &str, limits: &Limits) {
    let again = canonical_with(canon, limits);
    assert!(
        again == *canon,
        "canonical form of {origin:?} is not idempotent:\n  once:  {}\n  twice: {}",
        canon.sexpr(),
        again.sexpr()
    );
}

/// `tree` printed as LaTeX and as plain text reads back, in that syntax, to
/// the canonical form `canon` of the original tree.
pub fn check_reread(tree: &Expr, canon: &Expr, origin: &str, limits: &Limits) {
    for (printed, syntax) in [(to_latex(tree), Syntax::Latex), (to_plain(tree), Syntax::Plain)] {
        if syntax == Syntax::Plain && !plain_can_write(tree) {
            continue;
        }
        let reparsed = match parse_with(&printed, syntax, &reread_limits()) {
            Ok(r) => r,
            Err(err) => panic!(
                "{origin:?}: the tree {} prints as {syntax:?} {printed:?}, which does not parse: {err}",
                tree.sexpr()
            ),
        };
        let again = canonical_with(&reparsed, limits);
        assert!(
            again == *canon,
            "{origin:?}: the tree {} prints as {syntax:?} {printed:?}, which reads back to another canonical form:\n  before: {}\n  after:  {}",
            tree.sexpr(),
            canon.sexpr(),
            again.sexpr()
        );
    }
}

/// Plain text reads a unit only as a known unit word after a number
/// (`10 cm`, `30°`, grammars/units.tsv); LaTeX reads any unit-like
/// `\text{…}` there (`4:30 \text{ p.m.}`, `25 \text{cit}`, `100 \text{
/// square units}`), and a known unit after any value (`m \text{ m}`, `x
/// \text{ cm}`), where plain `x cm` can only be a product of letters. A tree
/// with a unit plain text has no way to write is not re-read as plain (it
/// is as LaTeX).
pub fn plain_can_write(tree: &Expr) -> bool {
    !any_node(tree, |x| match &x.kind {
        // A known unit of several words (`square units`) is read as words.
        ExprKind::Quantity { unit, value } => {
            unit != "deg"
                && (mathgrade::normalize::unit(unit).is_none()
                    || unit.contains(char::is_whitespace)
                    || !numeric_value(value))
        }
        _ => false,
    })
}

/// A value plain text writes a unit after: no variables, function calls or
/// text in it (the plain parser's rule).
fn numeric_value(e: &Expr) -> bool {
    !any_node(e, |x| matches!(x.kind, ExprKind::Symbol { .. } | ExprKind::Apply { .. } | ExprKind::Text { .. }))
}

/// Speech: prints in both styles and the printed speech parses or errs,
/// without panicking (no round-trip equality, see the module docs).
pub fn check_speech(tree: &Expr) {
    for style in [SpokenStyle::Natural, SpokenStyle::ClearSpeak] {
        let speech = to_spoken(tree, style);
        let _ = parse_with(&speech, Syntax::Spoken, &reread_limits());
    }
}

/// `verify(x, x)` and `verify(x, reparse(to_latex(x)))` (and plain) hold,
/// and asking twice gives the same verdict.
pub fn check_self_verdicts(x: &Expr, origin: &str, opts: &Options) {
    let v = verify(x, x, opts);
    assert!(v.equal, "{origin:?} (tree {}) is not equal to itself: {v:?}", x.sexpr());
    assert_eq!(v, verify(x, x, opts), "{origin:?}: verify(x, x) differs when asked twice");
    for (printed, syntax) in [(to_latex(x), Syntax::Latex), (to_plain(x), Syntax::Plain)] {
        if syntax == Syntax::Plain && !plain_can_write(x) {
            continue;
        }
        let Ok(y) = parse_with(&printed, syntax, &reread_limits()) else {
            // A printed form that does not parse is a finding of
            // `check_reread`, which the parse targets run.
            continue;
        };
        let v = verify(x, &y, opts);
        assert!(v.equal, "{origin:?} (tree {}) is not equal to its printed form {printed:?}: {v:?}", x.sexpr());
    }
}

/// Pairs on which every rule the comparer may use is symmetric, so
/// `verify(a, b).equal == verify(b, a).equal`:
/// * no decimal anywhere: a decimal gold is compared at its own written
///   precision and an approximate prediction relative to the gold's size
///   (`33.3` = `100/3` but `100/3` ≠ `33.3` is the rule, not a bug);
/// * no relation together with anything set-like, on either side
///   (`x > 2` vs `(2, \infty)`, `x \in [-2, 7]` vs `-2 \le x \le 7`): a
///   gold relation may be read as a set, a predicted one only with
///   `allow_set_relation_comp` (Math-Verify's asymmetric rule). Two
///   inequalities, or a relation `x = c` against a value, are symmetric.
/// * not a list of relations (a worked list of equations: the gold's list
///   is read as the pieces of a union, the prediction's only with
///   `allow_set_relation_comp`).
pub fn symmetric_pair(a: &Expr, b: &Expr) -> bool {
    if has_decimal(a) || has_decimal(b) {
        return false;
    }
    if (has_relation(a) || has_relation(b)) && (set_like(a) || set_like(b)) {
        return false;
    }
    !relation_list(a) && !relation_list(b)
}

fn has_decimal(e: &Expr) -> bool {
    any_node(e, |x| matches!(x.kind, ExprKind::Decimal { .. }))
}

fn has_relation(e: &Expr) -> bool {
    any_node(e, |x| matches!(x.kind, ExprKind::Relation { .. }))
}

fn set_like(e: &Expr) -> bool {
    any_node(e, |x| {
        matches!(
            x.kind,
            ExprKind::Set { .. }
                | ExprKind::Interval { .. }
                | ExprKind::SetOp { .. }
                | ExprKind::EmptySet
                | ExprKind::NumberSet { .. }
                | ExprKind::Tuple { .. }
        )
    })
}

fn relation_list(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::List { items } if items.iter().any(has_relation))
}

/// The symmetry property on a pair (only asserted for [`symmetric_pair`]s).
pub fn check_symmetry(a: &Expr, b: &Expr, origin: (&str, &str), opts: &Options) {
    if !symmetric_pair(a, b) {
        return;
    }
    let ab = verify(a, b, opts);
    let ba = verify(b, a, opts);
    assert!(
        ab.equal == ba.equal,
        "verdicts not symmetric for {:?} vs {:?} (trees {} / {}):\n  forward:  {ab:?}\n  backward: {ba:?}",
        origin.0,
        origin.1,
        a.sexpr(),
        b.sexpr()
    );
    // Equal by some rule means the rule says so; a decided "equal" never
    // comes from "no answer" or "different kinds".
    if ab.equal {
        assert!(!matches!(ab.method, Method::NoAnswer | Method::Mismatch), "equal by {:?}", ab.method);
    }
}

/// Split fuzz input into two texts at the first 0xFF byte, which never
/// occurs in UTF-8, so neither text can contain the separator. `None` when
/// there is no separator or a side is not UTF-8.
pub fn split_pair(data: &[u8]) -> Option<(&str, &str)> {
    let k = data.iter().position(|&b| b == 0xFF)?;
    let a = std::str::from_utf8(&data[..k]).ok()?;
    let b = std::str::from_utf8(&data[k + 1..]).ok()?;
    Some((a, b))
}
