//! Bad input never makes the extractor panic, and every span it returns lies
//! inside the document, on character boundaries.

use claimgraph::extract::{Extraction, Extractor};
use claimgraph::model::{DocMeta, Span};
use proptest::prelude::*;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::builtin)
}

fn meta() -> DocMeta {
    DocMeta {
        outlet: Some("Le Journal".into()),
        published: chrono::NaiveDate::from_ymd_opt(2024, 2, 29),
        ..DocMeta::default()
    }
}

fn check_spans(text: &str, x: &Extraction) {
    let ok = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for m in &x.mentions {
        assert!(ok(&m.span), "mention {:?}", m.span);
        assert!(m.entity < x.entities.len());
    }
    for c in &x.claims {
        assert!(
            ok(&c.span) && ok(&c.sentence),
            "claim {:?} {:?}",
            c.span,
            c.sentence
        );
        assert!(c.claimant.map_or(true, |e| e < x.entities.len()));
        assert!(c.event.map_or(true, |e| e < x.events.len()));
        assert!(c.denies.map_or(true, |d| d < x.claims.len()));
    }
    for e in &x.events {
        assert!(ok(&e.span));
    }
}

#[test]
fn hostile_inputs() {
    let cases = [
        String::new(),
        "au moins au moins 3 soldats tués".to_string(),
        format!(
            "{} soldats tués, {} frappes",
            "9".repeat(400),
            "1 ".repeat(300)
        ),
        "« guillemet ouvrant jamais fermé, a déclaré Vladimir Poutine selon l'AFP".to_string(),
        "»»» «« « » selon « , a-t-il ajouté «".to_string(),
        "Москва заявила 3 солдата. Հայաստան 5 զինվոր. Việt Nam có 7 người chết, selon Reuters."
            .to_string(),
        "\u{0}\u{1}\u{7f}\u{200b}\u{feff} 3\u{0}soldats\u{1b}[31m tués\r\n\t".to_string(),
        "(A) (AB) ( ) (OTSC) ministère ministère de la ministère".to_string(),
        "le 31 février 2023, le 99 mars, 00/00/0000, 32/13/2024, lundi mardi la veille".to_string(),
        "Tout Accepter".repeat(1000),
    ];
    for text in &cases {
        let x = extractor().extract(text, &meta(), &[]);
        check_spans(text, &x);
        let x = extractor().extract(
            text,
            &DocMeta::default(),
            &[
                Span::new(1, 7),
                Span { start: 3, end: 2 },
                Span::new(5, 10_000),
            ],
        );
        check_spans(text, &x);
    }
}

#[test]
fn one_long_line_without_sentence_boundaries() {
    let unit = "les forces azerbaïdjanaises ont tué au moins 3 soldats près de la localité de Parukh selon le ministère russe de la Défense qui accuse l'Arménie et nie tout ";
    let text = unit.repeat(2_000_000 / unit.len());
    let x = extractor().extract(&text, &meta(), &[]);
    check_spans(&text, &x);
    assert!(x.claims.len() > 1000);
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("au moins ".to_string()),
        Just("près de ".to_string()),
        Just("« ".to_string()),
        Just(" »".to_string()),
        Just(", a déclaré ".to_string()),
        Just("selon l’AFP".to_string()),
        Just("le ministère russe de la Défense ".to_string()),
        Just("Nikol Pashinyan ".to_string()),
        Just("nie ".to_string()),
        Just("accuse ".to_string()),
        Just("soldats tués ".to_string()),
        Just("le 26mars ".to_string()),
        Just("(OTSC) ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        "[0-9 ]{1,12}",
        "[a-zA-Zéèàçœ’'«»\\- ]{1,20}",
        "\\PC{1,8}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn spans_stay_inside_the_document(parts in prop::collection::vec(fragment(), 0..40), cut in 0usize..400, len in 0usize..60) {
        let text: String = parts.concat();
        let x = extractor().extract(&text, &meta(), &[Span::new(cut, cut + len)]);
        check_spans(&text, &x);
    }
}
