//! Compiling rule sources into a [`RuleSet`], collecting every problem as a located diagnostic.
use super::diag::{Diagnostic, RuleErrors, Severity};
use super::rule::build_regex;
use super::schema::{RawAuthority, RawFile, RawRule};
use super::*;
use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;
use std::collections::HashMap;
use std::path::Path;

/// The embedded defaults followed by every `*.toml` file of `dir`, sorted by name.
pub fn sources(dir: Option<&Path>) -> Result<Vec<(String, String)>, Diagnostic> {
    let mut out: Vec<(String, String)> = DEFAULT_FILES.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    if let Some(dir) = dir {
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Diagnostic::at(Severity::Error, "E000", &dir.display().to_string(), "", 0, format!("cannot read rules folder: {e}"))
        })?;
        let mut paths: Vec<_> =
            entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
        paths.sort();
        for p in paths {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(&p)
                .map_err(|e| Diagnostic::at(Severity::Error, "E000", &name, "", 0, format!("cannot read rule file: {e}")))?;
            out.push((name, text));
        }
    }
    Ok(out)
}

struct Ctx<'a> {
    file: &'a str,
    src: &'a str,
    diags: &'a mut Vec<Diagnostic>,
    /// Skip the examples and defer building the patterns (see [`compile_trusting`]).
    trusted: bool,
}

impl Ctx<'_> {
    fn err(&mut self, code: &'static str, offset: usize, msg: impl Into<String>) {
        self.diags.push(Diagnostic::at(Severity::Error, code, self.file, self.src, offset, msg));
    }
    fn warn(&mut self, code: &'static str, offset: usize, msg: impl Into<String>) {
        self.diags.push(Diagnostic::at(Severity::Warning, code, self.file, self.src, offset, msg));
    }
}

/// Offset of `key = ` inside `span` of `src`, or of `needle` if given and found (first after
/// the key, so that a keyword is not located in a description that happens to contain it), else
/// the span start.
fn locate(src: &str, span: &std::ops::Range<usize>, key: &str, needle: Option<&str>) -> usize {
    let body = &src[span.start.min(src.len())..span.end.min(src.len())];
    let mut key_off = None;
    let mut off = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key) {
            if rest.trim_start().starts_with('=') || rest.trim_start().starts_with('.') {
                key_off = Some(off + (line.len() - t.len()));
                break;
            }
        }
        off += line.len();
    }
    if let Some(n) = needle.filter(|n| !n.is_empty()) {
        let probe: String = n.chars().take(24).collect();
        let after_key = key_off.and_then(|k| body[k..].find(&probe).map(|i| k + i));
        if let Some(i) = after_key.or_else(|| body.find(&probe)) {
            return span.start + i;
        }
    }
    span.start + key_off.unwrap_or(0)
}

/// Where the first `name` of a serde message stands in `span`: a key (`unknown field `x``) or
/// a quoted value (`unknown value `x``); else the `fallback` key.
fn locate_named(src: &str, span: &std::ops::Range<usize>, msg: &str, fallback: &str) -> usize {
    let name = msg.split('`').nth(1).unwrap_or(fallback);
    if msg.starts_with("unknown value") {
        let body = &src[span.start.min(src.len())..span.end.min(src.len())];
        if let Some(i) = body.find(&format!("\"{name}\"")).or_else(|| body.find(&format!("'{name}'"))) {
            return span.start + i;
        }
    }
    locate(src, span, name, None)
}

/// Compile every source; all errors are reported together.
pub fn compile(sources: &[(String, String)]) -> Result<RuleSet, RuleErrors> {
    compile_trusting(sources, 0)
}

