//! The `claimgraph` binary: everything lives in the library; this only hands
//! the process over to [`claimgraph::cli`].

fn main() -> std::process::ExitCode {
    claimgraph::cli::main()
}
