use claimgraph::extract::Extractor;
use claimgraph::model::DocMeta;
#[test]
fn dbg() {
    let f = std::env::var("DBG_FILE").unwrap_or_default();
    if f.is_empty() {
        return;
    }
    let text = std::fs::read_to_string(&f).unwrap();
    let x = Extractor::builtin();
    let meta = DocMeta {
        outlet: std::env::var("DBG_OUTLET").ok(),
        published: chrono::NaiveDate::from_ymd_opt(2023, 9, 19),
        ..Default::default()
    };
    let e = x.extract(&text, &meta, &[]);
    for (i, en) in e.entities.iter().enumerate() {
        println!(
            "E{i} {:?} {} {:?}",
            en.kind,
            en.name,
            en.aliases
                .iter()
                .map(|a| format!("{}({})", a.name, a.reason))
                .collect::<Vec<_>>()
        );
    }
    for m in &e.mentions {
        println!("  M E{} {:?}", m.entity, &text[m.span.start..m.span.end]);
    }
    for c in &e.claims {
        println!(
            "C {:?} {:?} cl={:?} via={:?} {:?} {:?} subj={:?} date={:?} ev={:?} «{}»",
            c.kind,
            c.polarity,
            c.claimant.map(|i| &e.entities[i].name),
            c.via,
            c.measure,
            c.quantity.map(|q| (q.value, q.bound)),
            c.subject,
            c.date.map(|d| d.start),
            c.event,
            &text[c.span.start..c.span.end]
        );
    }
    for ev in &e.events {
        println!(
            "EV {:?} {:?} {:?}",
            ev.kind,
            &text[ev.span.start..ev.span.end],
            ev.time.map(|d| d.start)
        );
    }
}
