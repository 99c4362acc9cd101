//! The command line: argument parsing (clap) and dispatch to the library.

use std::process::ExitCode;

pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
