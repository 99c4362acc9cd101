//! Any bytes as a query file: reading, splitting, parsing, planning and
//! rendering must never panic, and whatever parses must print back to text
//! that parses to the same statement.
#![no_main]

use claimgraph::query::{self, plan, QueryFile};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let file = match QueryFile::from_bytes(Path::new("fuzz.cq"), data.to_vec()) {
        Ok(file) => file,
        Err(e) => {
            let _ = e.render(false);
            return;
        }
    };
    let src = file.text.as_str();
    let _ = query::is_incomplete(src);
    for (_, result) in query::parse_each(src) {
        match result {
            Ok(statement) => {
                let text = statement.to_string();
                let again = query::parse(&text).expect("canonical text parses");
                assert_eq!(again, vec![statement.clone()], "{text}");
                match plan::plan(&statement) {
                    Ok(p) => {
                        let _ = p.to_string();
                    }
                    Err(d) => {
                        let _ = d.render(&file.name, src, false);
                    }
                }
            }
            Err(d) => {
                let _ = d.render(&file.name, src, true);
            }
        }
    }
});