/// [`compile`], trusting the first `trusted` sources (the embedded defaults, which the test
/// suite compiles in full): their examples are not run and their regexes are built when
/// first needed. Loading the rules is most of the time a one-document `classify` takes.
pub fn compile_trusting(sources: &[(String, String)], trusted: usize) -> Result<RuleSet, RuleErrors> {
    let mut diags = Vec::new();
    let mut rules: Vec<Rule> = Vec::new();
    let mut authorities = Vec::new();
    let mut disabled: Vec<(String, String, String, usize)> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (i, (file, src)) in sources.iter().enumerate() {
        let mut cx = Ctx { file, src, diags: &mut diags, trusted: i < trusted };
        let raw: RawFile = match toml::from_str(src) {
            Ok(r) => r,
            Err(e) => {
                let off = e.span().map_or(0, |s| s.start);
                cx.err("E001", off, e.message().trim().to_string());
                continue;
            }
        };
        // A file's `disable` applies to the rules before it, so it may then redefine them.
        for id in raw.disable {
            let off = locate(src, &(0..src.len()), "disable", Some(&format!("\"{id}\"")));
            if rules.iter().any(|r| r.id == id) {
                rules.retain(|r| r.id != id);
                seen.remove(&id);
            } else {
                disabled.push((id, file.clone(), src.clone(), off));
            }
        }
        for spanned in raw.rule {
            let span = spanned.span();
            let table = spanned.into_inner();
            let rr: RawRule = match toml::Value::Table(table).try_into() {
                Ok(r) => r,
                Err(e) => {
                    let msg = e.message().trim().to_string();
                    cx.err("E002", locate_named(src, &span, &msg, "id"), format!("invalid rule: {msg}"));
                    continue;
                }
            };
            if let Some(prev) = seen.insert(rr.id.clone(), file.clone()) {
                let off = locate(src, &span, "id", None);
                // The usual cause: a copy of the default rules passed with --rules.
                let hint = if DEFAULT_FILES.iter().any(|(n, _)| *n == prev) {
                    "; to use a copied and edited rules folder instead of the defaults, pass --no-default-rules; to replace one default rule, `disable` it first"
                } else {
                    ""
                };
                cx.err("E005", off, format!("duplicate rule id `{}` (first defined in {prev}){hint}", rr.id));
                continue;
            }
            if let Some(rule) = compile_rule(&mut cx, rr, &span) {
                rules.push(rule);
            }
        }
        for spanned in raw.authority {
            let span = spanned.span();
            match toml::Value::Table(spanned.into_inner()).try_into::<RawAuthority>() {
                Ok(a) => authorities.push(Authority { name: a.name, aliases: a.aliases, domains: a.domains, nation: a.nation }),
                Err(e) => {
                    let msg = e.message().trim().to_string();
                    cx.err("E002", locate_named(src, &span, &msg, "name"), format!("invalid authority: {msg}"));
                }
            }
        }
    }
    for (id, file, src, off) in disabled {
        diags.push(Diagnostic::at(Severity::Warning, "W002", &file, &src, off, format!("`disable` names no earlier rule `{id}`")));
    }
    if diags.iter().any(|d| d.is_error()) {
        return Err(RuleErrors(diags));
    }
    build(rules, authorities, diags)
}

/// Whether a pattern has a group named `list` (true if it does not parse: E003 says so).
fn has_list_group(source: &str) -> bool {
    match regex_syntax::ast::parse::Parser::new().parse(source) {
        Ok(ast) => names_list(&ast),
        Err(_) => true,
    }
}

fn names_list(ast: &regex_syntax::ast::Ast) -> bool {
    use regex_syntax::ast::{Ast, GroupKind};
    match ast {
        Ast::Group(g) => matches!(&g.kind, GroupKind::CaptureName { name, .. } if name.name == "list") || names_list(&g.ast),
        Ast::Repetition(r) => names_list(&r.ast),
        Ast::Concat(c) => c.asts.iter().any(names_list),
        Ast::Alternation(a) => a.asts.iter().any(names_list),
        _ => false,
    }
}

/// Compile the patterns of a rule: built and checked now, or, in a trusted file, left to be
/// built when first needed.
fn compile_rule_patterns(cx: &mut Ctx, span: &std::ops::Range<usize>, id: &str, list: &[String]) -> Vec<Pattern> {
    if cx.trusted {
        return list.iter().map(|p| Pattern::new(p.clone(), None)).collect();
    }
    list.iter().filter_map(|p| compile_one(cx, span, id, "patterns", p).map(|re| Pattern::new(p.clone(), Some(re)))).collect()
}

