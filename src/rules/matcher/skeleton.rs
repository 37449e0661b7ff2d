//! A cheap necessary condition checked at each literal hit before a route yields candidates:
//! the leading characters and character runs of the pattern's rest (the part that starts at
//! the hit), walked by hand. "please" is a common word, "please find" is not; a hit that fails
//! costs a few byte compares instead of a backwards search and an anchored lazy DFA search.
//!
//! Why it is exact as a filter: every match whose rest starts at the hit matches the skeleton
//! there. Zero-width assertions are skipped (dropping a condition only lets more hits through);
//! the walk stops at anything it cannot check exactly (a repeated group, a group that may be
//! empty); a run of a class is taken greedily only when the next step cannot start with a
//! character of that class, so the regex has no other way through it; an alternation or an
//! optional group ends the walk with one branch per way through it (each followed by the next
//! few parts), passing when any branch passes.
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// Most steps kept: the first few words decide almost every hit.
const MAX_STEPS: usize = 24;
/// Parts after a choice copied into each of its branches.
const BRANCH_TAIL: usize = 4;
/// Parts looked at per pattern route, all branches told: bounds the time spent building.
const BUDGET: usize = 800;
/// Characters a check may walk, all branches told.
const FUEL: u32 = 96;

/// The checkable start of a pattern's rest.
#[derive(Debug, Clone, Default)]
pub(super) struct Skeleton {
    steps: Vec<Step>,
}

#[derive(Debug, Clone)]
enum Step {
    /// `min..=max` characters of a class.
    Run { ascii: u128, min: u32, max: u32, class: ClassUnicode },
    /// One of the branches matches here; the walk ends.
    Alt(Vec<Skeleton>),
}

