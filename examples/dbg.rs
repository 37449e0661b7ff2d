fn main() {
    let rules = foitag::rules::RuleSet::defaults().unwrap();
    for p in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&p).unwrap();
        let a = foitag::analyse(&rules, &text, None);
        println!("=== {p}: {}", a.verdict.outcome);
        for i in &a.scan.items {
            println!(
                "  item m{} #{} Q[{}] A[{}]",
                i.message,
                i.number,
                &text[i.question.0..i.question.1].chars().take(60).collect::<String>(),
                &text[i.answer.0..i.answer.1].chars().take(80).collect::<String>().replace('\n', " / ")
            );
        }
        for f in &a.scan.figures {
            println!("  figures m{} [{}]", f.message, &text[f.span.0..f.span.1].chars().take(120).collect::<String>().replace('\n', " / "));
        }
    }
}
