//! Byte-level scanning helpers shared by the extraction rules.
//!
//! Every delimiter the extractor looks for is ASCII (or a fixed UTF-8
//! sequence), so byte offsets found here always fall on `char` boundaries.
//! Nothing here backtracks: each helper is linear in what it reads.

/// True when the byte at `i` is escaped: preceded by an odd number of
/// backslashes (`\$` is a literal dollar, `\\$` is a line break and a `$`).
pub fn is_escaped(b: &[u8], i: usize) -> bool {
    let mut n = 0;
    let mut j = i;
    while j > 0 && b[j - 1] == b'\\' {
        n += 1;
        j -= 1;
    }
    n % 2 == 1
}

/// The index of the `}` closing the `{` at `open`, skipping escaped braces
/// (`\{`, `\}`). `None` when it is never closed.
pub fn match_brace(b: &[u8], open: usize) -> Option<usize> {
    debug_assert_eq!(b.get(open), Some(&b'{'));
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                i += 2;
                continue;
            }
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The first index `>= i` that is not ASCII whitespace.
pub fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The first index `>= i` that is neither ASCII whitespace nor a markdown
/// emphasis marker (`*`, `_`).
pub fn skip_ws_and_emphasis(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'*') {
        i += 1;
    }
    i
}

/// `s[i..]` starts with `word`, ignoring ASCII case.
pub fn starts_with_ci(b: &[u8], i: usize, word: &str) -> bool {
    let w = word.as_bytes();
    b.len() >= i + w.len() && b[i..i + w.len()].eq_ignore_ascii_case(w)
}

/// `s[i..]` starts with `word` (ignoring ASCII case) and the word ends
/// there: the next byte is not an ASCII letter.
pub fn starts_with_word_ci(b: &[u8], i: usize, word: &str) -> bool {
    starts_with_ci(b, i, word) && !b.get(i + word.len()).is_some_and(|c| c.is_ascii_alphabetic())
}

/// The byte before `i` is not an ASCII letter (a word starts at `i`).
pub fn word_starts(b: &[u8], i: usize) -> bool {
    i == 0 || !b[i - 1].is_ascii_alphabetic()
}

/// `b` with bit 5 set in every byte, and whether `b` is all ASCII (one
/// pass for both). In the folded text a letter matches only its lower
/// case (`c | 0x20 == b'a'` holds for `a` and `A` and no other byte), so
/// an exact search for a lower-case word there finds it in any case, at
/// the same offsets. A loop the compiler vectorizes, unlike a search that
/// stops at each `w` of the prose to compare "answer".
pub fn fold_case(b: &[u8]) -> (Vec<u8>, bool) {
    let mut high = 0u8;
    let folded = b
        .iter()
        .map(|&c| {
            high |= c;
            c | 0x20
        })
        .collect();
    (folded, high < 0x80)
}

/// Every start of `needle` in `hay` at or after `from`, ignoring ASCII case,
/// in order (not overlapping). `needle` must be non-empty ASCII.
#[cfg(test)]
pub fn find_all_ci(hay: &[u8], needle: &str, from: usize) -> Vec<usize> {
    let n = needle.as_bytes();
    let mut out = Vec::new();
    if from >= hay.len() || hay.len() - from < n.len() {
        return out;
    }
    // Candidates by the needle's rarest byte in either case (SIMD search:
    // `w` of "answer" is met far less often in prose than its `a`), then
    // the whole needle compared.
    let pivot = rarest_byte(n);
    let last_start = hay.len() - n.len();
    let p = n[pivot];
    let mut next_free = from;
    for k in memchr::memchr2_iter(p.to_ascii_lowercase(), p.to_ascii_uppercase(), &hay[from + pivot..=last_start + pivot]) {
        let i = from + k;
        if i >= next_free && hay[i..i + n.len()].eq_ignore_ascii_case(n) {
            out.push(i);
            next_free = i + n.len();
        }
    }
    out
}