/// Compile the regexes of one key (`patterns` or `unless`); failures are reported, not kept.
fn compile_patterns(cx: &mut Ctx, span: &std::ops::Range<usize>, id: &str, key: &str, list: &[String]) -> Vec<Regex> {
    list.iter().filter_map(|p| compile_one(cx, span, id, key, p)).collect()
}

/// Compile one regex of `key`, reporting a failure where it stands; oversized programs are
/// rejected, not built.
fn compile_one(cx: &mut Ctx, span: &std::ops::Range<usize>, id: &str, key: &str, p: &str) -> Option<Regex> {
    let what = if key == "unless" { "`unless` " } else { "" };
    match build_regex(p) {
        Ok(re) => Some(re),
        Err(regex::Error::CompiledTooBig(n)) => {
            let off = locate(cx.src, span, key, Some(p));
            cx.err("E004", off, format!("{what}pattern too large: compiled size would exceed {n} bytes"));
            None
        }
        Err(e) => {
            let off = locate(cx.src, span, key, Some(p));
            let first = e.to_string().lines().last().unwrap_or("").trim().to_string();
            cx.err("E003", off, format!("invalid {what}regex in rule `{id}`: {first}"));
            None
        }
    }
}

fn compile_rule(cx: &mut Ctx, rr: RawRule, span: &std::ops::Range<usize>) -> Option<Rule> {
    let errors_before = cx.diags.iter().filter(|d| d.is_error()).count();
    let regexes = compile_rule_patterns(cx, span, &rr.id, &rr.patterns);
    let unless = compile_patterns(cx, span, &rr.id, "unless", &rr.unless);
    if rr.patterns.is_empty() {
        let off = locate(cx.src, span, "patterns", None);
        cx.err("E010", off, format!("rule `{}` has no patterns", rr.id));
    }
    if rr.keywords.iter().all(|k| k.trim().is_empty()) {
        let off = locate(cx.src, span, "keywords", None);
        cx.err("E012", off, format!("rule `{}` has no keywords for the prefilter", rr.id));
    }
    let produces = produces(cx, &rr, span);
    if rr.kind == Kind::Citation && regexes.iter().any(|r| !has_list_group(r.as_str())) {
        let off = locate(cx.src, span, "patterns", None);
        cx.err("E011", off, format!("citation rule `{}`: every pattern needs a `(?P<list>...)` group", rr.id));
    }
    let ex = rr.examples.unwrap_or_default();
    if ex.matches.is_empty() {
        let off = locate(cx.src, span, "id", None);
        cx.err("E006", off, format!("rule `{}` has no examples that must match", rr.id));
    }
    if cx.diags.iter().filter(|d| d.is_error()).count() > errors_before {
        return None;
    }
    let rule = Rule {
        id: rr.id,
        description: rr.description,
        kind: rr.kind,
        keywords: rr.keywords,
        regexes,
        unless,
        produces: produces?,
        matches: ex.matches,
        no_match: ex.no_match,
        file: cx.file.to_string(),
    };
    let failures = if cx.trusted { Vec::new() } else { examples::check(&rule) };
    for failure in failures {
        let off = locate(cx.src, span, "examples", Some(failure.example()));
        cx.err(failure.code(), off, failure.to_string());
    }
    for kw in &rule.keywords {
        let k = kw.to_ascii_lowercase();
        if !rule.matches.iter().any(|m| m.to_ascii_lowercase().contains(&k)) {
            let off = locate(cx.src, span, "keywords", Some(kw));
            cx.warn("W001", off, format!("keyword `{kw}` of rule `{}` occurs in none of its examples", rule.id));
        }
    }
    (cx.diags.iter().filter(|d| d.is_error()).count() == errors_before).then_some(rule)
}

