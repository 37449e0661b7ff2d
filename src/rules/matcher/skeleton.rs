//! A cheap necessary condition checked at each literal hit before a route yields candidates:
//! the leading characters and character runs of the pattern's rest (the part that starts at
//! the hit), walked by hand. "please" is a common word, "please find" is not; a hit that fails
//! costs a few byte compares instead of a backwards search and an anchored lazy DFA search.
//!
//! Why it is exact as a filter: every match whose rest starts at the hit matches the skeleton
//! there. Zero-width assertions are skipped (dropping a condition only lets more hits through);
//! the walk stops at anything it cannot check exactly (a repeated group, a group that may be
//! empty); a run of a class is taken greedily only when the next step cannot start with a
//! character of that class, so the regex has no other way through it; an alternation ends the
//! walk, passing when any branch's own skeleton passes.
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// Most steps kept: the first few words decide almost every hit.
const MAX_STEPS: usize = 24;

/// The checkable start of a pattern's rest.
#[derive(Debug, Clone, Default)]
pub(super) struct Skeleton {
    steps: Vec<Step>,
}

#[derive(Debug, Clone)]
enum Step {
    /// `min..=max` characters of a class.
    Run { class: ClassUnicode, ascii: [bool; 128], min: u32, max: u32 },
    /// One of the branches matches here; the walk ends.
    Alt(Vec<Skeleton>),
}

impl Skeleton {
    /// The skeleton of `parts` matched one after another.
    pub(super) fn new(parts: &[Hir]) -> Skeleton {
        let mut steps = Vec::new();
        for p in parts {
            if !push(&mut steps, p) || steps.len() >= MAX_STEPS {
                break;
            }
        }
        steps.truncate(MAX_STEPS);
        let mut s = Skeleton { steps };
        s.make_greedy_exact();
        s
    }

    /// Whether a match of the rest can start at `at` (always true for an empty skeleton).
    pub(super) fn check(&self, text: &str, mut at: usize) -> bool {
        let b = text.as_bytes();
        for step in &self.steps {
            match step {
                Step::Run { class, ascii, min, max } => {
                    let mut n = 0;
                    while n < *max {
                        let Some(&x) = b.get(at) else { break };
                        if x < 0x80 {
                            if !ascii[usize::from(x)] {
                                break;
                            }
                            at += 1;
                        } else {
                            let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else { return true };
                            if !in_class(class, c) {
                                break;
                            }
                            at += c.len_utf8();
                        }
                        n += 1;
                    }
                    if n < *min {
                        return false;
                    }
                }
                Step::Alt(branches) => return branches.iter().any(|s| s.check(text, at)),
            }
        }
        true
    }

    /// Whether the skeleton checks anything.
    pub(super) fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Cut the skeleton where a greedy walk could take characters a match leaves to the next
    /// step: a run of variable length whose class meets the next step's first characters keeps
    /// only its minimum, and the walk ends there.
    fn make_greedy_exact(&mut self) {
        for i in 0..self.steps.len() {
            let next = self.steps.get(i + 1).map(first_class);
            let Step::Run { class, min, max, .. } = &mut self.steps[i] else { continue };
            if min == max {
                continue;
            }
            let clash = match next {
                None => false,
                Some(None) => true,
                Some(Some(n)) => {
                    let mut both = class.clone();
                    both.intersect(&n);
                    both.ranges().first().is_some()
                }
            };
            if clash {
                *max = *min;
                self.steps.truncate(i + 1);
                return;
            }
        }
    }
}

/// The characters a step can start with; `None` when unknown (a branch checks nothing).
fn first_class(step: &Step) -> Option<ClassUnicode> {
    match step {
        Step::Run { class, min, .. } if *min > 0 => Some(class.clone()),
        Step::Run { .. } => None,
        Step::Alt(branches) => {
            let mut all = ClassUnicode::empty();
            for b in branches {
                all.union(&first_class(b.steps.first()?)?);
            }
            Some(all)
        }
    }
}

/// Append the steps of `hir`; false when the walk must end after them.
fn push(steps: &mut Vec<Step>, hir: &Hir) -> bool {
    if steps.len() >= MAX_STEPS {
        return false;
    }
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
            Ok(s) => {
                for c in s.chars() {
                    steps.push(run(ClassUnicode::new([ClassUnicodeRange::new(c, c)]), 1, 1));
                }
                true
            }
            Err(_) => false,
        },
        HirKind::Class(Class::Unicode(c)) => {
            steps.push(run(c.clone(), 1, 1));
            true
        }
        HirKind::Class(Class::Bytes(_)) => false,
        HirKind::Capture(c) => push(steps, &c.sub),
        HirKind::Concat(v) => v.iter().all(|h| push(steps, h)),
        HirKind::Repetition(r) => match r.sub.kind() {
            HirKind::Class(Class::Unicode(c)) => {
                steps.push(run(c.clone(), r.min, r.max.unwrap_or(u32::MAX)));
                true
            }
            // At least one copy of the group comes first; how many is not checked.
            _ if r.min > 0 => {
                push(steps, &r.sub);
                false
            }
            _ => false,
        },
        HirKind::Alternation(v) => {
            let branches: Vec<Skeleton> = v.iter().map(|b| Skeleton::new(std::slice::from_ref(b))).collect();
            // A branch that checks nothing lets every hit through: the step is worth nothing.
            if branches.iter().all(|b| !b.is_empty()) {
                steps.push(Step::Alt(branches));
            }
            false
        }
    }
}

fn run(class: ClassUnicode, min: u32, max: u32) -> Step {
    let ascii = std::array::from_fn(|i| in_class(&class, char::from(i as u8)));
    Step::Run { class, ascii, min, max }
}

fn in_class(class: &ClassUnicode, c: char) -> bool {
    class
        .ranges()
        .binary_search_by(|r| {
            if r.end() < c {
                std::cmp::Ordering::Less
            } else if r.start() > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}