/// `needle` occurs in `hay`, ignoring ASCII case (`needle`: non-empty
/// ASCII). Stops at the first hit.
pub fn contains_ci(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    if hay.len() < n.len() {
        return false;
    }
    let pivot = rarest_byte(n);
    let p = n[pivot];
    let last_start = hay.len() - n.len();
    memchr::memchr2_iter(p.to_ascii_lowercase(), p.to_ascii_uppercase(), &hay[pivot..=last_start + pivot])
        .any(|i| hay[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// English letters from the most to the least frequent.
const LETTER_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";

/// The index in `needle` of its least frequent byte in English text (any
/// byte that is not a letter counts as rarer than every letter).
fn rarest_byte(needle: &[u8]) -> usize {
    let rank = |c: u8| RARITY[c as usize];
    (0..needle.len()).max_by_key(|&k| (rank(needle[k]), std::cmp::Reverse(k))).unwrap_or(0)
}

/// Per byte, its place in [`LETTER_FREQUENCY`] ignoring case (a byte that
/// is no letter: after every letter). A table, because every search asks.
const RARITY: [u8; 256] = {
    let mut t = [LETTER_FREQUENCY.len() as u8; 256];
    let mut k = 0;
    while k < LETTER_FREQUENCY.len() {
        let l = LETTER_FREQUENCY[k];
        t[l as usize] = k as u8;
        t[l.to_ascii_uppercase() as usize] = k as u8;
        k += 1;
    }
    t
};

/// Every start of `needle` in `hay` (exact bytes), in order (not
/// overlapping).
pub fn find_all(hay: &str, needle: &str) -> Vec<usize> {
    find_all_bytes(hay.as_bytes(), needle.as_bytes())
}

/// [`find_all`] on bytes.
pub fn find_all_bytes(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = find_bytes(hay, needle, from) {
        out.push(i);
        from = i + needle.len().max(1);
    }
    out
}

/// The first start of `needle` (non-empty, short) in `hay` at or after
/// `from`. A SIMD search for the needle's rarest byte, then a comparison:
/// the texts searched are a few KB, where building a substring searcher
/// (`memmem::Finder`) per call costs more than the search itself.
pub fn find_bytes(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let n = needle.len();
    if n == 0 || from > hay.len() || hay.len() - from < n {
        return None;
    }
    let pivot = rarest_byte(needle);
    let last_start = hay.len() - n;
    memchr::memchr_iter(needle[pivot], &hay[from + pivot..=last_start + pivot])
        .map(|k| from + k)
        .find(|&i| &hay[i..i + n] == needle)
}

/// A fixed needle that every text is searched for, with its substring
/// searcher built once per process (read-only after that, shared by all
/// threads). The searcher filters candidates on two of the needle's bytes
/// at once, so a needle whose bytes are common in math prose (`x` of
/// "box", `w` of "answer") does not stop the SIMD scan at each of them.
pub struct Needle {
    needle: &'static str,
    finder: std::sync::OnceLock<memchr::memmem::Finder<'static>>,
}

impl Needle {
    pub const fn new(needle: &'static str) -> Needle {
        Needle { needle, finder: std::sync::OnceLock::new() }
    }

    /// The text searched for.
    pub fn needle(&self) -> &'static str {
        self.needle
    }

    fn finder(&'static self) -> &'static memchr::memmem::Finder<'static> {
        self.finder.get_or_init(|| memchr::memmem::Finder::new(self.needle))
    }

    /// Every start of the needle in `hay`, in order, not overlapping (as
    /// [`find_all_bytes`] gives them).
    pub fn find_all<'h>(&'static self, hay: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
        self.finder().find_iter(hay)
    }
}

/// A forward search for one delimiter, memoized so that a run of queries
/// with non-decreasing start positions costs linear time overall (a failed
/// search is never repeated over the same bytes).
pub struct NextFinder<'a> {
    hay: &'a [u8],
    pat: &'static [u8],
    /// Valid hits must not be escaped (`\$`, `\\]` counts as `\\` + `]`).
    unescaped: bool,
    /// The last query: from `from`, the answer was `at`.
    from: usize,
    at: Option<usize>,
    primed: bool,
}

impl<'a> NextFinder<'a> {
    pub fn new(hay: &'a [u8], pat: &'static str, unescaped: bool) -> NextFinder<'a> {
        NextFinder { hay, pat: pat.as_bytes(), unescaped, from: 0, at: None, primed: false }
    }

    /// The first valid occurrence starting at or after `i`.
    pub fn next(&mut self, i: usize) -> Option<usize> {
        if self.primed && i >= self.from && self.at.is_none_or(|a| i <= a) {
            return self.at;
        }
        let found = self.search(i);
        self.from = i;
        self.at = found;
        self.primed = true;
        found
    }

    fn search(&self, mut i: usize) -> Option<usize> {
        let p = self.pat;
        while i + p.len() <= self.hay.len() {
            let rel = memchr(p[0], &self.hay[i..self.hay.len() + 1 - p.len()])?;
            let at = i + rel;
            if &self.hay[at..at + p.len()] == p && !(self.unescaped && is_escaped(self.hay, at)) {
                return Some(at);
            }
            i = at + 1;
        }
        None
    }
}

/// Position of the first `needle` byte in `hay`.
pub fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

/// A CJK ideograph or CJK punctuation (Chinese prose).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK punctuation
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF1F // full-width punctuation
    )
}