fn produces(cx: &mut Ctx, rr: &RawRule, span: &std::ops::Range<usize>) -> Option<Produces> {
    let need = |cx: &mut Ctx, key: &str, what: &str| {
        let off = locate(cx.src, span, "kind", None);
        cx.err("E009", off, format!("rule `{}`: kind `{}` needs `{key}` ({what})", rr.id, rr.kind.name()));
        None
    };
    match rr.kind {
        Kind::Citation => match rr.regime.as_deref().map(|v| (v, Scheme::parse(v))) {
            Some((_, Some(scheme))) => Some(Produces::Citation(scheme)),
            Some((v, None)) => bad(cx, rr, span, "regime", v, &Scheme::allowed()),
            None => need(cx, "regime", &Scheme::allowed()),
        },
        Kind::Title => match &rr.sections {
            Some(m) if m.keys().all(|k| k == "act" || k == "scotland") => {
                Some(Produces::Title { act: m.get("act").cloned(), scotland: m.get("scotland").cloned() })
            }
            Some(_) => bad(cx, rr, span, "sections", "key", "keys are act, scotland"),
            None => need(cx, "sections", "e.g. { act = \"31\", scotland = \"35\" }"),
        },
        Kind::Signal => match rr.signal {
            Some(name) => Some(Produces::Signal { name, weight: rr.weight, ignores_negation: rr.ignores_negation }),
            None => need(cx, "signal", &Signal::allowed()),
        },
        Kind::Modifier => match rr.status {
            Some(status) => Some(Produces::Modifier { status, direction: rr.direction, scope: rr.scope }),
            None => need(cx, "status", &ModStatus::allowed()),
        },
        Kind::Terminator => Some(Produces::Terminator),
        Kind::OtherAct => Some(Produces::OtherAct(rr.direction)),
        Kind::Zone => match rr.zone {
            Some(z) => Some(Produces::Zone(z)),
            None => need(cx, "zone", &ZoneKind::allowed()),
        },
        Kind::Heading => match rr.part {
            Some(p) => Some(Produces::Heading(p)),
            None => need(cx, "part", &Part::allowed()),
        },
        Kind::Boundary => match rr.boundary {
            Some(b) => Some(Produces::Boundary(b)),
            None => need(cx, "boundary", &BoundaryKind::allowed()),
        },
        Kind::Regime => match rr.regime.as_deref().map(|v| (v, RegimeCue::parse(v))) {
            Some((_, Some(cue))) => Some(Produces::Regime { cue, weight: rr.weight }),
            Some((v, None)) => bad(cx, rr, span, "regime", v, &RegimeCue::allowed()),
            None => need(cx, "regime", &RegimeCue::allowed()),
        },
    }
}

/// A located E009 for a value not among those `allowed`.
fn bad<T>(cx: &mut Ctx, rr: &RawRule, span: &std::ops::Range<usize>, key: &str, val: &str, allowed: &str) -> Option<T> {
    let off = locate(cx.src, span, key, None);
    cx.err("E009", off, format!("rule `{}`: unknown {key} `{val}` ({allowed})", rr.id));
    None
}

fn build(rules: Vec<Rule>, authorities: Vec<Authority>, warnings: Vec<Diagnostic>) -> Result<RuleSet, RuleErrors> {
    let mut aliases = Vec::new();
    let mut alias_owner = Vec::new();
    for (ai, a) in authorities.iter().enumerate() {
        for s in a.aliases.iter().chain(a.domains.iter()) {
            aliases.push(s.clone());
            alias_owner.push(ai);
        }
    }
    // Aliases are found in the same pass as the rules' keywords; this automaton serves the
    // few texts that pass does not cover and e-mail senders, so it is the small kind.
    let prefilter = matcher::Prefilter::new(&rules, &aliases)
        .map_err(|e| RuleErrors(vec![Diagnostic::at(Severity::Error, "E013", "rules", "", 0, format!("keyword automaton: {e}"))]))?;
    let authority_ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&aliases)
        .map_err(|e| RuleErrors(vec![Diagnostic::at(Severity::Error, "E013", "rules", "", 0, format!("authority automaton: {e}"))]))?;
    Ok(RuleSet { rules, authorities, prefilter, authority_ac, alias_owner, warnings })
}
