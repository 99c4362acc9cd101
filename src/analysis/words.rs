//! Word-level keys used to decide which claims speak about the same thing:
//! folded names (for alias lookup), the class of a counted subject ("soldats",
//! "militaires" and "forces" all count armed personnel) and the key words of
//! an accusation or a denial.
//!
//! These are deliberately small, general French rules: nothing here knows any
//! article, place or person.

/// Lower case, accents and apostrophe variants removed, runs of white space
/// collapsed: "Haut-Karabagh" and "haut-karabagh", "l’Arménie" and
/// "l'armenie" fold alike. The extractor's folding, so that a name matches
/// the same way in extraction, alias lookup and comparison.
pub fn fold(text: &str) -> String {
    crate::extract::fold::fold(text)
}

const STOP: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "de",
    "des",
    "du",
    "d",
    "un",
    "une",
    "et",
    "en",
    "a",
    "au",
    "aux",
    "que",
    "qui",
    "pas",
    "ne",
    "n",
    "ces",
    "ce",
    "cette",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "avoir",
    "etre",
    "ete",
    "sont",
    "est",
    "par",
    "pour",
    "sur",
    "dans",
    "avec",
    "tous",
    "toutes",
    "tout",
    "total",
    "autres",
    "autre",
    "plus",
    "moins",
    "pres",
    "environ",
    "presque",
    "se",
    "s",
    "y",
    "il",
    "ils",
    "elle",
    "elles",
    "on",
    "ont",
    "avait",
    "avaient",
    "the",
    "of",
    "contre",
    // Words of the speech act itself, not of the proposition.
    "allegation",
    "accusation",
    "accuse",
    "affirme",
    "nie",
    "dement",
    "rejette",
    "realite",
    "correspondent",
    "information",
    "propos",
    "declaration",
];

/// Words that name one proposition in different ways: "vise des zones
/// peuplées" and "les civils ne sont pas la cible" both speak of targeting
/// civilians.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "cible",
        &["vise", "viser", "visent", "cibler", "ciblent", "cible"],
    ),
    (
        "civil",
        &[
            "civil",
            "civile",
            "peuplee",
            "peuple",
            "population",
            "habitant",
            "residentiel",
            "residentielle",
        ],
    ),
    (
        "bombardement",
        &[
            "bombardement",
            "bombarde",
            "bombarder",
            "pilonnage",
            "frappe",
            "frapper",
        ],
    ),
    ("tir", &["tir", "tire", "tirer", "fusillade"]),
];

/// The content words of `text`, folded, singular ("bombardements" →
/// "bombardement"), without French function words.
pub fn content_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| canonical(&singular(w)))
        .collect()
}

fn canonical(word: &str) -> String {
    SYNONYMS
        .iter()
        .find(|(_, forms)| forms.contains(&word))
        .map_or_else(|| word.to_string(), |(head, _)| head.to_string())
}

fn singular(word: &str) -> String {
    let w = word.strip_suffix('s').or_else(|| word.strip_suffix('x'));
    match w {
        Some(stem) if stem.chars().count() >= 3 => stem.to_string(),
        _ => word.to_string(),
    }
}

/// The class of people or things a figure counts, from the head word of the
/// subject. Words that name the same class of victims map to one class so
/// that "soldats du Karabakh" and "militaires du Karabakh" are compared.
pub fn subject_class(subject: &str) -> String {
    let words = content_words(subject);
    let Some(head) = words.first() else {
        return String::new();
    };
    // "203 membres de « groupes armés terroristes »", "des éléments
    // jihadistes": a member is of the class its group names.
    if matches!(head.as_str(), "membre" | "element") {
        if let Some(class) = words[1..]
            .iter()
            .map(|w| head_class(w))
            .find(|c| KNOWN_CLASSES.contains(&c.as_str()))
        {
            return class;
        }
    }
    head_class(head)
}

/// The classes [`subject_class`] maps synonyms to.
const KNOWN_CLASSES: &[&str] = &["armed", "civilian", "police", "people", "militant"];