/// The char ending at byte `i` (the one just before `i`), if any.
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// The char starting at byte `i`, if any.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_count_backslashes() {
        let b = br"a\$ b\\$";
        assert!(is_escaped(b, 2));
        assert!(!is_escaped(b, 7));
    }

    #[test]
    fn braces_match_with_escapes() {
        let b = br"{a{b}\}c}d";
        assert_eq!(match_brace(b, 0), Some(8));
        assert_eq!(match_brace(br"{a{b}", 0), None);
    }

    #[test]
    fn next_finder_memoizes_and_skips_escaped() {
        let s = br"x \$ y $ z $";
        let mut f = NextFinder::new(s, "$", true);
        assert_eq!(f.next(0), Some(7));
        assert_eq!(f.next(3), Some(7));
        assert_eq!(f.next(8), Some(11));
        assert_eq!(f.next(12), None);
        assert_eq!(f.next(0), Some(7));
    }

    #[test]
    fn exact_search_matches_a_naive_scan() {
        // Every start, non-overlapping, as a left-to-right naive scan finds
        // them; needles whose rarest byte is not the first, multi-byte
        // UTF-8, matches at both ends, and `from` past a match.
        let naive = |hay: &[u8], n: &[u8]| {
            let mut out = Vec::new();
            let mut i = 0;
            while i + n.len() <= hay.len() {
                if &hay[i..i + n.len()] == n {
                    out.push(i);
                    i += n.len();
                } else {
                    i += 1;
                }
            }
            out
        };
        let hays = ["\\boxed{1} and \\fbox{2} box", "<<<<3*8=24>>>>", "aaaa", "所以答案为答案", "", "x"];
        let needles = ["box", "<<", ">>", "aa", "答案", "x", "\\boxed"];
        for h in hays {
            for n in needles {
                assert_eq!(find_all(h, n), naive(h.as_bytes(), n.as_bytes()), "{n:?} in {h:?}");
            }
        }
        assert_eq!(find_bytes(b"a<<b<<c", b"<<", 2), Some(4));
        assert_eq!(find_bytes(b"a<<b<<c", b"<<", 5), None);
        assert_eq!(find_bytes(b"ab", b"abc", 0), None);
        assert_eq!(find_bytes(b"ab", b"b", 3), None);
    }

    #[test]
    fn case_insensitive_search() {
        assert_eq!(find_all_ci(b"Answer, answer ANSWER", "answer", 0), vec![0, 8, 15]);
        assert_eq!(find_all_ci(b"Answer, answer ANSWER", "answer", 1), vec![8, 15]);
        assert_eq!(find_all_ci(b"xanswe answerx", "answer", 0), vec![7]);
        // Not overlapping: the second "aa" starts inside the first.
        assert_eq!(find_all_ci(b"aaaa", "aa", 0), vec![0, 2]);
        assert_eq!(find_all_ci(b"AnSwEr", "answer", 0), vec![0]);
        assert_eq!(rarest_byte(b"answer"), 3);
        assert_eq!(rarest_byte(b"ANSWER"), 3);
        // Not a letter: rarer than any letter; the first of equals.
        assert_eq!(rarest_byte(br"\boxed"), 0);
        assert_eq!(rarest_byte(b"zz"), 0);
        assert_eq!(rarest_byte(b"ez"), 1);
        assert!(contains_ci(b"28 PerCent", "percent"));
        assert!(contains_ci(b"pct", "pct"));
        assert!(!contains_ci(b"pc t", "pct"));
        assert!(!contains_ci(b"percen", "percent"));
        assert!(starts_with_word_ci(b"Is 5", 0, "is"));
        assert!(!starts_with_word_ci(b"island", 0, "is"));
    }

    #[test]
    fn prebuilt_searches_find_what_plain_searches_find() {
        // The folded text with a lower-case needle is a case-insensitive
        // search; bytes outside ASCII (and `@`, `[`, `^`, which fold onto
        // `` ` ``, `{`, `~`) never fold onto a letter.
        static ANSWER: Needle = Needle::new("answer");
        static BOX: Needle = Needle::new("box");
        let hays = [
            "Answer, answer ANSWER AnSwEr",
            "xanswe answerx answeranswer",
            "\\boxed{1} \\fbox{2} boxbox BOX",
            "AN\u{c0}SWER an@swer ANSWER\u{e9}",
            "",
            "a",
            "所以答案 answer",
        ];
        for h in hays {
            let (folded, ascii) = fold_case(h.as_bytes());
            assert_eq!(ascii, h.is_ascii(), "{h:?}");
            assert_eq!(ANSWER.find_all(&folded).collect::<Vec<_>>(), find_all_ci(h.as_bytes(), "answer", 0), "{h:?}");
            assert_eq!(BOX.find_all(h.as_bytes()).collect::<Vec<_>>(), find_all(h, "box"), "{h:?}");
        }
        assert_eq!(ANSWER.find_all(&fold_case(b"The ANSWER is; answer").0).collect::<Vec<_>>(), vec![4, 15]);
    }

    #[test]
    fn cjk_detection() {
        assert!(is_cjk('答'));
        assert!(is_cjk('。'));
        assert!(is_cjk('：'));
        assert!(!is_cjk('π'));
    }
}
