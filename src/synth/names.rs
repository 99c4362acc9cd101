//! Names for the synthetic world (fictional countries, generated place names,
//! ministries, outlets, agencies) and the small deterministic random source
//! that picks among them.

/// SplitMix64: a tiny, well-mixed, seedable generator — enough for a
/// reproducible corpus, no dependency needed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi.saturating_sub(lo) + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// The names a synthetic world is made of.
#[derive(Debug)]
pub struct Names {
    /// (name, adjective, masculine plural, feminine plural).
    pub countries: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// Countries named with "le" ("le Mali"); the others take "la" or "l'".
    pub masculine: &'static [&'static str],
    pub observers: &'static [&'static str],
    /// Sides taken in turn (each event the next two countries) rather
    /// than at random, so that a country comes back at a steady pace.
    pub rotate: bool,
}

/// A fictional world: names no lexicon knows (the extractor finds the
/// speakers by their shape only, and not the sides of what is counted).
pub static FICTIONAL: Names = Names {
    countries: COUNTRIES,
    masculine: &[],
    observers: OBSERVERS,
    rotate: false,
};

/// Real countries, as the extractor's lexicon knows them with their
/// adjectives ("soldats ukrainiens" counts soldiers of Ukraine), so that
/// generated coverage goes through the real extractor the way articles do:
/// the speakers, sides and figures it recognises are those planted.
pub static REAL: Names = Names {
    // Ninety countries, so that with a few events a day a country comes
    // back only after more than a week: coverage of one conflict is not
    // chained to the next one through a shared country.
    countries: &[
        ("Ukraine", "ukrainien", "ukrainiens", "ukrainiennes"),
        ("Russie", "russe", "russes", "russes"),
        ("Mali", "malien", "maliens", "maliennes"),
        ("Arménie", "arménien", "arméniens", "arméniennes"),
        ("Syrie", "syrien", "syriens", "syriennes"),
        ("Soudan", "soudanais", "soudanais", "soudanaises"),
        ("Algérie", "algérien", "algériens", "algériennes"),
        ("Somalie", "somalien", "somaliens", "somaliennes"),
        ("Niger", "nigérien", "nigériens", "nigériennes"),
        ("Éthiopie", "éthiopien", "éthiopiens", "éthiopiennes"),
        ("Libye", "libyen", "libyens", "libyenes"),
        ("Tchad", "tchadien", "tchadiens", "tchadiennes"),
        ("Érythrée", "érythréen", "érythréens", "érythréennes"),
        ("Tunisie", "tunisien", "tunisiens", "tunisiennes"),
        ("Yémen", "yéménite", "yéménites", "yéménites"),
        ("Ouganda", "ougandais", "ougandais", "ougandaises"),
        (
            "Mauritanie",
            "mauritanien",
            "mauritaniens",
            "mauritaniennes",
        ),
        ("Liban", "libanais", "libanais", "libanaises"),
        ("Irak", "irakien", "irakiens", "irakiennes"),
        ("Guinée", "guinéen", "guinéens", "guinéennes"),
        ("Maroc", "marocain", "marocains", "marocaines"),
        ("Iran", "iranien", "iraniens", "iraniennes"),
        ("Colombie", "colombien", "colombiens", "colombiennes"),
        ("Sénégal", "sénégalais", "sénégalais", "sénégalaises"),
        ("Inde", "indien", "indiens", "indiennes"),
        ("Bolivie", "bolivien", "boliviens", "boliviennes"),
        ("Nigeria", "nigérian", "nigérians", "nigérianes"),
        ("Indonésie", "indonésien", "indonésiens", "indonésiennes"),
        ("Tanzanie", "tanzanien", "tanzaniens", "tanzaniennes"),
        ("Cameroun", "camerounais", "camerounais", "camerounaises"),
        ("Autriche", "autrichien", "autrichiens", "autrichiennes"),
        ("Zambie", "zambien", "zambiens", "zambiennes"),
        ("Kenya", "kényan", "kényans", "kényanes"),
        ("Allemagne", "allemand", "allemands", "allemandes"),
        ("Namibie", "namibien", "namibiens", "namibiennes"),
        ("Rwanda", "rwandais", "rwandais", "rwandaises"),
        ("Angola", "angolais", "angolais", "angolaises"),
        ("Gambie", "gambien", "gambiens", "gambiennes"),
        ("Burundi", "burundais", "burundais", "burundaises"),
        ("Argentine", "argentin", "argentins", "argentines"),
        ("Jordanie", "jordanien", "jordaniens", "jordaniennes"),
        ("Bénin", "béninois", "béninois", "béninoises"),
        ("Australie", "australien", "australiens", "australiennes"),
        ("Géorgie", "géorgien", "géorgiens", "géorgiennes"),
        ("Togo", "togolais", "togolais", "togolaises"),
        ("Albanie", "albanais", "albanais", "albanaises"),
        ("Moldavie", "moldave", "moldaves", "moldaves"),
        ("Ghana", "ghanéen", "ghanéens", "ghanéennes"),
        ("Afghanistan", "afghan", "afghans", "afghanes"),
        ("Roumanie", "roumain", "roumains", "roumaines"),
        ("Gabon", "gabonais", "gabonais", "gabonaises"),
        ("Bulgarie", "bulgare", "bulgares", "bulgares"),
        ("Pakistan", "pakistanais", "pakistanais", "pakistanaises"),
        ("Serbie", "serbe", "serbes", "serbes"),
        ("Népal", "népalais", "népalais", "népalaises"),
        ("Croatie", "croate", "croates", "croates"),
        ("Japon", "japonais", "japonais", "japonaises"),
        ("Slovaquie", "slovaque", "slovaques", "slovaques"),
        ("Cambodge", "cambodgien", "cambodgiens", "cambodgiennes"),
        ("Pologne", "polonais", "polonais", "polonaises"),
        ("Laos", "laotien", "laotiens", "laotiennes"),
        ("Finlande", "finlandais", "finlandais", "finlandaises"),
        ("Brésil", "brésilien", "brésiliens", "brésiliennes"),
        ("Norvège", "norvégien", "norvégiens", "norvégiennes"),
        ("Chili", "chilien", "chiliens", "chiliennes"),
        ("Suède", "suédois", "suédois", "suédoises"),
        ("Pérou", "péruvien", "péruviens", "péruviennes"),
        ("Grèce", "grec", "grecs", "grecques"),
        ("Venezuela", "vénézuélien", "vénézuéliens", "vénézuéliennes"),
        ("Turquie", "turc", "turcs", "turques"),
        ("Mexique", "mexicain", "mexicains", "mexicaines"),
        ("Chine", "chinois", "chinois", "chinoises"),
        ("Canada", "canadien", "canadiens", "canadiennes"),
        ("Birmanie", "birman", "birmans", "birmanes"),
        ("Danemark", "danois", "danois", "danoises"),
        ("Thaïlande", "thaïlandais", "thaïlandais", "thaïlandaises"),
        ("Portugal", "portugais", "portugais", "portugaises"),
        ("Malaisie", "malaisien", "malaisiens", "malaisiennes"),
        ("Kazakhstan", "kazakh", "kazakhs", "kazakhes"),
        ("Lituanie", "lituanien", "lituaniens", "lituaniennes"),
        ("Tadjikistan", "tadjik", "tadjiks", "tadjikes"),
        ("Lettonie", "letton", "lettons", "lettonnes"),
        ("Koweït", "koweïtien", "koweïtiens", "koweïtiennes"),
        ("Belgique", "belge", "belges", "belges"),
        ("Qatar", "qatari", "qataris", "qataries"),
        ("Hongrie", "hongrois", "hongrois", "hongroises"),
        ("Bangladesh", "bangladais", "bangladais", "bangladaises"),
        ("Slovénie", "slovène", "slovènes", "slovènes"),
        ("Mozambique", "mozambicain", "mozambicains", "mozambicaines"),
        ("Zimbabwe", "zimbabwéen", "zimbabwéens", "zimbabwéennes"),
    ],
    masculine: &[
        "Mali",
        "Soudan",
        "Niger",
        "Tchad",
        "Yémen",
        "Liban",
        "Maroc",
        "Sénégal",
        "Nigeria",
        "Cameroun",
        "Kenya",
        "Rwanda",
        "Burundi",
        "Bénin",
        "Togo",
        "Ghana",
        "Gabon",
        "Pakistan",
        "Népal",
        "Japon",
        "Cambodge",
        "Laos",
        "Brésil",
        "Chili",
        "Pérou",
        "Venezuela",
        "Mexique",
        "Canada",
        "Danemark",
        "Portugal",
        "Kazakhstan",
        "Tadjikistan",
        "Koweït",
        "Qatar",
        "Bangladesh",
        "Mozambique",
        "Zimbabwe",
    ],
    observers: &[
        "Observatoire des conflits",
        "Comité international de secours",
        "ONU",
    ],
    rotate: true,
};