fn head_class(head: &str) -> String {
    let class = match head {
        "soldat" | "militaire" | "combattant" | "troupe" | "force" | "formation" | "homme"
        | "conscrit" | "militant" | "unite" | "position" | "garde" => "armed",
        "civil" | "civile" | "habitant" | "population" | "resident" | "enfant" | "femme" => {
            "civilian"
        }
        "policier" | "agent" | "gendarme" => "police",
        // "280 blessées" and "760 blessés", "82 corps", "40 décès": the
        // people a toll counts, whatever word the toll uses.
        // (Words are singular here: "décès" is "dece", "corps" is "corp".)
        "personne" | "victime" | "mort" | "gen" | "individu" | "blesse" | "blessee" | "deces"
        | "dece" | "decede" | "corps" | "corp" | "cadavre" | "disparu" | "noye" | "tue" => "people",
        // People counted by what befell them are people: "Quelque 300
        // réfugiés [...] ont été tués" and "Environ 600 personnes ont été
        // tuées", "près de 300.000 sans abris" ("sans" singular is "san")
        // and "300 000 personnes sont sans domicile".
        "refugie" | "deplace" | "sinistre" | "exile" | "san" => "people",
        // Armed groups fighting a state ("203 jihadistes neutralisés",
        // "15 assaillants tués") are one class, kept apart from the
        // soldiers they fight.
        "jihadiste" | "djihadiste" | "terroriste" | "assaillant" | "islamiste" | "insurge"
        | "rebelle" | "milicien" | "separatiste" | "mercenaire" => "militant",
        other => other,
    };
    class.to_string()
}

/// Whether two topics share a key word: equal after folding and singular,
/// or sharing a prefix of six letters ("bombardement" and "bombardes" do not;
/// "bombardement" and "bombardements" do).
pub fn topics_overlap(a: &str, b: &str) -> bool {
    let wa = content_words(a);
    let wb = content_words(b);
    wa.iter().any(|x| {
        wb.iter().any(|y| {
            x == y || (common_prefix(x, y) >= 6 && x.chars().count() >= 6 && y.chars().count() >= 6)
        })
    })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_apostrophes_and_spaces() {
        assert_eq!(fold("  L’Arménie   du  Nord "), "l'armenie du nord");
        assert_eq!(fold("Haut-Karabagh"), "haut-karabagh");
    }

    #[test]
    fn subject_classes_group_synonyms() {
        assert_eq!(subject_class("soldats du Haut-Karabakh"), "armed");
        assert_eq!(subject_class("formations armées"), "armed");
        assert_eq!(subject_class("civils"), "civilian");
        assert_eq!(subject_class("personnes au total"), "people");
        assert_eq!(subject_class("chars"), "char");
        // Singular forms: "décès" → "dece", "corps" → "corp".
        assert_eq!(subject_class("décès"), "people");
        assert_eq!(subject_class("corps"), "people");
        assert_eq!(subject_class("jihadistes"), "militant");
        assert_eq!(subject_class("assaillants"), "militant");
        assert_eq!(
            subject_class("membres de « groupes armés terroristes »"),
            "militant"
        );
        assert_eq!(subject_class("membres"), "membre");
        assert_eq!(subject_class("réfugiés"), "people");
        assert_eq!(subject_class("sans abris"), "people");
        assert_eq!(subject_class(""), "");
    }

    #[test]
    fn topics_match_on_shared_key_words_only() {
        assert!(topics_overlap("bombardements répétés", "bombardements"));
        assert!(topics_overlap("tirs d'armes légères", "tir"));
        assert!(!topics_overlap("bombardements", "personnel militaire"));
        assert!(!topics_overlap("", "bombardements"));
        assert!(topics_overlap(
            "vise des zones peuplées",
            "les civils ne sont pas la cible"
        ));
        assert!(!topics_overlap(
            "allégations de bombardements",
            "accusations de présence de troupes"
        ));
    }
}