impl Skeleton {
    /// The skeleton of `parts` matched one after another.
    pub(super) fn new<'h>(parts: impl IntoIterator<Item = &'h Hir>) -> Skeleton {
        let mut budget = BUDGET;
        Skeleton::build(&parts.into_iter().collect::<Vec<_>>(), &mut budget)
    }

    fn build(parts: &[&Hir], budget: &mut usize) -> Skeleton {
        let mut seq = Vec::new();
        parts.iter().for_each(|p| flatten(p, &mut seq));
        let mut s = Skeleton { steps: steps(&seq, budget) };
        s.make_greedy_exact();
        s
    }

    /// Whether a match of the rest can start at `at` (always true for an empty skeleton).
    pub(super) fn check(&self, text: &str, at: usize) -> bool {
        let mut fuel = FUEL;
        self.walk(text, at, &mut fuel)
    }

    /// [`Self::check`], giving up (passing the hit) once `fuel` characters and branches are
    /// spent: a hit costs a bounded walk however the branches nest.
    fn walk(&self, text: &str, mut at: usize, fuel: &mut u32) -> bool {
        let b = text.as_bytes();
        for step in &self.steps {
            match step {
                &Step::Run { ascii, min: 1, max: 1, .. } if b.get(at).is_some_and(|&x| x < 0x80) => {
                    // One ASCII character: the common step, without the loop.
                    if ascii >> b[at] & 1 == 0 {
                        return false;
                    }
                    at += 1;
                }
                &Step::Run { ascii, min, max, ref class } => {
                    let mut n = 0;
                    while n < max {
                        if *fuel == 0 {
                            return true;
                        }
                        *fuel -= 1;
                        let Some(&x) = b.get(at) else { break };
                        if x < 0x80 {
                            if ascii >> x & 1 == 0 {
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
                    if n < min {
                        return false;
                    }
                }
                Step::Alt(branches) => return branches.iter().any(|s| s.walk(text, at, fuel)),
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
                // Last: only the minimum is needed.
                None => true,
                Some(None) => true,
                Some(Some(n)) => {
                    let mut both = class.clone();
                    both.intersect(&n);
                    !both.ranges().is_empty()
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

/// `hir` as a sequence: concatenations and groups opened up.
fn flatten<'h>(hir: &'h Hir, out: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Concat(v) => v.iter().for_each(|h| flatten(h, out)),
        HirKind::Capture(c) => flatten(&c.sub, out),
        HirKind::Empty | HirKind::Look(_) => {}
        _ => out.push(hir),
    }
}

/// The steps of the sequence `seq`. An alternation or an optional group ends the sequence
/// with one branch per way through it, each followed by what comes next (a few parts of it).
fn steps(seq: &[&Hir], budget: &mut usize) -> Vec<Step> {
    let mut steps = Vec::new();
    for (i, hir) in seq.iter().enumerate() {
        if steps.len() >= MAX_STEPS || *budget == 0 {
            break;
        }
        *budget -= 1;
        let then = |first| -> Vec<&Hir> { std::iter::once(first).chain(seq[i + 1..].iter().take(BRANCH_TAIL).copied()).collect() };
        match hir.kind() {
            HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
                Ok(s) => steps.extend(s.chars().map(|c| run(ClassUnicode::new([ClassUnicodeRange::new(c, c)]), 1, 1))),
                Err(_) => break,
            },
            HirKind::Class(Class::Unicode(c)) => steps.push(run(c.clone(), 1, 1)),
            HirKind::Repetition(r) => match r.sub.kind() {
                HirKind::Class(Class::Unicode(c)) => steps.push(run(c.clone(), r.min, r.max.unwrap_or(u32::MAX))),
                // `(?:...)?`: with the group, or without it.
                _ if r.min == 0 && r.max == Some(1) => {
                    let without = &seq[i + 1..(i + 1 + BRANCH_TAIL).min(seq.len())];
                    push_alt(&mut steps, branches(&[then(&r.sub), without.to_vec()], budget));
                    break;
                }
                // At least one copy of the group comes first; how many is not checked.
                _ if r.min > 0 => {
                    steps.extend(Skeleton::build(&[&*r.sub], budget).steps);
                    break;
                }
                _ => break,
            },
            HirKind::Alternation(v) => {
                let ways: Vec<Vec<&Hir>> = v.iter().map(then).collect();
                push_alt(&mut steps, branches(&ways, budget));
                break;
            }
            _ => break,
        }
    }
    steps
}

/// The skeletons of `ways`, each given an equal share of the budget (so that the last
/// branches are not starved by the first).
fn branches(ways: &[Vec<&Hir>], budget: &mut usize) -> Vec<Skeleton> {
    let share = *budget / ways.len().max(1);
    ways.iter()
        .map(|w| {
            let mut b = share;
            let s = Skeleton::build(w, &mut b);
            *budget -= share - b;
            s
        })
        .collect()
}

/// End `steps` with a choice of `branches`, unless one of them checks nothing (then the
/// choice lets every hit through and is left out).
fn push_alt(steps: &mut Vec<Step>, branches: Vec<Skeleton>) {
    if branches.iter().all(|b| !b.is_empty()) {
        steps.push(Step::Alt(branches));
    }
}

fn run(class: ClassUnicode, min: u32, max: u32) -> Step {
    let ascii = class
        .ranges()
        .iter()
        .take_while(|r| r.start() < '\u{80}')
        .flat_map(|r| r.start() as u32..=(r.end() as u32).min(0x7f))
        .fold(0u128, |m, b| m | 1 << b);
    Step::Run { ascii, min, max, class }
}

/// Whether `c` is in `class` (its ranges are sorted and disjoint).
pub(super) fn in_class(class: &ClassUnicode, c: char) -> bool {
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

#[cfg(test)]
mod tests {
    use super::Skeleton;

    fn skeleton(re: &str) -> Skeleton {
        Skeleton::new(&[regex_syntax::parse(re).unwrap()])
    }

    #[test]
    fn words_and_runs_are_checked_past_the_literal() {
        let s = skeleton(r"(?i)please\s+find\s+(?:attached|enclosed)");
        assert!(s.check("Please \n\u{a0}FIND  enclosed", 0));
        assert!(!s.check("please note", 0));
        assert!(!s.check("please find below", 0));
    }

    #[test]
    fn optional_groups_and_alternations_branch() {
        let s = skeleton(r"(?i)(?:whether\s+)?(?:information|data)\s+not\s+held");
        assert!(s.check("whether data not held", 0));
        assert!(s.check("information not held", 0));
        assert!(!s.check("information about", 0));
        assert!(!s.check("whether you", 0));
    }

    #[test]
    fn a_run_that_meets_the_next_step_is_cut_to_its_minimum() {
        // `[^.]{0,20}` could stop before any letter of "deadline": only its minimum is checked.
        let s = skeleton(r"(?i)extend[^.]{0,20}deadline");
        assert!(s.check("extend .", 0));
        assert!(!s.check("extent", 0));
    }
}