/// Fictional countries: (name, adjective, masculine plural, feminine
/// plural).
pub const COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("Valdorie", "valdorien", "valdoriens", "valdoriennes"),
    ("Ostrande", "ostrandais", "ostrandais", "ostrandaises"),
    ("Meravie", "meravien", "meraviens", "meraviennes"),
    ("Kestanie", "kestanien", "kestaniens", "kestaniennes"),
    ("Borlande", "borlandais", "borlandais", "borlandaises"),
    ("Sarvenie", "sarvenien", "sarveniens", "sarveniennes"),
];

/// Outlets that publish the articles.
pub const OUTLETS: &[&str] = &[
    "Le Courrier du Sud",
    "Radio Horizon",
    "La Dépêche de l'Est",
    "Le Veilleur",
    "Info Continent",
    "La Gazette des Frontières",
    "Le Quotidien du Plateau",
    "Écho du Matin",
    "Le Signal",
    "Tribune des Vallées",
];

/// Agencies cited in between ("selon l'agence ...").
pub const AGENCIES: &[&str] = &["Agence Nordpresse", "Presse Internationale Associée"];

/// Observers that speak for no side.
pub const OBSERVERS: &[&str] = &[
    "Observatoire des conflits",
    "Comité international de secours",
    "mission d'observation régionale",
];

const ONSETS: &[&str] = &[
    "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ou", "ai"];
const CODAS: &[&str] = &["", "n", "r", "l", "sk", "v", "z", "m"];

/// A place name for index `i`, distinct for distinct `i` (a short
/// syllable string, capitalised: "Kravelon", "Tazim").
pub fn place(i: usize) -> String {
    let space = (ONSETS.len() * VOWELS.len()).pow(3) * CODAS.len();
    // A fixed permutation of the syllable space (7919 is prime to its size),
    // so that neighbouring indices do not give near-identical names.
    let mut n = ((i % space) * 7919 + 104_729) % space + (i / space) * space;
    let mut out = String::new();
    for _ in 0..3 {
        out.push_str(ONSETS[n % ONSETS.len()]);
        n /= ONSETS.len();
        out.push_str(VOWELS[n % VOWELS.len()]);
        n /= VOWELS.len();
    }
    out.push_str(CODAS[n % CODAS.len()]);
    n /= CODAS.len();
    // Beyond the syllable space, a numeral keeps names distinct.
    if n > 0 {
        out.push_str(&format!("-{n}"));
    }
    capitalise(&out)
}

/// The text with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "12 mars 2021".
pub fn french_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const MOIS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = if d.day() == 1 {
        "1er".to_string()
    } else {
        d.day().to_string()
    };
    format!("{day} {} {}", MOIS[d.month0() as usize % 12], d.year())
}

/// "6 500": French digit grouping.
pub fn french_number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_distinct() {
        let names: std::collections::HashSet<String> = (0..20_000).map(place).collect();
        assert_eq!(names.len(), 20_000);
    }

    #[test]
    fn rng_is_deterministic() {
        let a: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        let mut r = Rng::new(7);
        assert_eq!(a, (0..4).map(|_| r.next_u64()).collect::<Vec<_>>());
        assert!((0..1000).all(|_| r.below(6) < 6));
    }

    #[test]
    fn french_formats() {
        assert_eq!(french_number(6500), "6 500");
        assert_eq!(french_number(135), "135");
        assert_eq!(french_number(1_000_000), "1 000 000");
        let d = chrono::NaiveDate::from_ymd_opt(2021, 3, 2).unwrap_or_default();
        assert_eq!(french_date(d), "2 mars 2021");
    }
}
